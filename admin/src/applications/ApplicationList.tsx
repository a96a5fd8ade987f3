// The review queue: the applications the signed-in reviewer may see, starting on those of the
// current round (a select of the rounds) that wait for their review, oldest submission first,
// with the eligibility check of each row. Saved
// views and the official lists of the reviewer's scope above it, bulk approval of the
// selected rows, and an Excel export of the whole filtered list.
import {
  BooleanInput,
  Datagrid,
  ExportButton,
  FilterButton,
  List,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
  useGetList,
  usePermissions,
} from 'react-admin';
import { useQuery } from '@tanstack/react-query';
import type { Permissions } from '../authProvider.ts';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { currentRound } from '../dataProvider/aggregates.ts';
import { EnumField } from '../common/EnumField.tsx';
import { xlsxExporter } from '../common/xlsxExporter.ts';
import { enumChoices } from '../enums.ts';
import { BulkReviewButton } from '../reviews/BulkReviewButton.tsx';
import { queueSort, stageOf, stages } from '../reviews/decisions.ts';
import { EligibilityBadges } from './EligibilityBadges.tsx';
import { MissingScanBadges } from './MissingScanBadges.tsx';
import { QueueFormFiles } from './QueueFormFiles.tsx';
import { SavedViews } from './SavedViews.tsx';
import { StatusChip } from './StatusChip.tsx';

/** The API's page cap is 100 rows; the export reads page after page up to this many. */
const exportLimit = 5000;

type RoundChoice = { id: number; name: string };

function applicationFilters(role: Permissions['role'] | undefined, rounds: RoundChoice[]) {
  const seesAreas = role === 'REGIONAL' || role === 'ANALYST';
  const seesUnits = role !== 'EMPLOYER';
  return [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="roundYear" source="roundYear" choices={rounds} alwaysOn emptyText="tepei.queue.allRounds" data-testid="queue-round" />,
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
  // The list opens on the current round (the API's currentRound: the earliest still taking
  // recommendations, else the newest), the one the dashboard counts.
  const current = useQuery({ queryKey: ['rounds', 'current'], queryFn: currentRound });
  const rounds = useGetList<{ id: string; year: number; name: string }>('rounds', { pagination: { page: 1, perPage: 100 }, sort: { field: 'year', order: 'DESC' } });
  if (isPending || current.isPending || rounds.isPending) return null;
  const roundChoices = (rounds.data ?? []).map((round) => ({ id: round.year, name: round.name }));
  const role = permissions?.role;
  const stage = stageOf(role);
  // An employer sees its own unit only, a prefecture bureau its own area: no column for them.
  const showsUnit = role !== 'EMPLOYER';
  const showsArea = role !== 'EMPLOYER' && role !== 'PREFECTURE';
  return (
    <List
      filters={applicationFilters(role, roundChoices)}
      filterDefaultValues={{ ...(stage ? { statuses: stages[stage].awaiting } : {}), ...(current.data ? { roundYear: current.data.year } : {}) }}
      sort={queueSort}
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
