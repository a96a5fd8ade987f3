import EventAvailableIcon from '@mui/icons-material/EventAvailable';
import { lazyView } from '../common/lazyView.ts';

export default {
  list: lazyView(() => import('./OrientationPage.tsx'), 'OrientationPage'),
  icon: EventAvailableIcon,
};
