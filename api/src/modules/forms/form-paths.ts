// Where each form file is downloaded (GET, with the same bearer token as /graphql). The GraphQL
// fields hand these paths out; forms.routes.ts serves them.
export const formPaths = {
  /** 学员申报表 of one application. */
  applicationForm: (applicationId: string) => `/files/forms/application/${applicationId}/form2.pdf`,
  /** 申报培养单位志愿表 of one application. */
  hostPreferences: (applicationId: string) => `/files/forms/application/${applicationId}/form3.pdf`,
  /** 用人单位审核表 of a unit for one round. */
  unitReview: (unitId: string, year: number) => `/files/forms/unit/${unitId}/form4.pdf?round=${year}`,
  /** 名单汇总表 of an area, or of the whole region when `areaId` is null. */
  summaryList: (areaId: string | null, year: number, format: 'xlsx' | 'pdf') =>
    areaId ? `/files/forms/area/${areaId}/form5.${format}?round=${year}` : `/files/forms/region/form5.${format}?round=${year}`,
  /** 结业证书 of one trainee assessed as qualified. */
  certificate: (applicationId: string) => `/files/forms/application/${applicationId}/certificate.pdf`,
  /** 结业名单 of one round. */
  completionList: (year: number) => `/files/forms/region/completion.xlsx?round=${year}`,
};

const uuid = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

export type FormRoute =
  | { form: 'applicationForm' | 'hostPreferences'; applicationId: string }
  | { form: 'unitReview'; unitId: string }
  | { form: 'summaryList'; areaId: string | null; format: 'xlsx' | 'pdf' }
  | { form: 'certificate'; applicationId: string }
  | { form: 'completionList' };

const patterns: Array<[RegExp, (match: RegExpExecArray) => FormRoute]> = [
  [new RegExp(`^/files/forms/application/(${uuid})/form2\\.pdf$`, 'i'), (m) => ({ form: 'applicationForm', applicationId: m[1]!.toLowerCase() })],
  [new RegExp(`^/files/forms/application/(${uuid})/form3\\.pdf$`, 'i'), (m) => ({ form: 'hostPreferences', applicationId: m[1]!.toLowerCase() })],
  [new RegExp(`^/files/forms/unit/(${uuid})/form4\\.pdf$`, 'i'), (m) => ({ form: 'unitReview', unitId: m[1]!.toLowerCase() })],
  [new RegExp(`^/files/forms/area/(${uuid})/form5\\.(xlsx|pdf)$`, 'i'), (m) => ({ form: 'summaryList', areaId: m[1]!.toLowerCase(), format: m[2]!.toLowerCase() as 'xlsx' | 'pdf' })],
  [/^\/files\/forms\/region\/form5\.(xlsx|pdf)$/i, (m) => ({ form: 'summaryList', areaId: null, format: m[1]!.toLowerCase() as 'xlsx' | 'pdf' })],
  [new RegExp(`^/files/forms/application/(${uuid})/certificate\\.pdf$`, 'i'), (m) => ({ form: 'certificate', applicationId: m[1]!.toLowerCase() })],
  [/^\/files\/forms\/region\/completion\.xlsx$/i, () => ({ form: 'completionList' })],
];

/** The form a path names, or null when it names none. */
export function matchFormPath(pathname: string): FormRoute | null {
  for (const [pattern, route] of patterns) {
    const match = pattern.exec(pathname);
    if (match) return route(match);
  }
  return null;
}
