// 账户: reviewers, administrators and analysts (the regional admin manages them; the analyst reads).
import { CreateButton, List, SelectInput, TextField, TopToolbar, usePermissions } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { EnumField, EnumText } from '../common/EnumField.tsx';
import { ListGrid } from '../common/ListGrid.tsx';
import type { UserRecord } from './types.ts';
import { enumChoices } from '../enums.ts';
import { AccountActions } from './AccountActions.tsx';
import { AccountStatusField } from './AccountStatusField.tsx';
import { ServerExportButton } from '../common/ServerExportButton.tsx';
import { userListExportPath } from '../../../api/src/modules/exports/user-list-sheet.ts';

const filters = [<SelectInput key="role" source="role" choices={enumChoices('Role')} alwaysOn />];

const Actions = () => {
  const { permissions } = usePermissions<Permissions>();
  return (
    <TopToolbar>
      {permissions?.role === 'REGIONAL' ? <CreateButton data-testid="create-user" /> : null}
      <ServerExportButton exportPath={userListExportPath} testId="export-users" />
    </TopToolbar>
  );
};

const ManageAccount = (_props: { label?: string }) => {
  const { permissions } = usePermissions<Permissions>();
  return permissions?.role === 'REGIONAL' ? <AccountActions /> : null;
};

/** An account on a phone: who, in what role for which area or unit, and whether it may sign in. */
const phoneRow = {
  primaryText: (user: UserRecord) => `${user.displayName}（${user.username}）`,
  secondaryText: (user: UserRecord) => (
    <>
      <EnumText enum="Role" value={user.role} />
      {user.area?.name || user.unit?.name ? ` · ${user.unit?.name ?? user.area?.name}` : ''}
    </>
  ),
  tertiaryText: () => (
    <>
      <AccountStatusField />
      <ManageAccount />
    </>
  ),
};

export const UserList = () => (
  <List filters={filters} actions={<Actions />} perPage={25} sort={{ field: 'username', order: 'ASC' }}>
    <ListGrid phone={phoneRow} bulkActionButtons={false} rowClick={false} data-testid="user-list" sx={{ '& .RaDatagrid-headerCell, & .column-username, & .column-role': { whiteSpace: 'nowrap' } }}>
      <TextField source="username" sortable={false} />
      <TextField source="displayName" sortable={false} />
      <EnumField source="role" enum="Role" sortable={false} />
      <TextField source="area.name" sortable={false} emptyText="—" />
      <TextField source="unit.name" sortable={false} emptyText="—" />
      <AccountStatusField label="resources.users.fields.status" />
      <DateTimeField source="lastLoginAt" sortable={false} />
      <ManageAccount label="tepei.admin.users.manage" />
    </ListGrid>
  </List>
);
