// 失信名单: applicants and sending units barred for 5 years from listing (DOMAIN.md).
import { BooleanField, BooleanInput, Datagrid, List, TextField } from 'react-admin';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { EnumField } from '../common/EnumField.tsx';

const filters = [<BooleanInput key="activeOnly" source="activeOnly" alwaysOn />];

export const BlacklistList = () => (
  <List filters={filters} perPage={25} exporter={false} sort={{ field: 'listedAt', order: 'DESC' }}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="applicantName" sortable={false} emptyText="—" />
      <TextField source="applicantIdNumber" sortable={false} emptyText="—" />
      <TextField source="unit.name" sortable={false} emptyText="—" />
      <EnumField source="reasonKind" enum="BlacklistReason" sortable={false} />
      <TextField source="reason" sortable={false} />
      <DateTimeField source="listedAt" sortable={false} />
      <DateTimeField source="expiresAt" sortable={false} />
      <BooleanField source="isActive" sortable={false} />
    </Datagrid>
  </List>
);
