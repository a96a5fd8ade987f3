// 拟选培养单位 and 拟选导师 of a form-3 preference, picked from 培养单位名录 (issue 14 item 2):
// the hosts of the chosen 培养方式 (all of them before one is chosen) with their province, and the
// mentors the chosen host lists. Both take any text too: a host the registry does not list goes
// to the regional bureau as a proposal when the form is saved (api host-preferences.ts), and the
// row says so. The whole registry is read once, so that a host of the other mode is told apart
// from an unlisted one and named in the API's own words (hostModeProblem); the API refuses such
// a host on save, and its refusal shows at the field.
import { Autocomplete, Box, TextField, Typography, createFilterOptions } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { FieldTitle, InputHelperText, useInput, useSourceContext, useTranslate } from 'react-admin';
import { hostModeProblem, hostSuitsMode } from '../../../api/src/modules/host-institutions/host-preferences.ts';
import type { TrainingMode } from '../../../prisma/generated/client/enums.ts';
import { applicantQueries, query } from './applicantRequests.ts';

export interface RegistryHost {
  id: string;
  name: string;
  province: string;
  mentors: string[];
}

const hint = (key: string) => `tepei.applicant.form.hostChoice.${key}`;

/** The registry by name, and the names to offer for the form's 培养方式. */
function useRegistry() {
  const mode = useWatch({ name: 'mode' }) as TrainingMode | null | undefined;
  const { data } = useQuery({
    queryKey: ['applicant', 'hostRegistry'],
    queryFn: () => query<{ hostInstitutions: RegistryHost[] }>(applicantQueries.hostRegistry).then((result) => result.hostInstitutions),
    staleTime: 10 * 60_000,
  });
  return useMemo(() => {
    const hosts = data ?? [];
    const byName = new Map(hosts.map((host) => [host.name, host]));
    const offered = hosts.filter((host) => !mode || hostSuitsMode(host, mode)).map((host) => host.name);
    return { loaded: !!data, byName, offered, mode };
  }, [data, mode]);
}

/** The registry's entry a typed name stands for (spaces around it do not count, as in the API). */
const listed = (byName: Map<string, RegistryHost>, name: unknown) => (typeof name === 'string' ? byName.get(name.trim()) : undefined);

/** What the row says of its host: where a listed one is, that it is not listed, or the API's words for a host of the other mode. */
function useHostNote(host: RegistryHost | undefined, typed: string, mode: TrainingMode | null | undefined): string | undefined {
  const translate = useTranslate();
  if (!typed.trim()) return undefined;
  if (!host) return translate(hint('unlisted'));
  return (mode && hostModeProblem(host, mode)) || translate(hint('listed'), { province: host.province });
}

/**
 * A text input that offers `options` and takes any text (MUI's free-solo Autocomplete on the
 * form's field). `describe` adds a second line to an option (the host's province).
 */
const FreeTextChoiceInput = ({
  source,
  label,
  options,
  describe,
  helperText,
  filterOptions,
}: {
  source: string;
  label: string;
  options: string[];
  describe?: (option: string) => string | undefined;
  helperText?: string | false;
  filterOptions?: ReturnType<typeof createFilterOptions<string>>;
}) => {
  const { field, fieldState, id, isRequired } = useInput({ source });
  const text = (field.value as string | null | undefined) ?? '';
  return (
    <Autocomplete
      id={id}
      freeSolo
      options={options}
      filterOptions={filterOptions}
      value={text || null}
      inputValue={text}
      onChange={(_event, chosen) => field.onChange(chosen ?? '')}
      onInputChange={(_event, typed, reason) => {
        // "reset" repeats the chosen option's text, which onChange has already written.
        if (reason !== 'reset' || typed !== text) field.onChange(typed);
      }}
      onBlur={field.onBlur}
      className={`ra-input ra-input-${source}`}
      renderOption={({ key, ...props }, option) => {
        const second = describe?.(option);
        return (
          <li key={key} {...props}>
            <Box>
              <Typography variant="body2" component="span" sx={{ display: 'block' }}>
                {option}
              </Typography>
              {second ? (
                <Typography variant="caption" component="span" color="text.secondary" sx={{ display: 'block' }}>
                  {/* A space, so that a screen reader says the name and the province apart. */}
                  {' '}
                  {second}
                </Typography>
              ) : null}
            </Box>
          </li>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          name={field.name}
          inputRef={field.ref}
          label={<FieldTitle label={label} source={source} isRequired={isRequired} />}
          error={fieldState.invalid}
          helperText={<InputHelperText error={fieldState.error?.message} helperText={helperText} />}
        />
      )}
    />
  );
};

/** Names and provinces alike find a host: typing 上海 offers the hosts in Shanghai. */
const hostFilter = (byName: Map<string, RegistryHost>) => createFilterOptions<string>({ stringify: (name) => `${name} ${byName.get(name)?.province ?? ''}` });

/** 拟选培养单位 of one preference row. */
export const HostInstitutionInput = ({ source, label }: { source: string; label: string }) => {
  const { byName, offered, mode, loaded } = useRegistry();
  const sourceContext = useSourceContext();
  const typed = (useWatch({ name: sourceContext.getSource(source) }) as string | null | undefined) ?? '';
  const note = useHostNote(listed(byName, typed), typed, mode);
  const filterOptions = useMemo(() => hostFilter(byName), [byName]);
  return (
    <FreeTextChoiceInput
      source={source}
      label={label}
      options={offered}
      describe={(name) => byName.get(name)?.province}
      filterOptions={filterOptions}
      // Until the registry has arrived nothing is said: a listed host would read as unlisted.
      helperText={loaded ? note : undefined}
    />
  );
};

/** 拟选导师 of one preference row: the mentors its host lists, or any name. */
export const MentorInput = ({ source, label, hostSource }: { source: string; label: string; hostSource: string }) => {
  const { byName } = useRegistry();
  const sourceContext = useSourceContext();
  const host = listed(byName, useWatch({ name: sourceContext.getSource(hostSource) }));
  return <FreeTextChoiceInput source={source} label={label} options={host?.mentors ?? []} />;
};
