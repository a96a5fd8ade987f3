// The whole applications list as one .xlsx, for GET /files/exports/applications.xlsx
// (list-export.route.ts serves it, as every list export). The query takes the `applications`
// connection's own `filter` and `orderBy`, checked by the schema's input types and turned into
// the same where and order (applicationListArguments: the row rules AND the filter); the rows
// are read in keyset batches (list-export.ts), 200,000 of them region-wide.
import type { Prisma } from '@tepei/db/client';
import type { Actor } from '../../auth/actor.ts';
import { prisma } from '../../db.ts';
import { type ApplicationFilter, applicationListArguments, type ApplicationOrder } from '../applications/application-filter.ts';
import { signedScansSelect, loadMissingSignedScans } from '../documents/signed-scans.ts';
import { eligibilitySelect, loadEligibility } from '../eligibility/eligibility.loader.ts';
import { applicationListColumns, applicationListFile, type ApplicationListRow } from './application-list-sheet.ts';
import { type ExportedList, exportBatchSize, inputListType, inputType, keysetList, type ListExport, listQuery } from './list-export.ts';

export interface ApplicationListQuery {
  filter: ApplicationFilter | null;
  orderBy: ApplicationOrder[] | null;
}

const parameters = {
  filter: { type: () => inputType('ApplicationFilter'), example: '{"roundYear":2027,"statuses":["SUBMITTED"]}' },
  orderBy: { type: () => inputListType('ApplicationOrder'), example: '[{"field":"NAME","direction":"ASC"}]' },
};

/** `?filter=<ApplicationFilter JSON>&orderBy=<[ApplicationOrder] JSON>`; a ValidationFailedError when they are not. */
export function applicationListQuery(search: URLSearchParams): ApplicationListQuery {
  return listQuery<ApplicationListQuery>(parameters, search);
}

const rowSelect = {
  ...eligibilitySelect,
  ...signedScansSelect,
  serialNumber: true,
  name: true,
  gender: true,
  mode: true,
  statusChangedAt: true,
  submittedAt: true,
  updatedAt: true,
  unit: { select: { name: true } },
  area: { select: { name: true } },
} as const satisfies Prisma.ApplicationSelect;

/**
 * The list: how many rows it has, and its rows in batches of `batchSize`, each with its
 * eligibility and missing scans computed for the whole batch in a few statements.
 * A ValidationFailedError, before any read, for a filter or order the reader may not use.
 */
export async function applicationList(actor: Actor, query: ApplicationListQuery, now: Date, batchSize = exportBatchSize): Promise<ExportedList<ApplicationListRow>> {
  const { where, orderBy } = applicationListArguments(actor, query);
  return keysetList(batchSize, {
    count: () => prisma.application.count({ where }),
    read: (page) => prisma.application.findMany({ where, orderBy, select: rowSelect, ...page }),
    complete: async (rows) => {
      const [eligibility, missing] = await Promise.all([loadEligibility(rows, now), loadMissingSignedScans(rows)]);
      return rows.map((row) => ({ ...row, eligibility: eligibility.get(row.id) ?? [], missingSignedScans: missing.get(row.id) ?? [] }));
    },
  });
}

/** Reviewers of every stage and analysts (masked) may export; an applicant has no list. */
export const applicationListExport: ListExport<ApplicationListQuery, ApplicationListRow> = {
  ...applicationListFile,
  operation: 'exportApplications',
  targetType: 'Application',
  authScopes: { reviewer: true, wholeProgrammeReader: true },
  refusal: '仅审核人和数据分析账号可导出申报列表',
  parameters,
  list: applicationList,
  columns: applicationListColumns,
};
