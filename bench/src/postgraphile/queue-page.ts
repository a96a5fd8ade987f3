// The prefecture reviewer's queue page asked of PostGraphile in its own schema (ENDORSED, first
// 50, in the API's order: updatedAt, id), with unit, area, host preferences, reviews, the
// signed scans still missing, totalCount, and the facts eligibility needs (the round, the
// application's own columns, the listings in force); and its answer in the API's shape, the
// verdicts given by the API's pure rules function (baseline/eligibility-facts.ts), so the two
// answers can be compared deep-equal.
import { encodeGlobalID } from '@pothos/plugin-relay';
import { normalizeResidentId } from '@tepei/db/reference/resident-id';
import { isoInstant } from '../baseline/actor.ts';
import { eligibilityOf, type EligibilityRow } from '../baseline/eligibility-facts.ts';
import type { PostGraphilePage } from './pages.ts';

const document = /* GraphQL */ `
  query ReviewQueuePage($first: Int!, $at: Datetime!) {
    allApplications(first: $first, condition: { status: ENDORSED }, orderBy: [UPDATED_AT_ASC, ROW_ID_ASC]) {
      totalCount
      nodes {
        rowId serialNumber name gender status mode trainingSpecialty submittedAt updatedAt version
        idNumber unitId ethnicity birthDate education titleLevel hasDisqualifyingIllness earlierTrainee earlierTrainingYear earlierTrainingPlace
        employerUnitByUnitId { rowId name nature areaByAreaId { name } }
        areaByAreaId { rowId name isSouthernXinjiang }
        roundByRoundId { year ageCutoffDate shortageSpecialties }
        hostPreferencesByApplicationId(orderBy: [RANK_ASC]) { nodes { rank institution mentor } }
        reviewsByApplicationId(orderBy: [DECIDED_AT_ASC]) { nodes { stage decision decidedAt } }
        missingSignedScans
        blacklistingsInForce(at: $at) { nodes { applicantIdNumber unitId listedAt expiresAt reason } }
        earlierParticipations
      }
    }
  }`;

interface QueueNode {
  rowId: string;
  serialNumber: string | null;
  name: string;
  gender: string;
  status: string;
  mode: string;
  trainingSpecialty: string;
  submittedAt: string | null;
  updatedAt: string;
  version: number;
  idNumber: string;
  unitId: string;
  ethnicity: string;
  birthDate: string;
  education: string;
  titleLevel: string;
  hasDisqualifyingIllness: boolean;
  earlierTrainee: boolean;
  earlierTrainingYear: number | null;
  earlierTrainingPlace: string | null;
  employerUnitByUnitId: { rowId: string; name: string; nature: string; areaByAreaId: { name: string } };
  areaByAreaId: { rowId: string; name: string; isSouthernXinjiang: boolean };
  roundByRoundId: { year: number; ageCutoffDate: string; shortageSpecialties: string[] };
  hostPreferencesByApplicationId: { nodes: Array<{ rank: number; institution: string; mentor: string | null }> };
  reviewsByApplicationId: { nodes: Array<{ stage: string; decision: string; decidedAt: string }> };
  missingSignedScans: string[];
  blacklistingsInForce: { nodes: Array<{ applicantIdNumber: string | null; unitId: string | null; listedAt: string; expiresAt: string; reason: string }> };
  earlierParticipations: EligibilityRow['participations'];
}

function apiNode(node: QueueNode) {
  const unit = node.employerUnitByUnitId;
  const area = node.areaByAreaId;
  const round = node.roundByRoundId;
  const idNumber = normalizeResidentId(node.idNumber);
  return {
    id: encodeGlobalID('Application', node.rowId),
    serialNumber: node.serialNumber,
    name: node.name,
    gender: node.gender,
    status: node.status,
    mode: node.mode,
    trainingSpecialty: node.trainingSpecialty,
    submittedAt: isoInstant(node.submittedAt),
    updatedAt: isoInstant(node.updatedAt),
    version: node.version,
    unit: { id: encodeGlobalID('EmployerUnit', unit.rowId), name: unit.name, nature: unit.nature, area: { name: unit.areaByAreaId.name } },
    area: { id: encodeGlobalID('Area', area.rowId), name: area.name, isSouthernXinjiang: area.isSouthernXinjiang },
    hostPreferences: node.hostPreferencesByApplicationId.nodes,
    eligibility: eligibilityOf({
      ...node,
      roundYear: round.year,
      ageCutoffDate: round.ageCutoffDate,
      shortageSpecialties: round.shortageSpecialties,
      areaName: area.name,
      isSouthernXinjiang: area.isSouthernXinjiang,
      unitName: unit.name,
      // As eligibility.loader.ts tells the applicant's listing from the unit's.
      listings: node.blacklistingsInForce.nodes.map((listing) => ({
        applicant: listing.applicantIdNumber !== null && normalizeResidentId(listing.applicantIdNumber) === idNumber,
        unit: listing.unitId === node.unitId,
        listedAt: listing.listedAt,
        expiresAt: listing.expiresAt,
        reason: listing.reason,
      })),
      participations: node.earlierParticipations,
    }),
    missingSignedScans: node.missingSignedScans,
    reviews: node.reviewsByApplicationId.nodes.map((review) => ({ ...review, decidedAt: isoInstant(review.decidedAt) })),
  };
}

export const queuePage: PostGraphilePage = {
  document,
  variables: (operationVariables, now) => ({ ...operationVariables, at: now.toISOString() }),
  apiAnswer(answer) {
    const { totalCount, nodes } = (answer as { data: { allApplications: { totalCount: number; nodes: QueueNode[] } } }).data.allApplications;
    return { data: { applications: { totalCount, edges: nodes.map((node) => ({ node: apiNode(node) })) } } };
  },
};
