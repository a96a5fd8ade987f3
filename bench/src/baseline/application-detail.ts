// One application's full detail as the console's show page reads it (node(id) with forms 2
// and 3, reviews with findings, status history, classified items, eligibility, signed scans
// still missing): one statement.
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type pg from 'pg';
import type { Actor } from '@tepei/api/auth/actor';
import { shownEmail, shownEmergencyContact, shownIdNumber, shownPhone } from '@tepei/api/auth/personal-data';
import { isoInstant, visibleApplications } from './actor.ts';
import { eligibilityColumns, eligibilityOf, type EligibilityRow } from './eligibility-facts.ts';
import { missingSignedScansColumn } from './signed-scans.ts';

type Json = Record<string, unknown>;

const childLists = `
  (SELECT coalesce(json_agg(json_build_object('startMonth', w."startMonth", 'endMonth', w."endMonth", 'work', w.work, 'postOrTitle', w."postOrTitle") ORDER BY w.position), '[]')
   FROM "WorkHistoryEntry" w WHERE w."applicationId" = a.id) AS "workHistory",
  (SELECT coalesce(json_agg(json_build_object('awardedOn', x."awardedOn", 'name', x.name, 'level', x.level) ORDER BY x.position), '[]')
   FROM "Award" x WHERE x."applicationId" = a.id) AS awards,
  (SELECT coalesce(json_agg(json_build_object('publishedOn', p."publishedOn", 'titleAndContent', p."titleAndContent", 'publisher', p.publisher) ORDER BY p.position), '[]')
   FROM "Publication" p WHERE p."applicationId" = a.id) AS publications,
  (SELECT coalesce(json_agg(json_build_object('rank', h.rank, 'institution', h.institution, 'mentor', h.mentor, 'hostAgreed', h."hostAgreed",
            'contactName', h."contactName", 'contactDepartment', h."contactDepartment", 'contactPost', h."contactPost", 'contactPhone', h."contactPhone") ORDER BY h.rank), '[]')
   FROM "HostPreference" h WHERE h."applicationId" = a.id) AS "hostPreferences",
  (SELECT coalesce(json_agg(json_build_object('id', v.id, 'stage', v.stage, 'decision', v.decision, 'comment', v.comment,
            'conductConfirmed', v."conductConfirmed", 'reviewerName', reviewer."displayName", 'decidedAt', v."decidedAt",
            'findings', (SELECT coalesce(json_agg(json_build_object('item', f.item, 'result', f.result, 'comment', f.comment)), '[]')
                         FROM "ReviewFinding" f WHERE f."reviewId" = v.id)) ORDER BY v."decidedAt"), '[]')
   FROM "Review" v LEFT JOIN "User" reviewer ON reviewer.id = v."reviewerId" WHERE v."applicationId" = a.id) AS reviews,
  (SELECT coalesce(json_agg(json_build_object('at', s.at, 'fromStatus', s."fromStatus", 'toStatus', s."toStatus", 'actorName', actor."displayName",
            'actorRole', s."actorRole", 'reason', s.reason) ORDER BY s.at), '[]')
   FROM "StatusChange" s LEFT JOIN "User" actor ON actor.id = s."actorId" WHERE s."applicationId" = a.id) AS "statusHistory",
  (SELECT coalesce(json_agg(json_build_object('kind', c.kind, 'sentOfflineOn', c."sentOfflineOn", 'recordedAt', c."recordedAt") ORDER BY c."recordedAt"), '[]')
   FROM "ClassifiedItem" c WHERE c."applicationId" = a.id) AS "classifiedItems"`;

export async function applicationDetail(pool: pg.Pool, actor: Actor, variables: { id: string }, now: Date) {
  let id: string;
  try {
    const global = decodeGlobalID(variables.id);
    if (global.typename !== 'Application') return { data: { node: null } };
    id = global.id;
  } catch {
    return { data: { node: null } };
  }
  const visible = visibleApplications(actor, 3);
  const { rows } = await pool.query<Json & EligibilityRow>(
    `SELECT a.*, r.name AS "roundName", ${eligibilityColumns(2)}, ${missingSignedScansColumn}, ${childLists}
     FROM "Application" a
     JOIN "Round" r ON r.id = a."roundId"
     JOIN "EmployerUnit" u ON u.id = a."unitId"
     JOIN "Area" ar ON ar.id = a."areaId"
     WHERE a.id = $1::uuid AND ${visible.sql}`,
    [id, now, ...visible.params],
  );
  const a = rows[0];
  if (!a) return { data: { node: null } };
  const instant = (value: unknown) => isoInstant(value as string | Date | null);
  return {
    data: {
      node: {
        __typename: 'Application',
        id: encodeGlobalID('Application', a.id as string),
        serialNumber: a.serialNumber,
        name: a.name,
        gender: a.gender,
        status: a.status,
        mode: a.mode,
        trainingSpecialty: a.trainingSpecialty,
        submittedAt: instant(a.submittedAt),
        updatedAt: instant(a.updatedAt),
        version: a.version,
        unit: { id: encodeGlobalID('EmployerUnit', a.unitId as string), name: a.unitName },
        area: { id: encodeGlobalID('Area', a.areaId as string), name: a.areaName },
        eligibility: eligibilityOf(a),
        missingSignedScans: a.missingSignedScans,
        birthDate: a.birthDate,
        ethnicity: a.ethnicity,
        idNumber: shownIdNumber(actor, a.idNumber as string),
        politicalStatus: a.politicalStatus,
        chineseProficiency: a.chineseProficiency,
        graduateSchool: a.graduateSchool,
        foreignLanguage: a.foreignLanguage,
        foreignLanguageLevel: a.foreignLanguageLevel,
        education: a.education,
        majorStudied: a.majorStudied,
        currentSpecialty: a.currentSpecialty,
        department: a.department,
        unitAddress: a.unitAddress,
        postcode: a.postcode,
        administrativePost: a.administrativePost,
        titleName: a.titleName,
        titleLevel: a.titleLevel,
        phone: shownPhone(actor, a.phone as string),
        email: shownEmail(actor, a.email as string | null),
        unitContactName: a.unitContactName,
        unitContactPhone: shownPhone(actor, a.unitContactPhone as string),
        emergencyContactName: shownEmergencyContact(actor, a.emergencyContactName as string),
        emergencyContactPhone: shownEmergencyContact(actor, a.emergencyContactPhone as string),
        hasDisqualifyingIllness: a.hasDisqualifyingIllness,
        earlierTrainee: a.earlierTrainee,
        earlierTrainingYear: a.earlierTrainingYear,
        earlierTrainingPlace: a.earlierTrainingPlace,
        workHistory: a.workHistory,
        awards: a.awards,
        publications: a.publications,
        studyGoals: a.studyGoals,
        unitTrainingNeeds: a.unitTrainingNeeds,
        intendedSpecialty: a.intendedSpecialty,
        preferenceRemarks: a.preferenceRemarks,
        hostPreferences: a.hostPreferences,
        reviews: (a.reviews as Json[]).map((review) => ({ ...review, decidedAt: instant(review.decidedAt) })),
        statusHistory: (a.statusHistory as Json[]).map((change) => ({ ...change, at: instant(change.at) })),
        classifiedItems: (a.classifiedItems as Json[]).map((item) => ({ ...item, recordedAt: instant(item.recordedAt) })),
        round: { id: encodeGlobalID('Round', a.roundId as string), name: a.roundName, year: a.roundYear },
        createdAt: instant(a.createdAt),
        endorsedAt: instant(a.endorsedAt),
        recommendedAt: instant(a.recommendedAt),
        decidedAt: instant(a.decidedAt),
      },
    },
  };
}
