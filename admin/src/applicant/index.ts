import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { lazyView } from '../common/lazyView.ts';

/** 注册: public, and loaded only when someone opens it (the sign-in page links to it). */
export const RegisterPage = lazyView(() => import('./RegisterPage.tsx'), 'RegisterPage');

/** The applicant's own applications (myApplications): list, file, correct, follow. */
export default {
  list: lazyView(() => import('./MyApplicationList.tsx'), 'MyApplicationList'),
  create: lazyView(() => import('./ApplicationCreate.tsx'), 'ApplicationCreate'),
  edit: lazyView(() => import('./ApplicationEdit.tsx'), 'ApplicationEdit'),
  show: lazyView(() => import('./MyApplicationShow.tsx'), 'MyApplicationShow'),
  icon: AssignmentIndIcon,
};
