// Where the official forms and the stored scans of a reviewer's scope are downloaded: the API
// hands out the paths (Application.formFiles, EmployerUnit.form4Pdf, Area.form5Files,
// Round.regionForm5Files) and the documents with their signed links; files.ts fetches them.
import { parse } from 'graphql';
import { client } from './client.ts';
import { toApiError } from './errors.ts';

export interface StoredDocument {
  id: string;
  kind: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: string;
  uploadedByName: string;
  downloadUrl: string | null;
}

export interface SummaryListFiles {
  form5Xlsx: string;
  form5Pdf: string;
}

const storedDocument = 'id kind fileName mimeType sizeBytes uploadedAt uploadedByName downloadUrl';

/** The queries, by name (checked against the schema by test/e2e/console-queries.test.ts). */
export const formFileQueries = {
  applicationFiles: `query ApplicationFiles($id: ID!) {
    node(id: $id) { __typename ... on Application { id formFiles { form2Pdf form3Pdf } documents { ${storedDocument} } } }
  }`,
  unitForm4: `query UnitForm4($unitId: ID!, $roundYear: Int!) {
    node(id: $unitId) { __typename ... on EmployerUnit { id form4Pdf(roundYear: $roundYear) } }
  }`,
  areaForm5: `query AreaForm5($areaId: ID!, $roundYear: Int!) {
    node(id: $areaId) { __typename ... on Area { id form5Files(roundYear: $roundYear) { form5Xlsx form5Pdf } form5Scans(roundYear: $roundYear) { ${storedDocument} } } }
  }`,
  regionForm5: `query RegionForm5 {
    currentRound { id year regionForm5Files { form5Xlsx form5Pdf } regionForm5Scans { ${storedDocument} } }
  }`,
};

async function read<Data>(query: string, variables: Record<string, unknown>): Promise<Data> {
  try {
    const { data } = await client.query<Data>({ query: parse(query), variables });
    return data;
  } catch (error) {
    throw toApiError(error);
  }
}

export interface ApplicationFiles {
  form2Pdf: string;
  form3Pdf: string;
  documents: StoredDocument[];
}

export async function applicationFiles(id: string): Promise<ApplicationFiles | null> {
  const data = await read<{ node: { formFiles: { form2Pdf: string; form3Pdf: string }; documents: StoredDocument[] } | null }>(formFileQueries.applicationFiles, { id });
  return data.node ? { ...data.node.formFiles, documents: data.node.documents } : null;
}

/** 用人单位审核表 (附件4) of a unit for one round. */
export async function unitForm4(unitId: string, roundYear: number): Promise<string | null> {
  const data = await read<{ node: { form4Pdf: string | null } | null }>(formFileQueries.unitForm4, { unitId, roundYear });
  return data.node?.form4Pdf ?? null;
}

export interface SummaryList {
  files: SummaryListFiles | null;
  scans: StoredDocument[];
}

/** 名单汇总表 (附件5) of an area, and its signed scans. */
export async function areaForm5(areaId: string, roundYear: number): Promise<SummaryList> {
  const data = await read<{ node: { form5Files: SummaryListFiles | null; form5Scans: StoredDocument[] } | null }>(formFileQueries.areaForm5, { areaId, roundYear });
  return { files: data.node?.form5Files ?? null, scans: data.node?.form5Scans ?? [] };
}

/** 名单汇总表 of the whole region for the current round, and its signed scans. */
export async function regionForm5(): Promise<SummaryList & { roundId: string | null }> {
  const data = await read<{ currentRound: { id: string; regionForm5Files: SummaryListFiles | null; regionForm5Scans: StoredDocument[] } | null }>(
    formFileQueries.regionForm5,
    {},
  );
  return { roundId: data.currentRound?.id ?? null, files: data.currentRound?.regionForm5Files ?? null, scans: data.currentRound?.regionForm5Scans ?? [] };
}
