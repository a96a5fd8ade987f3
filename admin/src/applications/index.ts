import AssignmentIcon from '@mui/icons-material/Assignment';
import { lazyView } from '../common/lazyView.ts';

export default {
  list: lazyView(() => import('./ApplicationList.tsx'), 'ApplicationList'),
  show: lazyView(() => import('./ApplicationShow.tsx'), 'ApplicationShow'),
  icon: AssignmentIcon,
};
