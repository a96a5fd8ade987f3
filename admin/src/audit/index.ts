import HistoryIcon from '@mui/icons-material/History';
import { AuditRecordList } from './AuditRecordList.tsx';
import { AuditRecordShow } from './AuditRecordShow.tsx';

export default { list: AuditRecordList, show: AuditRecordShow, icon: HistoryIcon };
