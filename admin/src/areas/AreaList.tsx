// 地州市人社局、兵团与自治区厅（局）: the recommending authorities, by GB/T 2260 code.
import { BooleanField, Datagrid, List, TextField } from 'react-admin';
import { EnumField } from '../common/EnumField.tsx';

export const AreaList = () => (
  <List perPage={50} exporter={false} sort={{ field: 'code', order: 'ASC' }} pagination={false}>
    <Datagrid bulkActionButtons={false} rowClick={false}>
      <TextField source="code" />
      <TextField source="name" />
      <EnumField source="kind" enum="AreaKind" />
      <BooleanField source="isSouthernXinjiang" sortable={false} />
    </Datagrid>
  </List>
);
