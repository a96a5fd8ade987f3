import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { lazyView } from '../common/lazyView.ts';

export default {
  list: lazyView(() => import('./PlacementPage.tsx'), 'PlacementPage'),
  icon: AssignmentIndIcon,
};
