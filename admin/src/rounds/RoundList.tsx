// 年度与截止时间: every round, newest first, with its deadlines (Beijing time), age cut-off,
// places and 紧缺专业. The regional admin edits a round until it is finished (roundState.ts).
import { Datagrid, EditButton, List, NumberField, TextField, usePermissions, useRecordContext } from 'react-admin';
import type { Permissions } from '../authProvider.ts';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { RoundPhaseField } from './RoundPhaseField.tsx';
import { useFinishedRounds } from './roundState.ts';
import { ShortageSpecialtiesField } from './ShortageSpecialtiesField.tsx';
import type { RoundRecord } from './types.ts';
import { xlsxExporter } from '../common/xlsxExporter.ts';

const EditUntilFinished = () => {
  const record = useRecordContext<RoundRecord>();
  const { permissions } = usePermissions<Permissions>();
  const finished = useFinishedRounds();
  if (permissions?.role !== 'REGIONAL' || !record || !finished.data || finished.data.has(record.id)) return null;
  return <EditButton data-testid={`edit-round-${record.year}`} />;
};

export const RoundList = () => (
  <List perPage={25} exporter={xlsxExporter} sort={{ field: 'year', order: 'DESC' }} pagination={false}>
    <Datagrid bulkActionButtons={false} rowClick={false} data-testid="round-list">
      <TextField source="name" sortable={false} />
      <RoundPhaseField label="resources.rounds.fields.phase" />
      <DateTimeField source="applicationDeadline" sortable={false} />
      <DateTimeField source="recommendationDeadline" sortable={false} />
      <DateTimeField source="ageCutoffDate" date sortable={false} />
      <NumberField source="remotePlaces" sortable={false} />
      <NumberField source="localPlaces" sortable={false} />
      <ShortageSpecialtiesField label="resources.rounds.fields.shortageSpecialties" />
      <EditUntilFinished />
    </Datagrid>
  </List>
);
