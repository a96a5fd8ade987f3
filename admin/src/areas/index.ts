import MapIcon from '@mui/icons-material/Map';
import { lazyView } from '../common/lazyView.ts';

export default { list: lazyView(() => import('./AreaList.tsx'), 'AreaList'), icon: MapIcon };
