import PeopleIcon from '@mui/icons-material/People';
import { UserCreate } from './UserCreate.tsx';
import { UserList } from './UserList.tsx';

export default { list: UserList, create: UserCreate, icon: PeopleIcon };
