// 用人单位 the signed-in user may see, by recommending authority, with how many applications
// each has sent (all rounds, within the user's scope).
import { List, NumberField, ReferenceInput, SelectInput, TextField } from 'react-admin';
import { EnumField } from '../common/EnumField.tsx';
import { ListGrid } from '../common/ListGrid.tsx';
import { ExportingListActions } from '../common/ExportingListActions.tsx';
import { ServerExportButton } from '../common/ServerExportButton.tsx';
import { unitListExportPath } from '../../../api/src/modules/exports/unit-list-sheet.ts';

const filters = [
  <ReferenceInput key="areaId" source="areaId" reference="areas" perPage={100} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
];

export const UnitList = () => (
  <List filters={filters} perPage={25} actions={<ExportingListActions exportButton={<ServerExportButton exportPath={unitListExportPath} testId="export-units" />} />} sort={{ field: 'id', order: 'ASC' }}>
    <ListGrid bulkActionButtons={false} rowClick={false} data-testid="unit-list">
      <TextField source="name" sortable={false} />
      <TextField source="area.name" sortable={false} />
      <EnumField source="nature" enum="UnitNature" sortable={false} />
      <TextField source="address" sortable={false} />
      <TextField source="postcode" sortable={false} emptyText="—" />
      <NumberField source="applications.totalCount" sortable={false} />
    </ListGrid>
  </List>
);
