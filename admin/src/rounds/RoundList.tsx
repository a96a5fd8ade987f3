// 年度与截止时间: every round, newest first, with its deadlines (Beijing time), age cut-off,
// places and 紧缺专业. The regional admin edits a round until it is finished (roundState.ts);
// the round's completion list downloads from its row.
import { Box } from '@mui/material';
import { EditButton, List, NumberField, TextField, usePermissions, useRecordContext, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { formatDateTime } from '../common/format.ts';
import { ListGrid, useListWidth } from '../common/ListGrid.tsx';
import { RoundPhaseField } from './RoundPhaseField.tsx';
import { useFinishedRounds } from './roundState.ts';
import { ShortageSpecialtiesField } from './ShortageSpecialtiesField.tsx';
import type { RoundRecord } from './types.ts';
import { ExportingListActions } from '../common/ExportingListActions.tsx';
import { ServerExportButton } from '../common/ServerExportButton.tsx';
import { roundListExportPath } from '../../../api/src/modules/exports/round-list-sheet.ts';
import { CompletionListButton } from '../training/CompletionListButton.tsx';

const EditUntilFinished = () => {
  const record = useRecordContext<RoundRecord>();
  const { permissions } = usePermissions<Permissions>();
  const finished = useFinishedRounds();
  if (permissions?.role !== 'REGIONAL' || !record || !finished.data || finished.data.has(record.id)) return null;
  return <EditButton data-testid={`edit-round-${record.year}`} />;
};

/** A round's name and phase, side by side (a phone's first line). */
const NameAndPhase = () => {
  const round = useRecordContext<RoundRecord>();
  if (!round) return null;
  return (
    <Box component="span" sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      {round.name}
      <RoundPhaseField />
    </Box>
  );
};

/** Each deadline on a line of its own, named, with the round's actions below them (a phone's next lines). */
const DeadlinesAndActions = () => {
  const round = useRecordContext<RoundRecord>();
  const translate = useTranslate();
  if (!round) return null;
  const line = (field: 'applicationDeadline' | 'recommendationDeadline') => (
    <Box component="span" sx={{ display: 'block', whiteSpace: 'nowrap' }}>
      {translate(`resources.rounds.fields.${field}`)} {formatDateTime(round[field])}
    </Box>
  );
  return (
    <>
      {line('applicationDeadline')}
      {line('recommendationDeadline')}
      <Box component="span" sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 0.5, ml: -1 }}>
        <EditUntilFinished />
        <CompletionListButton />
      </Box>
    </>
  );
};

/** A round on a phone: its name and phase, its two deadlines, and the way to its settings and completion list. */
const phoneRow = {
  primaryText: <NameAndPhase />,
  secondaryText: <DeadlinesAndActions />,
};

export const RoundList = () => {
  // The places only where there is room: beside the menu of a laptop the deadlines come first,
  // and the places are on 名额管理 all the same.
  const desktop = useListWidth() === 'desktop';
  return (
  <List perPage={25} actions={<ExportingListActions exportButton={<ServerExportButton exportPath={roundListExportPath} testId="export-rounds" />} />} sort={{ field: 'year', order: 'DESC' }} pagination={false}>
    <ListGrid phone={phoneRow} bulkActionButtons={false} rowClick={false} data-testid="round-list">
      <TextField source="name" sortable={false} />
      <RoundPhaseField label="resources.rounds.fields.phase" />
      <DateTimeField source="applicationDeadline" sortable={false} />
      <DateTimeField source="recommendationDeadline" sortable={false} />
      <DateTimeField source="ageCutoffDate" date sortable={false} />
      {desktop ? <NumberField source="remotePlaces" sortable={false} /> : null}
      {desktop ? <NumberField source="localPlaces" sortable={false} /> : null}
      <ShortageSpecialtiesField label="resources.rounds.fields.shortageSpecialties" />
      <EditUntilFinished />
      <CompletionListButton />
    </ListGrid>
  </List>
  );
};
