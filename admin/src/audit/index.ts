import HistoryIcon from '@mui/icons-material/History';
import { AuditRecordList } from './AuditRecordList.tsx';

export default { list: AuditRecordList, icon: HistoryIcon };
