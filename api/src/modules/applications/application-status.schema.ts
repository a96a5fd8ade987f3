import { ApplicationStatus } from '@tepei/db/enums';
import { statusLabels } from '@tepei/db/reference/status-flow';
import { builder } from '../../builder.ts';

export const ApplicationStatusEnum = builder.enumType('ApplicationStatus', {
  description: '申报状态',
  values: Object.fromEntries(
    Object.values(ApplicationStatus).map((status) => [status, { value: status, description: statusLabels[status] }]),
  ) as { [K in ApplicationStatus]: { value: K; description: string } },
});
