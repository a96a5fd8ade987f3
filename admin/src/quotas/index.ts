import PieChartIcon from '@mui/icons-material/PieChart';
import { QuotaPage } from './QuotaPage.tsx';

export default { list: QuotaPage, icon: PieChartIcon };
