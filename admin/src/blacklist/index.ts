import BlockIcon from '@mui/icons-material/Block';
import { BlacklistCreate } from './BlacklistCreate.tsx';
import { BlacklistList } from './BlacklistList.tsx';

export default { list: BlacklistList, create: BlacklistCreate, icon: BlockIcon };
