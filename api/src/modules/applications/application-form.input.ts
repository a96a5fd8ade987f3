// Forms 2 and 3 as GraphQL input, field for field the `ApplicationForm` of application-form.ts,
// which validates it. Every field may be left out: a draft is saved as far as it is filled in, and
// submission requires the rest. Formats are checked there, so that every problem comes back at once.
import { builder } from '../../builder.ts';
import {
  ChineseProficiencyEnum,
  EducationEnum,
  EthnicityEnum,
  GenderEnum,
  PoliticalStatusEnum,
  TitleLevelEnum,
  TrainingModeEnum,
} from './application-enums.schema.ts';
import type { ApplicationFormDraft } from './application-form.ts';

export const WorkHistoryInput = builder.inputType('WorkHistoryInput', {
  description: '主要工作经历（一段）',
  fields: (t) => ({
    startMonth: t.string({ description: '开始年月，YYYY-MM' }),
    endMonth: t.string({ description: '结束年月，YYYY-MM；至今则不填' }),
    work: t.string({ description: '工作经历' }),
    postOrTitle: t.string({ description: '职务或职称' }),
  }),
});

export const AwardInput = builder.inputType('AwardInput', {
  description: '主要工作业绩及获奖情况（一项）',
  fields: (t) => ({
    awardedOn: t.field({ type: 'Date', description: '日期' }),
    name: t.string({ description: '获奖成果名称' }),
    level: t.string({ description: '获奖等级' }),
  }),
});

export const PublicationInput = builder.inputType('PublicationInput', {
  description: '近5年发表的论文、专著（一项）',
  fields: (t) => ({
    publishedOn: t.field({ type: 'Date', description: '日期' }),
    titleAndContent: t.string({ description: '论文或专著名称及内容' }),
    publisher: t.string({ description: '出版社或登载刊物' }),
  }),
});

export const HostPreferenceInput = builder.inputType('HostPreferenceInput', {
  description: '拟选培养单位（志愿顺序即列表顺序，最多3个）',
  fields: (t) => ({
    institution: t.string({ description: '拟选培养单位' }),
    mentor: t.string({ description: '拟选导师（选填）' }),
    hostAgreed: t.boolean({ description: '是否已征得拟选培养单位同意接收' }),
    contactName: t.string({ description: '接收人姓名（已同意接收时必填）' }),
    contactDepartment: t.string({ description: '接收人所在部门（已同意接收时必填）' }),
    contactPost: t.string({ description: '接收人职务（已同意接收时必填）' }),
    contactPhone: t.string({ description: '接收人联系电话（已同意接收时必填）' }),
  }),
});

export const ApplicationFormInput = builder.inputType('ApplicationFormInput', {
  description:
    '学员申报表（附件2）与申报培养单位志愿表（附件3）中由申报人填写的内容。保存草稿时任何一项都可不填（已填的项检查格式；身份证号未填时用注册时的身份证号，出生日期和性别未填时按身份证号填写）；修改被退回的申报时，各选择项、出生日期与列表中各项的日期仍须填写；提交时须填写完整',
  fields: (t) => ({
    name: t.string({ description: '姓名' }),
    gender: t.field({ type: GenderEnum, description: '性别（须与身份证号一致）' }),
    ethnicity: t.field({ type: EthnicityEnum, description: '民族' }),
    birthDate: t.field({ type: 'Date', description: '出生日期（须与身份证号一致）' }),
    idNumber: t.string({ description: '身份证号（18位）' }),
    politicalStatus: t.field({ type: PoliticalStatusEnum, description: '政治面貌' }),
    chineseProficiency: t.field({ type: ChineseProficiencyEnum, description: '汉语水平' }),
    graduateSchool: t.string({ description: '毕业院校' }),
    foreignLanguage: t.string({ description: '外语种类' }),
    foreignLanguageLevel: t.string({ description: '外语等级' }),
    education: t.field({ type: EducationEnum, description: '最高学历' }),
    majorStudied: t.string({ description: '所学专业' }),
    currentSpecialty: t.string({ description: '现从事专业' }),
    trainingSpecialty: t.string({ description: '培养专业' }),
    department: t.string({ description: '工作部门' }),
    unitAddress: t.string({ description: '单位地址' }),
    postcode: t.string({ description: '邮政编码（6位数字）' }),
    administrativePost: t.string({ description: '行政职务' }),
    titleName: t.string({ description: '专业技术职称名称' }),
    titleLevel: t.field({ type: TitleLevelEnum, description: '专业技术职称层级' }),
    phone: t.string({ description: '本人联系电话（手机）' }),
    email: t.string({ description: '本人电子邮箱' }),
    unitContactName: t.string({ description: '单位联系人' }),
    unitContactPhone: t.string({ description: '单位联系人电话（手机或固定电话）' }),
    emergencyContactName: t.string({ description: '紧急情况联系人' }),
    emergencyContactPhone: t.string({ description: '紧急情况联系人电话（手机）' }),
    hasDisqualifyingIllness: t.boolean({
      description: '有无传染性疾病、精神类疾病史等影响正常培训的情况',
    }),
    earlierTrainee: t.boolean({ description: '是否参加过特培学习' }),
    earlierTrainingYear: t.int({ description: '参加特培的年份（参加过时必填）' }),
    earlierTrainingPlace: t.string({ description: '参加特培的单位（参加过时必填）' }),
    studyGoals: t.string({ description: '特培学员个人学习目标及计划（20至4000字）' }),
    mode: t.field({ type: TrainingModeEnum, description: '培养方式' }),
    intendedSpecialty: t.string({ description: '拟选专业' }),
    preferenceRemarks: t.string({ description: '志愿表备注' }),
    workHistory: t.field({ type: [WorkHistoryInput], description: '主要工作经历（最多20条）' }),
    awards: t.field({ type: [AwardInput], description: '主要工作业绩及获奖情况（最多20项）' }),
    publications: t.field({ type: [PublicationInput], description: '近5年发表的论文、专著（最多30项）' }),
    hostPreferences: t.field({ type: [HostPreferenceInput], description: '拟选培养单位志愿（1至3个）' }),
  }),
});

/** The input as resolvers receive it. */
export type ApplicationFormInputShape = typeof ApplicationFormInput.$inferInput;

/**
 * The input as the form validateApplicationForm takes. The conversion is the identity: its
 * signature is what makes the type check fail if the input ever drifts from the form.
 */
export function toApplicationForm(input: ApplicationFormInputShape): ApplicationFormDraft {
  return input;
}
