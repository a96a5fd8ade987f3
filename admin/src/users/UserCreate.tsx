// 新建账户: a reviewer, administrator or analyst, with the scope its role needs — a
// 地州市人社局审核人 its area, a 用人单位审核人 its unit (the API checks the same).
import { Alert, Card, CardContent, Typography } from '@mui/material';
import { useMutation } from '@tanstack/react-query';
import {
  AutocompleteInput,
  Form,
  FormDataConsumer,
  PasswordInput,
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
import { createUser, type NewAccount } from './userMutations.ts';

const roleChoices = enumChoices('Role').filter((choice) => choice.id !== 'APPLICANT');

function validateAccount(values: Partial<NewAccount>) {
  const errors: Record<string, string> = {};
  if (values.role === 'PREFECTURE' && !values.areaId) errors.areaId = 'tepei.admin.users.areaRequired';
  if (values.role === 'EMPLOYER' && !values.unitId) errors.unitId = 'tepei.admin.users.unitRequired';
  if (values.password && !(values.password.length >= 8 && /[A-Za-z]/.test(values.password) && /\d/.test(values.password))) {
    errors.password = 'tepei.admin.users.passwordPolicy';
  }
  return errors;
}

/** The scope input the chosen role needs. */
const ScopeInput = ({ role }: { role?: string }) => {
  const areas = useGetList<{ id: string; name: string }>('areas', { pagination: { page: 1, perPage: 1000 }, sort: { field: 'code', order: 'ASC' } }, { enabled: role === 'PREFECTURE' });
  const units = useGetList<{ id: string; name: string }>('units', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } }, { enabled: role === 'EMPLOYER' });
  if (role === 'PREFECTURE') return <SelectInput source="areaId" choices={areas.data ?? []} isPending={areas.isPending} validate={required()} />;
  if (role === 'EMPLOYER') return <AutocompleteInput source="unitId" choices={units.data ?? []} isPending={units.isPending} validate={required()} fullWidth />;
  return null;
};

export const UserCreate = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const mutation = useMutation({
    mutationFn: (values: NewAccount) => createUser(values),
    onSuccess: (_data, values) => {
      notify('tepei.admin.users.created', { type: 'success', messageArgs: { username: values.username } });
      redirect('list', 'users');
    },
  });
  return (
    <Card sx={{ mt: 2, maxWidth: 640 }}>
      <Title title={translate('tepei.admin.users.create')} />
      <CardContent>
        <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
          {translate('tepei.admin.users.create')}
        </Typography>
        <Form onSubmit={(values: Partial<NewAccount>) => mutation.mutate(values as NewAccount)} validate={validateAccount} resource="users">
          <TextInput source="username" validate={required()} helperText="tepei.admin.users.usernameHint" fullWidth />
          <TextInput source="displayName" validate={required()} fullWidth />
          <SelectInput source="role" choices={roleChoices} validate={required()} />
          <FormDataConsumer<Partial<NewAccount>>>{({ formData }) => <ScopeInput role={formData.role} />}</FormDataConsumer>
          <PasswordInput source="password" validate={required()} helperText="tepei.admin.users.passwordPolicy" fullWidth />
          {mutation.error ? (
            <Alert severity="error" sx={{ mb: 2 }} data-testid="user-error">
              {mutation.error.message}
            </Alert>
          ) : null}
          <Toolbar>
            <SaveButton label="tepei.admin.users.create" alwaysEnable disabled={mutation.isPending} data-testid="user-submit" />
          </Toolbar>
        </Form>
      </CardContent>
    </Card>
  );
};
