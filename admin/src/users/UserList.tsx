// 账户: reviewers, administrators and analysts (the regional admin manages them).
import { BooleanField, Datagrid, List, SelectInput, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { EnumField } from '../common/EnumField.tsx';
import { enumChoices } from '../enums.ts';

const filters = [<SelectInput key="role" source="role" choices={enumChoices('Role')} alwaysOn />];

export const UserList = () => (
  <List filters={filters} perPage={25} exporter={false} sort={{ field: 'username', order: 'ASC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="username" sortable={false} />
      <TextField source="displayName" sortable={false} />
      <EnumField source="role" enum="Role" sortable={false} />
      <TextField source="area.name" sortable={false} emptyText="—" />
      <TextField source="unit.name" sortable={false} emptyText="—" />
      <BooleanField source="disabled" sortable={false} />
      <DateTimeField source="lastLoginAt" sortable={false} />
    </Datagrid>
  </List>
);
