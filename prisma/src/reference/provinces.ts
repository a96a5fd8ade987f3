// Provincial-level divisions of China (GB/T 2260), where host institutions (培养单位) are. The
// training mode follows the host's province: 当地培养 is inside Xinjiang, 异地培养 anywhere else.
import type { TrainingMode } from '../../generated/client/enums.ts';

export const xinjiang = '新疆维吾尔自治区';

export const provinces = [
  '北京市', '天津市', '河北省', '山西省', '内蒙古自治区', '辽宁省', '吉林省', '黑龙江省', '上海市', '江苏省', '浙江省',
  '安徽省', '福建省', '江西省', '山东省', '河南省', '湖北省', '湖南省', '广东省', '广西壮族自治区', '海南省', '重庆市',
  '四川省', '贵州省', '云南省', '西藏自治区', '陕西省', '甘肃省', '青海省', '宁夏回族自治区', xinjiang,
  '香港特别行政区', '澳门特别行政区', '台湾省',
] as const;

export function isProvince(value: string): boolean {
  return (provinces as readonly string[]).includes(value);
}

/** The one mode a host in `province` trains in. */
export function modeOfProvince(province: string): TrainingMode {
  return province === xinjiang ? 'LOCAL' : 'REMOTE';
}
