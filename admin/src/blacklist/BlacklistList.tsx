// 失信名单: applicants and sending units barred for 5 years from listing (DOMAIN.md), each with
// the date it runs until (有效至) and whether it is in force; the regional admin lists and lifts.
import { CreateButton, List, BooleanInput, TextField, TopToolbar, usePermissions } from 'react-admin';
import { EnumText } from '../common/EnumField.tsx';
import { ListGrid, useListWidth } from '../common/ListGrid.tsx';
import { beijingDate } from '../common/format.ts';
import type { Permissions } from '../authProvider.ts';
import { EnumField } from '../common/EnumField.tsx';
import { BeijingDateField } from './BeijingDateField.tsx';
import { LiftListingButton } from './LiftListingButton.tsx';
import { LiftedField } from './LiftedField.tsx';
import { ListingStatusField } from './ListingStatusField.tsx';
import { ServerExportButton } from '../common/ServerExportButton.tsx';
import { blacklistExportPath } from '../../../api/src/modules/exports/blacklist-sheet.ts';

// Names, codes and dates stay on one line; the account of what happened takes the width left.
const columns = {
  '& td.column-applicantName, & td.column-applicantIdNumber, & td.column-listedAt, & td.column-expiresAt': { whiteSpace: 'nowrap' },
  '& .column-unit\\.name': { minWidth: 110 },
  '& .column-reason': { minWidth: 170 },
  '& .column-reasonKind': { minWidth: 100 },
  '& .column-liftedAt': { minWidth: 120 },
  '& .column-status': { whiteSpace: 'nowrap' },
};

const filters = [<BooleanInput key="activeOnly" source="activeOnly" alwaysOn />];

const Actions = () => {
  const { permissions } = usePermissions<Permissions>();
  return (
    <TopToolbar>
      {permissions?.role === 'REGIONAL' ? <CreateButton label="tepei.admin.blacklist.create" data-testid="create-listing" /> : null}
      <ServerExportButton exportPath={blacklistExportPath} testId="export-blacklist" />
    </TopToolbar>
  );
};

const Lift = () => {
  const { permissions } = usePermissions<Permissions>();
  return permissions?.role === 'REGIONAL' ? <LiftListingButton /> : null;
};

type ListingRow = { applicantName?: string | null; unit?: { name: string } | null; reasonKind: string; reason: string; expiresAt: string };

/** A listing on a phone: whom, why, until when, and whether it is in force. */
const phoneRow = {
  primaryText: (row: ListingRow) => [row.applicantName, row.unit?.name].filter(Boolean).join(' · '),
  secondaryText: (row: ListingRow) => (
    <>
      <EnumText enum="BlacklistReason" value={row.reasonKind} />：{row.reason}
    </>
  ),
  tertiaryText: (row: ListingRow) => (
    <>
      {beijingDate(row.expiresAt)} <ListingStatusField source="status" />
    </>
  ),
};

export const BlacklistList = () => {
  // The ID number and the lifting only where there is room; the rest always.
  const desktop = useListWidth() === 'desktop';
  return (
  <List filters={filters} actions={<Actions />} perPage={25} sort={{ field: 'listedAt', order: 'DESC' }}>
    <ListGrid bulkActionButtons={false} rowClick={false} data-testid="blacklist-list" sx={columns} phone={phoneRow}>
      <TextField source="applicantName" sortable={false} emptyText="—" />
      {desktop ? <TextField source="applicantIdNumber" sortable={false} emptyText="—" /> : null}
      <TextField source="unit.name" sortable={false} emptyText="—" />
      <EnumField source="reasonKind" enum="BlacklistReason" sortable={false} />
      <TextField source="reason" sortable={false} />
      <BeijingDateField source="listedAt" sortable={false} />
      <BeijingDateField source="expiresAt" sortable={false} />
      <ListingStatusField source="status" sortable={false} />
      <LiftedField source="liftedAt" sortable={false} />
      <Lift />
    </ListGrid>
  </List>
  );
};
