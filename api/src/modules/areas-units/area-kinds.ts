// The kinds of recommending authority in words, as the console and the areas list's Excel file
// name them. Free of the database, so the console bundles it.
import type { AreaKind } from '@tepei/db/enums';

export const areaKindLabels: Record<AreaKind, string> = { PREFECTURE: '地州市', CORPS: '兵团', DEPARTMENT: '自治区厅（局）' };
