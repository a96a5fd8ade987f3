// Stored documents in the schema: the `Document` node (metadata and a short-lived, per-user
// download link), the lists on Application, Area and Round, and the four upload mutations
// (GraphQL multipart requests; the file arrives as the `File` scalar).
import { DocumentKind } from '@tepei/db/enums';
import { builder } from '../../builder.ts';
import { DeadlinePassedError, ConcurrentModificationError, InvalidTransitionError, RoundFinishedError } from '../../errors/domain-errors.ts';
import { commonErrors } from '../../errors/error-types.schema.ts';
import { shownText } from '../../auth/personal-data.ts';
import { redactText } from '../audit/redact.ts';
import { ApplicationType } from '../applications/application.schema.ts';
import { audited } from '../audit/audit.service.ts';
import { AreaType } from '../areas-units/areas-units.schema.ts';
import { RoundType } from '../rounds/rounds.schema.ts';
import type { UploadedFile } from '../../scalars.ts';
import { downloadPath, downloadLinkLifetimeMs } from './download-links.ts';
import { documentsVisibleTo, mayDownloadDocuments } from './documents.rules.ts';
import { uploadApplicationDocument, uploadForm5Scan } from './documents.service.ts';
import { maxDocumentBytes, printable } from './file-content.ts';

export const DocumentKindEnum = builder.enumType(DocumentKind, {
  name: 'DocumentKind',
  description: 'PHOTO 一寸照片，EVIDENCE 证明材料，FORM4_SCAN 用人单位审核表（签字盖章扫描件），FORM5_SCAN 名单汇总表（签字盖章扫描件）',
});

const nothing = { id: { in: [] as string[] } };

export const DocumentType = builder.prismaNode('Document', {
  id: { field: 'id' },
  // node(id) of a record out of scope (or gone) answers null rather than an error.
  nullable: true,
  description: '上传的材料（照片、证明材料、审核表与汇总表扫描件）。仅元数据；内容经 downloadUrl 下载',
  authScopes: { signedIn: true },
  findUnique: (id, ctx) => ({ id, AND: [ctx.actor ? documentsVisibleTo(ctx.actor) : nothing] }),
  fields: (t) => ({
    kind: t.expose('kind', { type: DocumentKindEnum }),
    fileName: t.string({
      description: '文件名（已去除路径与控制字符；扩展名与实际类型一致）',
      select: { fileName: true },
      // Analysts never read identifiers, not even in a file name.
      resolve: (document, _args, ctx) => (mayDownloadDocuments(ctx.actor!) ? document.fileName : shownText(ctx.actor!, redactText(document.fileName))),
    }),
    mimeType: t.exposeString('mimeType', { description: '按文件内容识别的类型：application/pdf、image/jpeg 或 image/png' }),
    sizeBytes: t.exposeInt('sizeBytes'),
    sha256: t.exposeString('sha256', { description: '内容的 SHA-256（十六进制）' }),
    uploadedAt: t.expose('uploadedAt', { type: 'DateTime' }),
    uploadedByName: t.string({
      description: '上传人姓名',
      select: { uploadedBy: { select: { displayName: true } } },
      resolve: (document) => document.uploadedBy.displayName,
    }),
    supersededAt: t.expose('supersededAt', { type: 'DateTime', nullable: true, description: '被新上传的文件替换的时间；为空表示当前有效' }),
    isCurrent: t.boolean({ select: { supersededAt: true }, resolve: (document) => document.supersededAt === null }),
    downloadUrl: t.string({
      nullable: true,
      description:
        `下载路径（GET，须带同一用户的 Authorization: Bearer 令牌）；仅对本人有效，${downloadLinkLifetimeMs / 60000} 分钟后失效。` +
        '数据分析账号不能下载材料内容，此项为空',
      resolve: (document, _args, ctx) => (mayDownloadDocuments(ctx.actor!) ? downloadPath(document.id, ctx.actor!.userId, ctx.now()) : null),
    }),
  }),
});

const includeSupersededArg = {
  required: false,
  defaultValue: false,
  description: '是否包括已被替换的历史文件',
} as const;

builder.prismaObjectField(ApplicationType, 'documents', (t) =>
  t.relation('documents', {
    description: '申报的照片、证明材料与用人单位审核表扫描件（按上传时间）',
    args: {
      kind: t.arg({ type: DocumentKindEnum, required: false }),
      includeSuperseded: t.arg.boolean(includeSupersededArg),
    },
    query: (args, ctx) => ({
      where: {
        AND: [documentsVisibleTo(ctx.actor), args.kind ? { kind: args.kind } : {}, args.includeSuperseded ? {} : { supersededAt: null }],
      },
      orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
    }),
  }),
);

builder.prismaObjectField(AreaType, 'form5Scans', (t) =>
  t.relation('documents', {
    description: '本地区某年度名单汇总表（签字盖章扫描件）：本地区审核人、自治区与数据分析可见',
    args: {
      roundYear: t.arg.int({ required: true, description: '特培年度，如 2025' }),
      includeSuperseded: t.arg.boolean(includeSupersededArg),
    },
    query: (args, ctx) => ({
      where: {
        AND: [
          documentsVisibleTo(ctx.actor),
          { kind: 'FORM5_SCAN' as const, round: { is: { year: args.roundYear } } },
          args.includeSuperseded ? {} : { supersededAt: null },
        ],
      },
      orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
    }),
  }),
);

builder.prismaObjectField(RoundType, 'regionForm5Scans', (t) =>
  t.relation('documents', {
    description: '本年度全区名单汇总表（签字盖章扫描件）：自治区与数据分析可见',
    args: { includeSuperseded: t.arg.boolean(includeSupersededArg) },
    query: (args, ctx) => ({
      where: {
        AND: [documentsVisibleTo(ctx.actor), { kind: 'FORM5_SCAN' as const, areaId: null }, args.includeSuperseded ? {} : { supersededAt: null }],
      },
      orderBy: [{ uploadedAt: 'asc' }, { id: 'asc' }],
    }),
  }),
);

// ─────────────────────────────── uploads ───────────────────────────────

const fileArgDescription = `PDF、JPEG 或 PNG（按内容识别），不超过 ${maxDocumentBytes / 1024 / 1024} MB`;
const uploadErrors = [...commonErrors, InvalidTransitionError, DeadlinePassedError, ConcurrentModificationError];

/** What the audit log keeps of an upload: never the bytes. */
function fileDetails(file: UploadedFile) {
  return { fileName: printable(String(file.name), 255), declaredType: printable(String(file.type ?? ''), 100), declaredSize: file.size };
}

const documentTarget = () => ({ type: 'Document' });

builder.mutationFields((t) => ({
  uploadApplicationPhoto: t.withAuth({ applicant: true }).field({
    type: DocumentType,
    description: '申报人上传本人申报的一寸照片（JPEG 或 PNG）；替换时保留历史。仅草稿或被退回修改时可上传',
    errors: { types: uploadErrors },
    args: {
      applicationId: t.arg.globalID({ required: true, for: [ApplicationType] }),
      file: t.arg({ type: 'File', required: true, description: 'JPEG 或 PNG（按内容识别），不超过 10 MB' }),
    },
    resolve: audited(
      'uploadApplicationPhoto',
      documentTarget,
      (args, ctx) => uploadApplicationDocument(ctx.actor!, ctx.now(), { kind: 'PHOTO', applicationId: args.applicationId.id, file: args.file }),
      (args) => ({ applicationId: args.applicationId.id, ...fileDetails(args.file) }),
    ),
  }),
  uploadEvidence: t.withAuth({ applicant: true }).field({
    type: DocumentType,
    description: '申报人上传证明材料（可多份）。仅草稿或被退回修改时可上传',
    errors: { types: uploadErrors },
    args: {
      applicationId: t.arg.globalID({ required: true, for: [ApplicationType] }),
      file: t.arg({ type: 'File', required: true, description: fileArgDescription }),
      title: t.arg.string({ required: false, description: '材料名称（如“2022年喀什地区科技进步奖证书”），作为文件名保存' }),
    },
    resolve: audited(
      'uploadEvidence',
      documentTarget,
      (args, ctx) =>
        uploadApplicationDocument(ctx.actor!, ctx.now(), { kind: 'EVIDENCE', applicationId: args.applicationId.id, file: args.file, title: args.title }),
      (args) => ({ applicationId: args.applicationId.id, title: args.title == null ? null : printable(args.title, 200), ...fileDetails(args.file) }),
    ),
  }),
  uploadForm4Scan: t.withAuth({ employer: true }).field({
    type: DocumentType,
    description: '用人单位上传本单位申报人签字盖章的用人单位审核表扫描件；替换时保留历史。推荐截止前、自治区遴选前（已提交、地州市退回、单位已通过、已推荐）可上传；遴选只认单位审核通过后上传的',
    errors: { types: uploadErrors },
    args: {
      applicationId: t.arg.globalID({ required: true, for: [ApplicationType] }),
      file: t.arg({ type: 'File', required: true, description: fileArgDescription }),
    },
    resolve: audited(
      'uploadForm4Scan',
      documentTarget,
      (args, ctx) => uploadApplicationDocument(ctx.actor!, ctx.now(), { kind: 'FORM4_SCAN', applicationId: args.applicationId.id, file: args.file }),
      (args) => ({ applicationId: args.applicationId.id, ...fileDetails(args.file) }),
    ),
  }),
  uploadForm5Scan: t.withAuth({ $any: { prefecture: true, regional: true } }).field({
    type: DocumentType,
    description: '上传签字盖章的名单汇总表扫描件：地州市人社局上传本地区的（areaId），自治区人社厅上传全区的（不填 areaId）；替换时保留历史。遴选只认本地区申报推荐后上传的；已结束的年度不能上传',
    errors: { types: [...commonErrors, ConcurrentModificationError, RoundFinishedError] },
    args: {
      roundId: t.arg.globalID({ required: true, for: [RoundType] }),
      areaId: t.arg.globalID({ required: false, for: [AreaType], description: '本地区；不填表示全区' }),
      file: t.arg({ type: 'File', required: true, description: fileArgDescription }),
    },
    resolve: audited(
      'uploadForm5Scan',
      documentTarget,
      (args, ctx) => uploadForm5Scan(ctx.actor!, ctx.now(), { roundId: args.roundId.id, areaId: args.areaId?.id ?? null, file: args.file }),
      (args) => ({ roundId: args.roundId.id, areaId: args.areaId?.id ?? null, ...fileDetails(args.file) }),
    ),
  }),
}));
