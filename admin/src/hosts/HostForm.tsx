// One host's entry (名称, 省份, 类别, 专业, 导师, 联系人): the dialog that lists a new host, edits
// one, or lists a host an applicant proposed (its name filled in from the proposal).
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, Stack, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import { readQuery } from '../common/readQuery.ts';

export interface HostRecord {
  id: string;
  name: string;
  province: string;
  kind: 'UNIVERSITY' | 'RESEARCH_INSTITUTE' | 'ENTERPRISE';
  mode: 'REMOTE' | 'LOCAL';
  specialties: string[];
  mentors: string[];
  contactName: string | null;
  contactPhone: string | null;
  address: string | null;
}

export type HostInput = Omit<HostRecord, 'id' | 'mode'>;

const kinds = ['UNIVERSITY', 'RESEARCH_INSTITUTE', 'ENTERPRISE'] as const;
const list = (value: string) => value.split(/[,，、;；\n]/).map((item) => item.trim()).filter(Boolean);

export const HostForm = ({ title, initial, onSave, onClose }: { title: string; initial: Partial<HostRecord>; onSave: (input: HostInput) => Promise<void>; onClose: () => void }) => {
  const t = useTranslate();
  const provinces = useQuery({ queryKey: ['hostProvinces'], queryFn: async () => (await readQuery<{ hostProvinces: string[] }>('{ hostProvinces }')).hostProvinces });
  const [values, setValues] = useState({
    name: initial.name ?? '',
    province: initial.province ?? '',
    kind: initial.kind ?? 'UNIVERSITY',
    specialties: (initial.specialties ?? []).join('、'),
    mentors: (initial.mentors ?? []).join('、'),
    contactName: initial.contactName ?? '',
    contactPhone: initial.contactPhone ?? '',
    address: initial.address ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const text = (name: keyof typeof values) => (
    <TextField label={t(`tepei.lifecycle.${name === 'name' ? 'hostName' : name}`)} value={values[name]} onChange={(event) => setValues({ ...values, [name]: event.target.value })} fullWidth inputProps={{ 'data-testid': `host-${name}` }} />
  );
  const save = async () => {
    setError(null);
    try {
      await onSave({ ...values, specialties: list(values.specialties), mentors: list(values.mentors), contactName: values.contactName || null, contactPhone: values.contactPhone || null, address: values.address || null });
    } catch (cause) {
      setError((cause as Error).message);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{title}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {text('name')}
          <TextField select label={t('tepei.lifecycle.province')} value={values.province} onChange={(event) => setValues({ ...values, province: event.target.value })} inputProps={{ 'data-testid': 'host-province' }}>
            {(provinces.data ?? []).map((province) => (
              <MenuItem key={province} value={province}>{province}</MenuItem>
            ))}
          </TextField>
          <TextField select label={t('tepei.lifecycle.kind')} value={values.kind} onChange={(event) => setValues({ ...values, kind: event.target.value as HostRecord['kind'] })}>
            {kinds.map((kind) => (
              <MenuItem key={kind} value={kind}>{t(`tepei.lifecycle.kinds.${kind}`)}</MenuItem>
            ))}
          </TextField>
          {text('specialties')}
          {text('mentors')}
          {text('contactName')}
          {text('contactPhone')}
          {text('address')}
          {error ? <Alert severity="error" data-testid="host-error">{error}</Alert> : null}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{t('tepei.lifecycle.cancel')}</Button>
        <Button variant="contained" onClick={save} data-testid="host-save">{t('tepei.lifecycle.save')}</Button>
      </DialogActions>
    </Dialog>
  );
};
