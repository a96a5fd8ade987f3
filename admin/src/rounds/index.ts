import EventIcon from '@mui/icons-material/Event';
import { lazyView } from '../common/lazyView.ts';

export default {
  list: lazyView(() => import('./RoundList.tsx'), 'RoundList'),
  edit: lazyView(() => import('./RoundEdit.tsx'), 'RoundEdit'),
  create: lazyView(() => import('./RoundCreate.tsx'), 'RoundCreate'),
  icon: EventIcon,
};
