// react-admin's list actions — the filter button, create where the resource has it — followed by
// the list's export (a ServerExportButton: every list is exported whole by the API).
import type { ReactNode } from 'react';
import { CreateButton, FilterButton, TopToolbar, useFilterContext, useResourceDefinition } from 'react-admin';

/** The list's actions with `exportButton` last; `children` go before it. */
export const ExportingListActions = ({ children, exportButton }: { children?: ReactNode; exportButton: ReactNode }) => {
  const { hasCreate } = useResourceDefinition();
  const filters = useFilterContext();
  return (
    <TopToolbar>
      {filters ? <FilterButton /> : null}
      {hasCreate ? <CreateButton /> : null}
      {children}
      {exportButton}
    </TopToolbar>
  );
};
