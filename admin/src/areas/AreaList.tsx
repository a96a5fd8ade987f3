// 地州市人社局、兵团与自治区厅（局）: the recommending authorities, by GB/T 2260 code, with how
// many units each has and how many applications it has in the current round.
import { BooleanField, FunctionField, List, NullableBooleanInput, SelectInput, TextField, TextInput } from 'react-admin';
import { EnumField } from '../common/EnumField.tsx';
import { ListGrid } from '../common/ListGrid.tsx';
import { enumChoices } from '../enums.ts';
import { AreaApplicationCount } from './AreaApplicationCount.tsx';
import { ExportingListActions } from '../common/ExportingListActions.tsx';
import { ServerExportButton } from '../common/ServerExportButton.tsx';
import { areaListExportPath } from '../../../api/src/modules/exports/area-list-sheet.ts';

const filters = [
  <TextInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={enumChoices('AreaKind')} alwaysOn />,
  <NullableBooleanInput key="isSouthernXinjiang" source="isSouthernXinjiang" alwaysOn />,
];

export const AreaList = () => (
  <List filters={filters} perPage={50} actions={<ExportingListActions exportButton={<ServerExportButton exportPath={areaListExportPath} testId="export-areas" />} />} sort={{ field: 'code', order: 'ASC' }} pagination={false}>
    <ListGrid bulkActionButtons={false} rowClick={false} data-testid="area-list">
      <TextField source="code" />
      <TextField source="name" />
      <EnumField source="kind" enum="AreaKind" />
      <BooleanField source="isSouthernXinjiang" sortable={false} />
      <FunctionField source="unitCount" sortable={false} render={(area: { units: unknown[] }) => area.units.length} />
      <AreaApplicationCount label="resources.areas.fields.applicationCount" />
    </ListGrid>
  </List>
);
