// The review queue: the applications the signed-in reviewer may see, filtered by status and
// training mode, oldest submission first, with the eligibility check of each row.
import {
  Datagrid,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  usePermissions,
} from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { EnumField } from '../common/EnumField.tsx';
import { enumChoices } from '../enums.ts';
import { queueStatus } from '../reviews/decisions.ts';
import { EligibilityBadges } from './EligibilityBadges.tsx';
import { StatusChip } from './StatusChip.tsx';

function applicationFilters(role: Permissions['role'] | undefined) {
  const seesAreas = role === 'REGIONAL' || role === 'ANALYST';
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={enumChoices('ApplicationStatus')} alwaysOn />,
    <SelectInput key="mode" source="mode" choices={enumChoices('TrainingMode')} alwaysOn />,
    ...(seesAreas
      ? [
          <ReferenceInput key="areaId" source="areaId" reference="areas" perPage={100} sort={{ field: 'code', order: 'ASC' }}>
            <SelectInput optionText="name" />
          </ReferenceInput>,
        ]
      : []),
    <NumberInput key="roundYear" source="roundYear" />,
  ];
}

export const ApplicationList = () => {
  const { permissions, isPending } = usePermissions<Permissions>();
  if (isPending) return null;
  const role = permissions?.role;
  const status = queueStatus(role);
  // An employer sees its own unit only, a prefecture bureau its own area: no column for them.
  const showsUnit = role !== 'EMPLOYER';
  const showsArea = role !== 'EMPLOYER' && role !== 'PREFECTURE';
  return (
    <List
      filters={applicationFilters(role)}
      filterDefaultValues={status ? { status } : {}}
      sort={{ field: 'submittedAt', order: 'ASC' }}
      perPage={25}
      exporter={false}
      storeKey={`applications.${role ?? 'anonymous'}`}
    >
      <Datagrid rowClick="show" bulkActionButtons={false} sx={{ '& .RaDatagrid-headerCell, & .column-mode, & .column-status, & .column-submittedAt': { whiteSpace: 'nowrap' }, '& .column-name': { minWidth: 120 }, '& .column-unit\\.name': { minWidth: 160 }, '& td.column-serialNumber': { whiteSpace: 'nowrap', fontSize: '0.8125rem', color: 'text.secondary' } }}>
        <TextField source="serialNumber" sortable={false} />
        <TextField source="name" />
        {showsUnit ? <TextField source="unit.name" sortBy="unit.name" /> : null}
        {showsArea ? <TextField source="area.name" sortBy="area.name" /> : null}
        <EnumField source="mode" enum="TrainingMode" />
        <TextField source="trainingSpecialty" sortable={false} />
        <StatusChip source="status" />
        <EligibilityBadges label="resources.applications.fields.eligibility" sortable={false} />
        <DateTimeField source="submittedAt" />
      </Datagrid>
    </List>
  );
};
