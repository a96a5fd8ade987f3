// Deadlines are inclusive instants stored in UTC; the notice reads them as the end of a day in
// Beijing time, and so do the messages.
import type { Round } from '@tepei/db/client';
import { formatBeijing } from '../../clock.ts';
import { DeadlinePassedError } from '../../errors/domain-errors.ts';

export function assertApplicationsOpen(round: Round, now: Date): void {
  if (now > round.applicationDeadline) {
    throw new DeadlinePassedError(
      round.applicationDeadline,
      `${round.name}个人申报已于 ${formatBeijing(round.applicationDeadline)}（北京时间）截止`,
    );
  }
}

export function assertRecommendationsOpen(round: Round, now: Date): void {
  if (now > round.recommendationDeadline) {
    throw new DeadlinePassedError(
      round.recommendationDeadline,
      `${round.name}审核推荐已于 ${formatBeijing(round.recommendationDeadline)}（北京时间）截止`,
    );
  }
}
