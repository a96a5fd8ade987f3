import EventIcon from '@mui/icons-material/Event';
import { RoundEdit } from './RoundEdit.tsx';
import { RoundList } from './RoundList.tsx';

export default { list: RoundList, edit: RoundEdit, icon: EventIcon };
