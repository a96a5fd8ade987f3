import ApartmentIcon from '@mui/icons-material/Apartment';
import { UnitList } from './UnitList.tsx';

export default { list: UnitList, icon: ApartmentIcon };
