import AssignmentIcon from '@mui/icons-material/Assignment';
import { ApplicationList } from './ApplicationList.tsx';
import { ApplicationShow } from './ApplicationShow.tsx';

export default { list: ApplicationList, show: ApplicationShow, icon: AssignmentIcon };
