import PieChartIcon from '@mui/icons-material/PieChart';
import { lazyView } from '../common/lazyView.ts';

export default { list: lazyView(() => import('./QuotaPage.tsx'), 'QuotaPage'), icon: PieChartIcon };
