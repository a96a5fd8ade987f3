// After selection in a closed round: the orientation session every trainee had to attend (训前培训),
// who attended it, and each trainee's year at the host with its assessment and certificate.
import type { Prisma } from '../src/client.ts';
import { certificateNumber } from '../src/reference/certificate-number.ts';
import { calendarDate, dayMs } from './calendar.ts';
import type { PlannedApplication } from './applications.ts';
import type { WrittenHistory } from './history.ts';
import { personName } from './people.ts';
import { Random, seedId } from './random.ts';
import type { SeedRound } from './rounds.ts';

export interface TrainingRows {
  sessions: Prisma.OrientationSessionCreateManyInput[];
  attendances: Prisma.OrientationAttendanceCreateManyInput[];
  records: Prisma.TrainingRecordCreateManyInput[];
  /** The confirmed placement that gave each trainee their host (培养单位分配): their first preference. */
  placements: Prisma.PlacementCreateManyInput[];
}

export function trainingRows(
  round: SeedRound,
  applications: readonly PlannedApplication[],
  histories: ReadonlyMap<string, WrittenHistory>,
  adminId: string,
): TrainingRows {
  const sessionId = seedId(`orientation:${round.year}`);
  const sessions = [
    { id: sessionId, roundId: round.id, title: `${round.name}特培学员训前培训`, heldOn: calendarDate(`${round.year}-05-20`), place: '乌鲁木齐市' },
  ];
  const attendances: TrainingRows['attendances'] = [];
  const records: TrainingRows['records'] = [];
  const placements: TrainingRows['placements'] = [];
  let certificates = 0;
  for (const application of applications) {
    if (application.round.id !== round.id) continue;
    const history = histories.get(application.id)!;
    const attended = application.path.indexOf('ORIENTATION_ATTENDED');
    if (attended >= 0) {
      attendances.push({
        id: seedId(`${application.key}:attendance`),
        sessionId,
        applicationId: application.id,
        recordedById: adminId,
        attendedAt: history.times[attended]!,
      });
    }
    if (!application.training) continue;
    const random = Random.stream(`${application.key}:training`);
    const host = application.forms.hostPreferences[0]!;
    const completed = application.training.completedOn !== null;
    const certified = completed && !application.training.failedAssessment;
    // A week before orientation, where the trainees learnt their hosts.
    const placedAt = new Date((attended >= 0 ? history.times[attended]! : calendarDate(application.training.startedOn)).getTime() - 7 * dayMs);
    placements.push({
      id: seedId(`${application.key}:placement`),
      roundId: round.id,
      applicationId: application.id,
      hostInstitutionId: host.hostInstitutionId ?? null,
      mentor: host.mentor ?? null,
      preferenceRank: host.rank,
      status: 'CONFIRMED',
      proposedAt: placedAt,
      confirmedAt: placedAt,
    });
    records.push({
      id: seedId(`${application.key}:training`),
      applicationId: application.id,
      hostInstitution: host.institution,
      hostInstitutionId: host.hostInstitutionId ?? null,
      mentor: host.mentor ?? personName(random, 'HAN', random.chance(0.6) ? 'MALE' : 'FEMALE'),
      startedOn: calendarDate(application.training.startedOn),
      plannedEndOn: calendarDate(application.training.plannedEndOn),
      completedOn: completed ? calendarDate(application.training.completedOn!) : null,
      // 结业证书 go to those assessed as qualified (notice 五(三)), numbered in the round's
      // sequence; every 2025 finisher was, a few of 2023's and 2024's were not.
      assessment: completed ? (application.training.failedAssessment ? 'UNQUALIFIED' : random.chance(0.25) ? 'EXCELLENT' : 'QUALIFIED') : null,
      certificateNumber: certified ? certificateNumber(round.year, ++certificates) : null,
    });
  }
  return { sessions, attendances, records, placements };
}
