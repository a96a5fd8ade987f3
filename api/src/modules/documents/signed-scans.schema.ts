// The signed scans an application still lacks for the regional decision (signed-scans.ts), on
// the Application type for the queues, and the error the decision answers with. Loaded in one
// batch per request, so a page of applications costs the same two queries as one.
import { builder } from '../../builder.ts';
import type { Context } from '../../context.ts';
import { rowLoader } from '../../row-loader.ts';
import { SignedScansMissingError } from '../../errors/domain-errors.ts';
import { errorType } from '../../errors/error-types.schema.ts';
import { loadMissingSignedScans, type SignedScanKind, type SignedScansApplication, signedScansSelect } from './signed-scans.ts';

export const SignedScanKindEnum = builder.enumType('SignedScanKind', {
  description: '遴选前须上传的签字盖章扫描件',
  values: {
    FORM4_SCAN: { description: '附件4 用人单位审核表（单位审核通过后上传）' },
    FORM5_SCAN: { description: '附件5 名单汇总表（本地区推荐后上传）' },
  } as const,
});

errorType(SignedScansMissingError, 'SignedScansMissingError', '缺少签字盖章扫描件', (t) => ({
  missing: t.field({ type: [SignedScanKindEnum], resolve: (error: SignedScansMissingError) => error.missing as SignedScanKind[] }),
}));

const missingScansOfApplications = rowLoader<SignedScansApplication, SignedScanKind[]>((applications) => loadMissingSignedScans(applications), () => []);

/** Missing scans computed from facts a read loaded with its page (application-reads.ts): the field then asks no query. */
export function primeMissingSignedScans(ctx: Context, missing: ReadonlyMap<string, SignedScanKind[]>): void {
  missingScansOfApplications.prime(ctx, missing);
}

builder.prismaObjectField('Application', 'missingSignedScans', (t) =>
  t.field({
    type: [SignedScanKindEnum],
    description:
      '遴选前尚缺的签字盖章扫描件：单位审核通过后未上传附件4，或推荐后本地区未上传附件5（须晚于审核通过、推荐）。' +
      '为空表示齐全或当前状态无需；自治区确定入选时按同一规则核验',
    select: signedScansSelect,
    resolve: (application, _args, ctx) => missingScansOfApplications.load(ctx, application),
  }),
);
