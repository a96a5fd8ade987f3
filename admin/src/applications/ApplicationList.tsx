// The review queue: the applications the signed-in reviewer may see, starting on those that
// wait for their review, oldest submission first, with the eligibility check of each row. Saved
// views and the official lists of the reviewer's scope above it, bulk approval of the
// selected rows, and an Excel export of the whole filtered list.
import {
  BooleanInput,
  Datagrid,
  ExportButton,
  FilterButton,
  List,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  usePermissions,
} from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { EnumField } from '../common/EnumField.tsx';
import { xlsxExporter } from '../common/xlsxExporter.ts';
import { enumChoices } from '../enums.ts';
import { BulkReviewButton } from '../reviews/BulkReviewButton.tsx';
import { stageOf, stages } from '../reviews/decisions.ts';
import { EligibilityBadges } from './EligibilityBadges.tsx';
import { MissingScanBadges } from './MissingScanBadges.tsx';
import { QueueFormFiles } from './QueueFormFiles.tsx';
import { SavedViews } from './SavedViews.tsx';
import { StatusChip } from './StatusChip.tsx';

/** The API's page cap is 100 rows; the export reads page after page up to this many. */
const exportLimit = 5000;

function applicationFilters(role: Permissions['role'] | undefined) {
  const seesAreas = role === 'REGIONAL' || role === 'ANALYST';
  const seesUnits = role !== 'EMPLOYER';
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectArrayInput key="statuses" source="statuses" choices={enumChoices('ApplicationStatus')} alwaysOn sx={{ minWidth: 240 }} />,
    <SelectInput key="mode" source="mode" choices={enumChoices('TrainingMode')} alwaysOn />,
    ...(seesAreas
      ? [
          <ReferenceInput key="areaId" source="areaId" reference="areas" perPage={100} sort={{ field: 'code', order: 'ASC' }}>
            <SelectInput optionText="name" />
          </ReferenceInput>,
          <BooleanInput key="southernXinjiang" source="southernXinjiang" />,
        ]
      : []),
    ...(seesUnits
      ? [
          <ReferenceInput key="unitId" source="unitId" reference="units" perPage={100}>
            <SelectInput optionText="name" />
          </ReferenceInput>,
        ]
      : []),
    <TextInput key="specialtyContains" source="specialtyContains" />,
    <SelectInput key="gender" source="gender" choices={enumChoices('Gender')} />,
    <NumberInput key="roundYear" source="roundYear" />,
  ];
}

const ApplicationListActions = () => (
  <TopToolbar sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
    <QueueFormFiles />
    <FilterButton />
    <ExportButton maxResults={exportLimit} label="tepei.queue.export" sx={{ textTransform: 'none' }} />
  </TopToolbar>
);

export const ApplicationList = () => {
  const { permissions, isPending } = usePermissions<Permissions>();
  if (isPending) return null;
  const role = permissions?.role;
  const stage = stageOf(role);
  // An employer sees its own unit only, a prefecture bureau its own area: no column for them.
  const showsUnit = role !== 'EMPLOYER';
  const showsArea = role !== 'EMPLOYER' && role !== 'PREFECTURE';
  return (
    <List
      filters={applicationFilters(role)}
      filterDefaultValues={stage ? { statuses: stages[stage].awaiting } : {}}
      sort={{ field: 'submittedAt', order: 'ASC' }}
      perPage={25}
      actions={<ApplicationListActions />}
      exporter={xlsxExporter}
      storeKey={`applications.${role ?? 'anonymous'}`}
    >
      <SavedViews />
      <Datagrid
        rowClick="show"
        bulkActionButtons={stage ? <BulkReviewButton /> : false}
        sx={{
          '& .RaDatagrid-headerCell, & .column-mode, & .column-status, & .column-submittedAt': { whiteSpace: 'nowrap' },
          '& .column-name': { whiteSpace: 'nowrap' },
          '& .column-unit\\.name': { minWidth: 160 },
          '& td.column-serialNumber': { whiteSpace: 'nowrap', fontSize: '0.8125rem', color: 'text.secondary' },
        }}
      >
        <TextField source="serialNumber" sortable={false} />
        <TextField source="name" />
        {showsUnit ? <TextField source="unit.name" sortBy="unit.name" /> : null}
        {showsArea ? <TextField source="area.name" sortBy="area.name" /> : null}
        <EnumField source="mode" enum="TrainingMode" />
        <TextField source="trainingSpecialty" sortable={false} />
        <StatusChip source="status" />
        <EligibilityBadges label="resources.applications.fields.eligibility" sortable={false} />
        <MissingScanBadges label="resources.applications.fields.missingSignedScans" sortable={false} />
        <DateTimeField source="submittedAt" />
      </Datagrid>
    </List>
  );
};
