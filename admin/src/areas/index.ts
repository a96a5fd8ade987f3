import MapIcon from '@mui/icons-material/Map';
import { AreaList } from './AreaList.tsx';

export default { list: AreaList, icon: MapIcon };
