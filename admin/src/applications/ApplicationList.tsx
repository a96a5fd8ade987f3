// The review queue: the applications the signed-in reviewer may see, starting on those of the
// current round (a select of the rounds) that wait for their review, oldest submission first,
// with the eligibility check of each row. Saved
// views and the official lists of the reviewer's scope above it, bulk approval of the
// selected rows, and an Excel export of the whole filtered list, written by the API.
import {
  BooleanInput,
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
  useRecordContext,
} from 'react-admin';
import { Box, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Permissions } from '../authProvider.ts';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { EnumText } from '../common/EnumField.tsx';
import { ListGrid, useListWidth } from '../common/ListGrid.tsx';
import { currentRound } from '../dataProvider/aggregates.ts';
import { EnumField } from '../common/EnumField.tsx';
import { enumChoices } from '../enums.ts';
import { ServerExportButton } from '../common/ServerExportButton.tsx';
import { applicationListExportPath } from '../../../api/src/modules/exports/application-list-sheet.ts';
import { BulkReviewButton } from '../reviews/BulkReviewButton.tsx';
import { queueSort, stageOf, stages } from '../reviews/decisions.ts';
import { EligibilityBadges } from './EligibilityBadges.tsx';
import { MissingScanBadges } from './MissingScanBadges.tsx';
import { QueueFormFiles } from './QueueFormFiles.tsx';
import { SavedViews } from './SavedViews.tsx';
import { StatusChip } from './StatusChip.tsx';

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
    <ServerExportButton exportPath={applicationListExportPath} label="tepei.queue.export" testId="export-applications" />
  </TopToolbar>
);

/** Two values in one column, the second smaller below, where two columns do not fit. */
const Stacked = ({ top, below }: { top: ReactNode; below: ReactNode }) => (
  <>
    <span style={{ whiteSpace: 'nowrap' }}>{top}</span>
    <Typography component="span" variant="caption" color="text.secondary" sx={{ display: 'block', whiteSpace: 'nowrap' }}>
      {below}
    </Typography>
  </>
);

const NameAndNumber = (_props: { source: string; label: string }) => {
  const record = useRecordContext<QueueRow>();
  return <Stacked top={record?.name} below={record?.serialNumber} />;
};

const SpecialtyAndMode = (_props: { source: string; label: string; sortable: boolean }) => {
  const record = useRecordContext<QueueRow>();
  return <Stacked top={record?.trainingSpecialty} below={<EnumText enum="TrainingMode" value={record?.mode} />} />;
};

/** The status with the signed scans it still lacks below it. */
const StatusAndScans = (_props: { source: string; label: string }) => (
  <>
    <StatusChip />
    <Box sx={{ mt: 0.5 }}>
      <MissingScanBadges />
    </Box>
  </>
);

type QueueRow = { name: string; serialNumber: string; mode: string; trainingSpecialty: string; unit?: { name: string } };

/** A row of the queue on a phone: who, from where, for what, and where it stands. */
const phoneRow = {
  primaryText: (row: QueueRow) => row.name,
  secondaryText: (row: QueueRow) => (
    <>
      {row.unit?.name ? `${row.unit.name} · ` : ''}
      <EnumText enum="TrainingMode" value={row.mode} /> · {row.trainingSpecialty}
    </>
  ),
  tertiaryText: () => <StatusChip />,
};

export const ApplicationList = () => {
  const { permissions, isPending } = usePermissions<Permissions>();
  const width = useListWidth();
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
  // On a laptop the trainee number goes under the name, the training mode under the specialty
  // and the missing signed scans under the status, headers may wrap, and the area (the unit says where it is) shows on a desktop
  // only: the table then fits the 1,000 px beside the menu.
  const desktop = width === 'desktop';
  return (
    <List
      filters={applicationFilters(role, roundChoices)}
      filterDefaultValues={{ ...(stage ? { statuses: stages[stage].awaiting } : {}), ...(current.data ? { roundYear: current.data.year } : {}) }}
      sort={queueSort}
      perPage={25}
      actions={<ApplicationListActions />}
      exporter={false}
      storeKey={`applications.${role ?? 'anonymous'}`}
    >
      <SavedViews />
      <ListGrid
        rowClick="show"
        phone={phoneRow}
        bulkActionButtons={stage ? <BulkReviewButton /> : false}
        sx={{
          // Wrapped headers keep a few characters a line, not one under the other.
          '& .RaDatagrid-headerCell': desktop ? { whiteSpace: 'nowrap' } : { minWidth: 72 },
          '& .column-mode, & .column-status, & .column-submittedAt, & .column-statusChangedAt': { whiteSpace: 'nowrap' },
          '& .column-name': { whiteSpace: 'nowrap' },
          '& .column-unit\\.name': { minWidth: 160 },
          '& td.column-serialNumber': { whiteSpace: 'nowrap', fontSize: '0.8125rem', color: 'text.secondary' },
        }}
      >
        {desktop ? <TextField source="serialNumber" sortable={false} /> : null}
        {desktop ? <TextField source="name" /> : <NameAndNumber source="name" label="resources.applications.fields.name" />}
        {showsUnit ? <TextField source="unit.name" sortBy="unit.name" /> : null}
        {showsArea && desktop ? <TextField source="area.name" sortBy="area.name" /> : null}
        {desktop ? <EnumField source="mode" enum="TrainingMode" /> : null}
        {desktop ? <TextField source="trainingSpecialty" sortable={false} /> : <SpecialtyAndMode source="trainingSpecialty" label="resources.applications.fields.trainingSpecialty" sortable={false} />}
        {desktop ? <StatusChip source="status" /> : <StatusAndScans source="status" label="resources.applications.fields.status" />}
        <EligibilityBadges label="resources.applications.fields.eligibility" sortable={false} />
        {desktop ? <MissingScanBadges label="resources.applications.fields.missingSignedScans" sortable={false} /> : null}
        {/* A reviewer's queue waits by the time each application entered its status (queueSort). */}
        {stage ? <DateTimeField source="statusChangedAt" /> : <DateTimeField source="submittedAt" />}
      </ListGrid>
    </List>
  );
};
