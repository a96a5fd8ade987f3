// Uploads and downloads of stored documents: the applicant's photo and evidence, the unit's
// signed and stamped form 4 (用人单位审核表) and the area's or region's form 5 (名单汇总表).
//
// A document and its bytes are written in one transaction with the lock of the record they
// belong to (the application, or the round for form 5). Replacing a photo or a scan keeps
// the history: the current one gets `supersededAt` and `supersededById` in that same
// transaction. Evidence accumulates. A refused or failed upload writes nothing at all.
import type { ApplicationStatus, Document, DocumentKind } from '@tepei/db/client';
import { statusLabels } from '@tepei/db/reference/status-flow';
import type { Actor } from '../../auth/actor.ts';
import { areasVisibleTo } from '../../auth/row-rules.ts';
import { prisma, transactionOptions } from '../../db.ts';
import { ConcurrentModificationError, ForbiddenError, InvalidTransitionError, NotFoundError, ValidationFailedError } from '../../errors/domain-errors.ts';
import type { UploadedFile } from '../../scalars.ts';
import type { Transaction } from '../applications/workflow.service.ts';
import { loadVisibleApplication } from '../applications/workflow.service.ts';
import { assertApplicationsOpen, assertRecommendationsOpen } from '../rounds/deadlines.ts';
import { assertRoundNotFinished } from '../rounds/round-finished.ts';
import { documentsVisibleTo, mayDownloadDocuments } from './documents.rules.ts';
import { type CheckedFile, checkUpload, type DetectedType } from './file-content.ts';


export const maxEvidenceTitleLength = 100;

type ApplicationDocumentKind = Extract<DocumentKind, 'PHOTO' | 'EVIDENCE' | 'FORM4_SCAN'>;

interface ApplicationDocumentRule {
  role: Actor['role'];
  roleMessage: string;
  statuses: readonly ApplicationStatus[];
  action: string;
  /** Photo and scans: one current, the earlier ones superseded. Evidence: as many as needed. */
  replaces: boolean;
  accepted?: ReadonlyArray<DetectedType['mimeType']>;
  /** The deadline that applies in the application's status. */
  deadline: (status: ApplicationStatus) => typeof assertApplicationsOpen;
}

const applicationDocumentRules: Record<ApplicationDocumentKind, ApplicationDocumentRule> = {
  PHOTO: {
    role: 'APPLICANT',
    roleMessage: '仅申报人本人可以上传照片',
    statuses: ['DRAFT', 'RETURNED_TO_APPLICANT'],
    action: '上传照片',
    replaces: true,
    // 一寸照片 is printed on form 2: an image, not a PDF.
    accepted: ['image/jpeg', 'image/png'],
    deadline: (status) => (status === 'DRAFT' ? assertApplicationsOpen : assertRecommendationsOpen),
  },
  EVIDENCE: {
    role: 'APPLICANT',
    roleMessage: '仅申报人本人可以上传证明材料',
    statuses: ['DRAFT', 'RETURNED_TO_APPLICANT'],
    action: '上传证明材料',
    replaces: false,
    deadline: (status) => (status === 'DRAFT' ? assertApplicationsOpen : assertRecommendationsOpen),
  },
  FORM4_SCAN: {
    role: 'EMPLOYER',
    roleMessage: '用人单位审核表扫描件由申报人所在用人单位上传',
    // Until the regional decision: the prefecture may recommend before the unit has uploaded
    // its signed form 4, and the decision needs one uploaded after the endorsement (signed-scans.ts).
    statuses: ['SUBMITTED', 'RETURNED_TO_EMPLOYER', 'ENDORSED', 'RECOMMENDED'],
    action: '上传用人单位审核表扫描件',
    replaces: true,
    deadline: () => assertRecommendationsOpen,
  },
};

export interface ApplicationDocumentUpload {
  kind: ApplicationDocumentKind;
  applicationId: string;
  file: UploadedFile;
  /** Evidence only: what the file proves; it becomes the stored name. */
  title?: string | null;
}

/** Stores a photo, an evidence file or a form-4 scan of one application. */
export async function uploadApplicationDocument(actor: Actor, now: Date, upload: ApplicationDocumentUpload): Promise<Document> {
  const rule = applicationDocumentRules[upload.kind];
  if (actor.role !== rule.role) throw new ForbiddenError(rule.roleMessage);
  const title = upload.title?.trim() || null;
  if (title && Array.from(title).length > maxEvidenceTitleLength) {
    throw new ValidationFailedError([{ path: ['title'], message: `材料名称不能超过 ${maxEvidenceTitleLength} 个字` }]);
  }

  return prisma.$transaction(async (tx) => {
    // Out of scope and nonexistent look the same.
    await loadVisibleApplication(tx, actor, upload.applicationId);
    // Status changes wait for this upload, and this upload sees the status they leave.
    await tx.$queryRaw`SELECT id FROM "Application" WHERE id = ${upload.applicationId}::uuid FOR UPDATE`;
    const application = await tx.application.findUniqueOrThrow({ where: { id: upload.applicationId }, include: { round: true } });
    if (!rule.statuses.includes(application.status)) {
      throw new InvalidTransitionError(
        application.status,
        application.status,
        `当前状态为“${statusLabels[application.status]}”，不能${rule.action}`,
      );
    }
    rule.deadline(application.status)(application.round, now);

    const checked = await checkUpload(upload.file, { accepted: rule.accepted, stem: title });
    const owner = {
      applicationId: application.id,
      roundId: application.roundId,
      unitId: upload.kind === 'FORM4_SCAN' ? application.unitId : null,
    };
    return store(tx, actor, now, upload.kind, owner, rule.replaces ? { applicationId: application.id } : null, checked);
  }, transactionOptions);
}

export interface Form5ScanUpload {
  roundId: string;
  /** Null: the whole region's list, uploaded by the regional bureau. */
  areaId: string | null;
  file: UploadedFile;
}

/** Stores the signed and stamped 名单汇总表 of an area (its prefecture) or of the region (regional admins). */
export async function uploadForm5Scan(actor: Actor, now: Date, upload: Form5ScanUpload): Promise<Document> {
  if (actor.role !== 'PREFECTURE' && actor.role !== 'REGIONAL') throw new ForbiddenError('名单汇总表由地州市人社局或自治区人社厅上传');
  const round = await prisma.round.findUnique({ where: { id: upload.roundId } });
  if (!round) throw new NotFoundError('特培年度');
  if (upload.areaId) {
    const area = await prisma.area.findFirst({ where: { AND: [{ id: upload.areaId }, areasVisibleTo(actor)] } });
    if (!area) throw new NotFoundError('地区');
    if (actor.role !== 'PREFECTURE' || actor.areaId !== area.id) throw new ForbiddenError('各地区的名单汇总表由本地区人社局上传');
  } else if (actor.role !== 'REGIONAL') {
    throw new ForbiddenError('全区名单汇总表由自治区人社厅上传；请指明本地区（areaId）');
  }

  const checked = await checkUpload(upload.file);
  return prisma.$transaction(async (tx) => {
    // One upload per round at a time: two at once cannot both become current.
    await tx.$queryRaw`SELECT id FROM "Round" WHERE id = ${round.id}::uuid FOR UPDATE`;
    await assertRoundNotFinished(tx, round.id, now);
    const owner = { roundId: round.id, areaId: upload.areaId };
    return store(tx, actor, now, 'FORM5_SCAN', owner, owner, checked);
  }, transactionOptions);
}

type Owner = { applicationId?: string | null; unitId?: string | null; areaId?: string | null; roundId?: string | null };

/**
 * Writes the document and its bytes; with `replacing`, the current document of that kind
 * there becomes superseded by the new one. Runs inside the caller's transaction.
 */
async function store(tx: Transaction, actor: Actor, now: Date, kind: DocumentKind, owner: Owner, replacing: Owner | null, file: CheckedFile): Promise<Document> {
  const previous = replacing
    ? await tx.document.findFirst({ where: { ...replacing, kind, supersededAt: null }, orderBy: { uploadedAt: 'desc' }, select: { id: true } })
    : null;
  const created = await tx.document.create({
    data: {
      kind,
      ...owner,
      fileName: file.fileName,
      mimeType: file.mimeType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      uploadedById: actor.userId,
      uploadedAt: now,
      content: { create: { bytes: new Uint8Array(file.bytes) } },
    },
  });
  if (previous) {
    const { count } = await tx.document.updateMany({
      where: { id: previous.id, supersededAt: null },
      data: { supersededAt: now, supersededById: created.id },
    });
    if (count !== 1) throw new ConcurrentModificationError('该文件刚被他人替换，请刷新后重试');
  }
  return created;
}

export interface DownloadableDocument {
  id: string;
  kind: DocumentKind;
  applicationId: string | null;
  areaId: string | null;
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** The document with its bytes, when the actor may see it and have its content. */
export async function documentForDownload(actor: Actor, id: string): Promise<DownloadableDocument> {
  if (!mayDownloadDocuments(actor)) throw new ForbiddenError('数据分析账号只能查看材料清单，不能下载材料内容（含个人身份信息）');
  const document = await prisma.document.findFirst({
    where: { AND: [{ id }, documentsVisibleTo(actor)] },
    select: { id: true, kind: true, applicationId: true, areaId: true, fileName: true, mimeType: true, content: { select: { bytes: true } } },
  });
  if (!document?.content) throw new NotFoundError('文件');
  const { content, ...rest } = document;
  return { ...rest, bytes: content.bytes };
}
