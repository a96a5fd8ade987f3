import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import { ApplicationCreate } from './ApplicationCreate.tsx';
import { ApplicationEdit } from './ApplicationEdit.tsx';
import { MyApplicationList } from './MyApplicationList.tsx';
import { MyApplicationShow } from './MyApplicationShow.tsx';

export { RegisterPage } from './RegisterPage.tsx';

/** The applicant's own applications (myApplications): list, file, correct, follow. */
export default { list: MyApplicationList, create: ApplicationCreate, edit: ApplicationEdit, show: MyApplicationShow, icon: AssignmentIndIcon };
