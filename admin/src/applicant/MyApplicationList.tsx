// 我的申报: the applicant's own applications (myApplications), newest first, and the way to
// file one for the open round when there is none yet.
import AddIcon from '@mui/icons-material/Add';
import { Card, CardContent, Typography } from '@mui/material';
import { Button, List, TextField, TopToolbar, useListContext, useTranslate, type RaRecord } from 'react-admin';
import { Link } from 'react-router-dom';
import { StatusChip } from '../applications/StatusChip.tsx';
import { DateTimeField } from '../common/DateTimeField.tsx';
import { EnumField, EnumText } from '../common/EnumField.tsx';
import { ListGrid } from '../common/ListGrid.tsx';
import { editableStatuses } from './ApplicationEdit.tsx';
import { useApplicationStart } from './useApplicationStart.ts';

/** 填报本年度申报, while the open round has no application of this applicant. */
const CreateForOpenRound = () => {
  const translate = useTranslate();
  const { data: start } = useApplicationStart();
  const { data: rows } = useListContext<RaRecord & { round: { id: string } }>();
  const round = start?.currentRound;
  if (!round || !rows || rows.some((row) => row.round?.id === round.id)) return null;
  if (!round.isOpenForApplications) {
    return (
      <Typography variant="body2" color="text.secondary">
        {translate('tepei.applicant.list.closed', { round: round.name })}
      </Typography>
    );
  }
  return (
    <Button component={Link} to="/myApplications/create" variant="contained" label={translate('tepei.applicant.list.create', { round: round.name })} data-testid="create-application">
      <AddIcon />
    </Button>
  );
};

const Actions = () => (
  <TopToolbar>
    <CreateForOpenRound />
  </TopToolbar>
);

const Empty = () => {
  const translate = useTranslate();
  const { data: start } = useApplicationStart();
  const round = start?.currentRound;
  return (
    <Card sx={{ mt: 2 }}>
      <CardContent>
        <Typography variant="body1" sx={{ mb: 2 }}>
          {translate('tepei.applicant.list.empty')}
        </Typography>
        {round?.isOpenForApplications ? (
          <Button component={Link} to="/myApplications/create" variant="contained" label={translate('tepei.applicant.list.create', { round: round.name })} data-testid="create-application">
            <AddIcon />
          </Button>
        ) : round ? (
          <Typography variant="body2" color="text.secondary">
            {translate('tepei.applicant.list.closed', { round: round.name })}
          </Typography>
        ) : null}
      </CardContent>
    </Card>
  );
};

const rowClick = (id: unknown, _resource: string, record: RaRecord) => (editableStatuses.includes(record.status as string) ? 'edit' : 'show');

/** An application on a phone: the round and where it stands, then what was applied for. */
const phoneRow = {
  primaryText: (row: RaRecord) => row.round?.name,
  secondaryText: (row: RaRecord) => (
    <>
      <EnumText enum="TrainingMode" value={row.mode} /> · {row.trainingSpecialty}
    </>
  ),
  tertiaryText: () => <StatusChip />,
};

export const MyApplicationList = () => (
  <List actions={<Actions />} empty={<Empty />} pagination={false} exporter={false} sort={{ field: 'updatedAt', order: 'DESC' }} perPage={100}>
    <ListGrid rowClick={rowClick} bulkActionButtons={false} phone={phoneRow}>
        <TextField source="round.name" sortable={false} />
        <StatusChip source="status" label="resources.myApplications.fields.status" sortable={false} />
        <EnumField source="mode" enum="TrainingMode" sortable={false} />
        <TextField source="trainingSpecialty" sortable={false} />
        <TextField source="unit.name" sortable={false} />
        <DateTimeField source="submittedAt" sortable={false} />
        <DateTimeField source="updatedAt" sortable={false} />
    </ListGrid>
  </List>
);
