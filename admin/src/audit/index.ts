import HistoryIcon from '@mui/icons-material/History';
import { lazyView } from '../common/lazyView.ts';

export default {
  list: lazyView(() => import('./AuditRecordList.tsx'), 'AuditRecordList'),
  show: lazyView(() => import('./AuditRecordShow.tsx'), 'AuditRecordShow'),
  icon: HistoryIcon,
};
