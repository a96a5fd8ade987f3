// 结业证书 (notice 五(三)): one A4 landscape page, issued jointly by the Ministry of Human
// Resources and Social Security and the regional government, with its number, the holder's
// photo where one was uploaded, and how anyone may check it (the public verification page).
import { trainingModeLabels } from '../applications/application-form.ts';
import { assessmentLabels, type Certificate } from '../training/certificates.service.ts';
import { FormPdf } from './form-pdf.ts';
import { chineseDate } from './form-values.ts';

export const certificateIssuers = ['中华人民共和国人力资源和社会保障部', '新疆维吾尔自治区人民政府'] as const;

/** The sentence the certificate states, shared by the PDF and its test. */
export function certificateStatement({ application }: Certificate): string {
  const { training } = application;
  return (
    `${application.name}同志（身份证号码：${application.idNumber}），于${chineseDate(training.startedOn)}至${chineseDate(training.completedOn)}` +
    `参加${application.round.year}年新疆少数民族科技骨干特殊培养（${trainingModeLabels[application.mode]}），` +
    `在${training.hostInstitution}完成培养任务，经考核${assessmentLabels[training.assessment!]}，准予结业。`
  );
}

export function certificatePdf(certificate: Certificate): Promise<Buffer> {
  const { application, photo } = certificate;
  const pdf = new FormPdf({ size: 'A4', landscape: true, title: `结业证书 ${application.training.certificateNumber}`, margin: 64, fontSize: 14 });
  const { doc } = pdf;
  // A double frame, as printed certificates have.
  doc.lineWidth(2.4).rect(24, 24, doc.page.width - 48, doc.page.height - 48).stroke();
  doc.lineWidth(0.8).rect(32, 32, doc.page.width - 64, doc.page.height - 64).stroke();

  pdf.space(6);
  pdf.text(`证书编号：${application.training.certificateNumber}`, { size: 11, align: 'right', gapAfter: 6 });
  pdf.title('结 业 证 书', 34);
  pdf.space(16);

  const photoWidth = 96;
  const photoHeight = 128;
  const top = pdf.y;
  const textX = photoWidth + 28;
  doc.lineWidth(0.6).rect(pdf.left, top, photoWidth, photoHeight).stroke();
  if (photo) {
    try {
      doc.image(Buffer.from(photo.bytes), pdf.left + 3, top + 3, { fit: [photoWidth - 6, photoHeight - 6], align: 'center', valign: 'center' });
    } catch {
      // An unreadable upload leaves the box for a photo stuck on by hand.
    }
  } else {
    doc.fontSize(10).text('（照片）', pdf.left, top + photoHeight / 2 - 6, { width: photoWidth, align: 'center' });
  }
  pdf.text(certificateStatement(certificate), { size: 16, x: textX, gapAfter: 12 });
  pdf.text('特发此证。', { size: 16, x: textX, gapAfter: 0 });
  pdf.y = Math.max(pdf.y, top + photoHeight) + 40;

  const issuersX = pdf.width / 2;
  for (const issuer of certificateIssuers) pdf.text(`${issuer}（盖章）`, { size: 14, x: issuersX, align: 'center', width: pdf.width - issuersX, gapAfter: 8 });
  pdf.text(chineseDate(application.training.completedOn), { size: 14, x: issuersX, align: 'center', width: pdf.width - issuersX, gapAfter: 0 });

  pdf.y = pdf.bottom - 18;
  pdf.text('本证书真伪可凭证书编号在“新疆少数民族科技骨干特殊培养管理系统”的证书查验页面查验。', { size: 9, align: 'center', gapAfter: 0 });
  return pdf.finish({ pageNumbers: false });
}
