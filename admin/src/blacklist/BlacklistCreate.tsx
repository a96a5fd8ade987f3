// 列入失信名单: a person (by ID number), a sending unit, or both, with the reason. The form
// asks for confirmation, saying whom the listing bars and for how long (5 years, DOMAIN.md rule 5).
import { Alert, Box, Card, CardContent, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import {
  AutocompleteInput,
  Confirm,
  Form,
  SaveButton,
  SelectInput,
  TextInput,
  Title,
  Toolbar,
  required,
  useGetList,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { enumChoices } from '../enums.ts';
import { listOnBlacklist, type NewListing } from './blacklistMutations.ts';

const residentId = /^\d{17}[\dXx]$/;

function validateListing(values: Partial<NewListing>) {
  const errors: Record<string, string> = {};
  if (!values.applicantIdNumber?.trim() && !values.unitId) errors.applicantIdNumber = 'tepei.admin.blacklist.atLeastOne';
  if (values.applicantIdNumber?.trim() && !residentId.test(values.applicantIdNumber.trim())) errors.applicantIdNumber = 'tepei.admin.blacklist.idNumberFormat';
  if ((values.reason?.trim().length ?? 0) < 4) errors.reason = 'tepei.admin.blacklist.reasonLength';
  return errors;
}

export const BlacklistCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const units = useGetList<{ id: string; name: string }>('units', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });
  const [pending, setPending] = useState<NewListing | null>(null);
  const mutation = useMutation({
    mutationFn: (listing: NewListing) => listOnBlacklist(listing),
    onSuccess: () => {
      setPending(null);
      notify('tepei.admin.blacklist.created', { type: 'success' });
      redirect('list', 'blacklist');
    },
    onError: () => setPending(null),
  });
  const unitName = units.data?.find((unit) => unit.id === pending?.unitId)?.name;
  const who = [pending?.applicantName?.trim() || pending?.applicantIdNumber?.trim(), unitName].filter(Boolean).join('、');

  return (
    <Card sx={{ mt: 2, maxWidth: 760 }}>
      <Title title={translate('tepei.admin.blacklist.create')} />
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          {translate('tepei.admin.blacklist.create')}
        </Typography>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('tepei.admin.blacklist.createHint')}
        </Alert>
        <Form onSubmit={(values: Partial<NewListing>) => setPending(values as NewListing)} validate={validateListing} resource="blacklist">
          <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', columnGap: 2 }}>
            <TextInput source="applicantName" />
            <TextInput source="applicantIdNumber" />
          </Box>
          <AutocompleteInput source="unitId" choices={units.data ?? []} optionText="name" isPending={units.isPending} fullWidth />
          <SelectInput source="reasonKind" choices={enumChoices('BlacklistReason')} validate={required()} defaultValue="FRAUD" />
          <TextInput source="reason" multiline minRows={3} fullWidth validate={required()} />
          {mutation.error ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="listing-error">
              {mutation.error.message}
            </Alert>
          ) : null}
          <Toolbar>
            <SaveButton label="tepei.admin.blacklist.create" alwaysEnable data-testid="listing-submit" />
          </Toolbar>
        </Form>
        <Confirm
          isOpen={!!pending}
          loading={mutation.isPending}
          title={translate('tepei.admin.blacklist.confirmCreateTitle')}
          content={translate('tepei.admin.blacklist.confirmCreateContent', { who })}
          confirm="tepei.admin.blacklist.create"
          confirmColor="warning"
          onConfirm={() => pending && mutation.mutate(pending)}
          onClose={() => setPending(null)}
        />
      </CardContent>
    </Card>
  );
};
