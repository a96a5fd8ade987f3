import BlockIcon from '@mui/icons-material/Block';
import { lazyView } from '../common/lazyView.ts';

export default {
  list: lazyView(() => import('./BlacklistList.tsx'), 'BlacklistList'),
  create: lazyView(() => import('./BlacklistCreate.tsx'), 'BlacklistCreate'),
  icon: BlockIcon,
};
