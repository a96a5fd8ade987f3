import ApartmentIcon from '@mui/icons-material/Apartment';
import { lazyView } from '../common/lazyView.ts';

export default {
  list: lazyView(() => import('./HostsPage.tsx'), 'HostsPage'),
  icon: ApartmentIcon,
};
