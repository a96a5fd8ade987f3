import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { lazyView } from '../common/lazyView.ts';

export { RegisterPage } from './RegisterPage.tsx';

/** The applicant's own applications (myApplications): list, file, correct, follow. */
export default {
  list: lazyView(() => import('./MyApplicationList.tsx'), 'MyApplicationList'),
  create: lazyView(() => import('./ApplicationCreate.tsx'), 'ApplicationCreate'),
  edit: lazyView(() => import('./ApplicationEdit.tsx'), 'ApplicationEdit'),
  show: lazyView(() => import('./MyApplicationShow.tsx'), 'MyApplicationShow'),
  icon: AssignmentIndIcon,
};
