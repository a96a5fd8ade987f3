// Where clients download the official forms: relative paths of GET routes (forms.routes.ts)
// that take the same bearer token. A path is handed only to those who may download the file;
// the route checks again.
import { builder } from '../../builder.ts';
import { ApplicationType } from '../applications/application.schema.ts';
import { AreaType, EmployerUnitType } from '../areas-units/areas-units.schema.ts';
import { RoundType } from '../rounds/rounds.schema.ts';
import { formPaths } from './form-paths.ts';

interface ApplicationFormPaths {
  applicationId: string;
}

const ApplicationFormFiles = builder.objectRef<ApplicationFormPaths>('ApplicationFormFiles').implement({
  description: '一份申报的表格文件（PDF，A4），GET 下载，须带同一 Authorization: Bearer 令牌',
  fields: (t) => ({
    form2Pdf: t.string({ description: '学员申报表（附件2）', resolve: ({ applicationId }) => formPaths.applicationForm(applicationId) }),
    form3Pdf: t.string({ description: '申报培养单位志愿表（附件3）', resolve: ({ applicationId }) => formPaths.hostPreferences(applicationId) }),
  }),
});

interface SummaryListPaths {
  areaId: string | null;
  year: number;
}

const SummaryListFiles = builder.objectRef<SummaryListPaths>('SummaryListFiles').implement({
  description: '名单汇总表（附件5），GET 下载，须带同一 Authorization: Bearer 令牌',
  fields: (t) => ({
    form5Xlsx: t.string({ description: 'Excel，按 A3 横向打印排版', resolve: ({ areaId, year }) => formPaths.summaryList(areaId, year, 'xlsx') }),
    form5Pdf: t.string({ description: 'PDF，A3 横向', resolve: ({ areaId, year }) => formPaths.summaryList(areaId, year, 'pdf') }),
  }),
});

const roundYearArg = { description: '特培年度，如 2025', required: true } as const;

builder.prismaObjectField(ApplicationType, 'formFiles', (t) =>
  t.field({
    type: ApplicationFormFiles,
    description: '学员申报表与申报培养单位志愿表的下载路径',
    select: { id: true },
    resolve: (application) => ({ applicationId: application.id }),
  }),
);

builder.prismaObjectField(EmployerUnitType, 'form4Pdf', (t) =>
  t.string({
    nullable: true,
    description: '本单位某年度用人单位审核表（附件4，PDF）的下载路径：本单位、所属地州市、自治区可下载',
    authScopes: { employer: true, prefecture: true, wholeProgrammeReader: true },
    args: { roundYear: t.arg.int(roundYearArg) },
    select: { id: true },
    resolve: (unit, args) => formPaths.unitReview(unit.id, args.roundYear),
  }),
);

builder.prismaObjectField(AreaType, 'form5Files', (t) =>
  t.field({
    type: SummaryListFiles,
    nullable: true,
    description: '本地区某年度名单汇总表的下载路径：本地州市审核人与自治区可下载',
    authScopes: { prefecture: true, wholeProgrammeReader: true },
    args: { roundYear: t.arg.int(roundYearArg) },
    select: { id: true },
    resolve: (area, args) => ({ areaId: area.id, year: args.roundYear }),
  }),
);

builder.prismaObjectField(RoundType, 'regionForm5Files', (t) =>
  t.field({
    type: SummaryListFiles,
    nullable: true,
    description: '本年度全区名单汇总表的下载路径（自治区人社厅）',
    authScopes: { wholeProgrammeReader: true },
    select: { year: true },
    resolve: (round) => ({ areaId: null, year: round.year }),
  }),
);
