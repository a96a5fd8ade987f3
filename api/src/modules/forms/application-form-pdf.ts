// Form 2, 少数民族特培学员申报表 (attachment 2 of the notice): the cover, the filling notes,
// the table of every field, work history, awards, papers, the study goals and plan, and the
// sending unit's training needs, in the order of the paper form.
import { chineseProficiencyLabels, educationLabels, genderLabels, politicalStatusLabels, titleLevelLabels, unitNatureLabels } from '../applications/application-form.ts';
import { FormPdf, type Cell } from './form-pdf.ts';
import { chineseDate, chineseDay, chineseMonth, dottedDate, ethnicityName, labelOf, period } from './form-values.ts';
import type { ApplicationForms, FormApplication } from './forms.service.ts';

export const applicationFormTitle = '少数民族特培学员申报表';

const fillingNotes = [
  '一、“派出单位培养需求”应由派出单位根据本单位实际需求，填写特培学员的培养规划，以及特培学员返岗工作时需达到的水准。',
  '二、“特培学员个人学习目标和计划”应由申报人填写在学术技术水平、工作能力等方面希望达到的目标，具体学习计划等。',
  '三、申报人的特培学习目标和计划应经选派单位同意并签字。',
  '四、填写不下时可另附页。',
  '五、请认真填写表格内容，负责人签名及公章应齐全。',
];

const label = (text: string, width: number): Cell => ({ text, width });
const value = (text: string | null | undefined, width: number): Cell => ({ text: text ?? '', width });

function cover(pdf: FormPdf, application: FormApplication, now: Date): void {
  pdf.text(`学员编号：${application.serialNumber ?? ''}`, { size: 12, gapAfter: 150 });
  pdf.title(applicationFormTitle, 26);
  pdf.space(110);
  const line = (caption: string, text: string): void => {
    pdf.text(`${caption}${text}`, { size: 15, x: 110, width: pdf.width - 180, gapAfter: 26 });
  };
  line('学员姓名：', application.name);
  line('选派单位：', application.unit.name);
  line('培养专业：', application.trainingSpecialty);
  line('填表日期：', chineseDay(application.submittedAt ?? now));
  pdf.space(140);
  pdf.text('中华人民共和国人力资源和社会保障部制', { size: 14, align: 'center' });
}

function notes(pdf: FormPdf): void {
  pdf.newPage();
  pdf.space(30);
  pdf.title('填 表 说 明', 18);
  pdf.space(10);
  for (const note of fillingNotes) pdf.text(note, { size: 12, gapAfter: 12 });
}

/** Any status, a draft too: what a draft has not filled in yet prints blank. */
function personalTable(pdf: FormPdf, { application, photo }: ApplicationForms): void {
  const a = application;
  const photoWidth = 82;
  pdf.rowsBeside(
    [
      [label('姓  名', 0.17), value(a.name, 0.2), label('性  别', 0.13), value(labelOf(genderLabels, a.gender), 0.15), label('民  族', 0.13), value(a.ethnicity && ethnicityName(a.ethnicity), 0.22)],
      [label('出生日期', 0.17), value(a.birthDate ? chineseDate(a.birthDate) : a.birthMonth && chineseMonth(a.birthMonth), 0.2), label('身份证号', 0.13), value(a.idNumber, 0.5)],
      [
        label('政治面貌', 0.17),
        value(labelOf(politicalStatusLabels, a.politicalStatus), 0.2),
        label('汉语水平', 0.13),
        { width: 0.5, choices: { options: Object.values(chineseProficiencyLabels), chosen: labelOf(chineseProficiencyLabels, a.chineseProficiency) } },
      ],
      [label('毕业院校', 0.17), value(a.graduateSchool, 0.33), label('外语种类及等级', 0.15), value([a.foreignLanguage, a.foreignLanguageLevel].filter(Boolean).join(' ') || '无', 0.35)],
    ],
    photoWidth,
    (x, y, width, height) => {
      if (photo) {
        try {
          pdf.doc.image(Buffer.from(photo.bytes), x + 3, y + 3, { fit: [width - 6, height - 6], align: 'center', valign: 'center' });
          return;
        } catch {
          // An unreadable upload leaves the box for a paper photo, as on the blank form.
        }
      }
      pdf.doc.font('regular').fontSize(10).text('一寸\n照片', x, y + height / 2 - 14, { width, align: 'center' });
    },
    { minHeight: 30 },
  );
  const rows: Cell[][] = [
    [label('最高学历', 0.14), value(labelOf(educationLabels, a.education), 0.14), label('所学专业', 0.12), value(a.majorStudied, 0.2), label('现从事专业', 0.14), value(a.currentSpecialty, 0.26)],
    [label('工作单位及部门', 0.14), value(`${a.unit.name} ${a.department}`, 0.46), label('单位性质', 0.14), value(unitNatureLabels[a.unit.nature], 0.26)],
    [label('单位地址', 0.14), value(a.unitAddress, 0.46), label('邮政编码', 0.14), value(a.postcode, 0.26)],
    [
      label('行政职务', 0.14),
      value(a.administrativePost ?? '无', 0.14),
      label('专业技术\n职称名称', 0.12),
      value(a.titleName ?? '无', 0.2),
      label('专业技术\n职称层级', 0.14),
      {
        width: 0.26,
        choices: {
          options: [titleLevelLabels.JUNIOR, titleLevelLabels.INTERMEDIATE, titleLevelLabels.SUB_SENIOR, titleLevelLabels.SENIOR],
          chosen: labelOf(titleLevelLabels, a.titleLevel),
        },
      },
    ],
    [label('本人\n联系电话', 0.14), value(a.phone, 0.32), label('本人\n电子邮箱', 0.14), value(a.email ?? '', 0.4)],
    [label('单位联系人', 0.14), value(a.unitContactName, 0.32), label('联系电话', 0.14), value(a.unitContactPhone, 0.4)],
    [label('紧急情况\n联系人', 0.14), value(a.emergencyContactName, 0.32), label('联系电话', 0.14), value(a.emergencyContactPhone, 0.4)],
    [
      label('健康状况', 0.14),
      value('有无传染性疾病、精神类疾病史等影响正常培训的情况', 0.6),
      { width: 0.26, choices: { options: ['有', '无'], chosen: a.hasDisqualifyingIllness === null ? null : a.hasDisqualifyingIllness ? '有' : '无' } },
    ],
    [
      label('是否参加过\n特培学习', 0.14),
      { width: 0.32, choices: { options: ['是', '否'], chosen: a.earlierTrainee === null ? null : a.earlierTrainee ? '是' : '否' } },
      label('何时何单位', 0.14),
      value(a.earlierTrainee ? [a.earlierTrainingYear ? `${a.earlierTrainingYear}年` : '', a.earlierTrainingPlace].filter(Boolean).join('，') : '', 0.4),
    ],
  ];
  for (const row of rows) pdf.row(row, { minHeight: 30 });
}

function heading(pdf: FormPdf, text: string): void {
  pdf.ensure(60);
  pdf.row([{ text, width: 1, bold: true }], { minHeight: 26, shaded: true });
}

/** The three lists of the form: each a heading, its column titles (date, what, third) and the rows. */
function lists(pdf: FormPdf, a: FormApplication): void {
  const sections: Array<{ heading: string; headers: [string, string, string]; shares: [number, number, number]; rows: string[][] }> = [
    {
      heading: '主要工作经历',
      headers: ['时  间', '工作经历', '职务或职称'],
      shares: [0.24, 0.5, 0.26],
      rows: a.workHistory.map((entry) => [period(entry.startMonth, entry.endMonth), entry.work, entry.postOrTitle ?? '']),
    },
    {
      heading: '主要工作业绩及获奖情况',
      headers: ['日  期', '获奖成果名称', '获奖等级'],
      shares: [0.2, 0.56, 0.24],
      rows: a.awards.map((award) => [dottedDate(award.awardedOn), award.name, award.level]),
    },
    {
      heading: '近5年发表的论文、专著等情况',
      headers: ['日  期', '论文或专著名称及内容', '出版社或登载刊物'],
      shares: [0.2, 0.52, 0.28],
      rows: a.publications.map((publication) => [dottedDate(publication.publishedOn), publication.titleAndContent, publication.publisher]),
    },
  ];
  for (const section of sections) {
    heading(pdf, section.heading);
    pdf.table(
      section.headers.map((header, index) => ({ header, width: section.shares[index]!, align: index === 1 ? ('left' as const) : undefined })),
      section.rows,
      { minHeight: 24 },
    );
  }
}

function plans(pdf: FormPdf, a: FormApplication): void {
  heading(pdf, '特培学员个人学习目标及计划');
  pdf.row(
    [{ text: '（包括培养期间及返岗工作后拟开展的研究内容、研究目标、工作方案、预期成果及现有技术基础、团队等。）', width: 1, align: 'left' }],
    { minHeight: 20, fontSize: 9 },
  );
  pdf.textBlock(a.studyGoals, { minHeight: 160 });
  pdf.ensure(60);
  pdf.row([{ text: '申报人签名：                          选派单位意见（签字盖章）：                              年    月    日', width: 1, align: 'left' }], {
    minHeight: 44,
  });
  // Heading, box and signature line start on one page.
  pdf.ensure(26 + 100 + 44);
  heading(pdf, '派出单位培养需求');
  pdf.textBlock(a.unitTrainingNeeds ?? '', { minHeight: 100 });
  pdf.row([{ text: '派出单位负责人签名：                          （单位公章）                              年    月    日', width: 1, align: 'left' }], {
    minHeight: 44,
  });
}

export function applicationFormPdf(forms: ApplicationForms, now: Date): Promise<Buffer> {
  const { application } = forms;
  const pdf = new FormPdf({ size: 'A4', title: `${applicationFormTitle}（${application.name}）`, margin: 48, fontSize: 10 });
  cover(pdf, application, now);
  notes(pdf);
  pdf.newPage();
  pdf.title(applicationFormTitle, 18);
  personalTable(pdf, forms);
  lists(pdf, application);
  plans(pdf, application);
  return pdf.finish();
}
