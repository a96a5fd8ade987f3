import BlockIcon from '@mui/icons-material/Block';
import { BlacklistList } from './BlacklistList.tsx';

export default { list: BlacklistList, icon: BlockIcon };
