import PeopleIcon from '@mui/icons-material/People';
import { lazyView } from '../common/lazyView.ts';

export default {
  list: lazyView(() => import('./UserList.tsx'), 'UserList'),
  create: lazyView(() => import('./UserCreate.tsx'), 'UserCreate'),
  icon: PeopleIcon,
};
