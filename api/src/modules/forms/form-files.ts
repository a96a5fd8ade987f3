// One form file for one actor: the rows it may have (forms.service.ts), drawn by the form's
// renderer, with the file name people see (Chinese) and an ASCII one for old clients.
import type { Actor } from '../../auth/actor.ts';
import { ValidationFailedError } from '../../errors/domain-errors.ts';
import type { AuditTarget } from '../audit/audit.service.ts';
import { certificateOf, completionList } from '../training/certificates.service.ts';
import { applicationFormPdf } from './application-form-pdf.ts';
import { certificatePdf } from './certificate-pdf.ts';
import { completionListXlsx } from './completion-list-xlsx.ts';
import type { FormRoute } from './form-paths.ts';
import { applicationForms, summaryList, unitReviewList } from './forms.service.ts';
import { hostPreferencesPdf } from './host-preferences-pdf.ts';
import { summaryListPdf } from './summary-list-pdf.ts';
import { summaryListXlsx } from './summary-list-xlsx.ts';
import { unitReviewPdf } from './unit-review-pdf.ts';

export const contentTypes = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export interface FormFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
  asciiFileName: string;
  /** What the audit record names. */
  target: AuditTarget;
}

/** Characters a file name may not carry on common systems. */
function safe(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_');
}

/** `round` is the `?round=` query parameter, a year. */
export async function formFile(actor: Actor, route: FormRoute, round: string | null, now: Date): Promise<FormFile> {
  switch (route.form) {
    case 'applicationForm':
    case 'hostPreferences': {
      const forms = await applicationForms(actor, route.applicationId);
      const { application } = forms;
      const isForm2 = route.form === 'applicationForm';
      return {
        bytes: isForm2 ? await applicationFormPdf(forms, now) : await hostPreferencesPdf(application),
        contentType: contentTypes.pdf,
        fileName: safe(`${isForm2 ? '学员申报表' : '申报培养单位志愿表'}-${application.name}.pdf`),
        asciiFileName: `${isForm2 ? 'form2' : 'form3'}-${application.serialNumber ?? application.id}.pdf`,
        target: { type: 'Application', id: application.id },
      };
    }
    case 'unitReview': {
      const list = await unitReviewList(actor, route.unitId, requireYear(round));
      return {
        bytes: await unitReviewPdf(list),
        contentType: contentTypes.pdf,
        fileName: safe(`${list.round.year}年用人单位审核表-${list.unit.name}.pdf`),
        asciiFileName: `form4-${list.round.year}-${list.unit.id}.pdf`,
        target: { type: 'EmployerUnit', id: list.unit.id },
      };
    }
    case 'summaryList': {
      const list = await summaryList(actor, route.areaId, requireYear(round));
      const scope = list.area?.name ?? '全区';
      return {
        bytes: route.format === 'xlsx' ? await summaryListXlsx(list, now) : await summaryListPdf(list),
        contentType: contentTypes[route.format],
        fileName: safe(`${list.round.year}年名单汇总表-${scope}.${route.format}`),
        asciiFileName: `form5-${list.round.year}-${list.area?.code ?? 'region'}.${route.format}`,
        target: list.area ? { type: 'Area', id: list.area.id } : { type: 'Round', id: list.round.id },
      };
    }
    case 'certificate': {
      const certificate = await certificateOf(actor, route.applicationId);
      const { application } = certificate;
      return {
        bytes: await certificatePdf(certificate),
        contentType: contentTypes.pdf,
        fileName: safe(`结业证书-${application.training.certificateNumber}-${application.name}.pdf`),
        asciiFileName: `certificate-${application.training.certificateNumber}.pdf`,
        target: { type: 'Application', id: application.id },
      };
    }
    case 'completionList': {
      const list = await completionList(actor, requireYear(round));
      return {
        bytes: await completionListXlsx(list, now),
        contentType: contentTypes.xlsx,
        fileName: safe(`${list.round.year}年结业名单.xlsx`),
        asciiFileName: `completion-${list.round.year}.xlsx`,
        target: { type: 'Round', id: list.round.id },
      };
    }
  }
}

/** Forms 4 and 5 and the completion list are per round: `?round=2025`. */
function requireYear(round: string | null): number {
  if (!round || !/^\d{4}$/.test(round)) {
    throw new ValidationFailedError([{ path: ['round'], message: '请用 ?round=年份 指明特培年度，例如 ?round=2025' }]);
  }
  return Number(round);
}
