// The recommending authorities of DOMAIN.md "Reference data": the 14 prefecture-level
// divisions of Xinjiang (GB/T 2260), the XPCC, and the regional departments.
import type { AreaKind } from '../../generated/client/enums.ts';

export interface AreaFact {
  code: string;
  name: string;
  kind: AreaKind;
  /** Southern Xinjiang as the notice names it: may relax ethnicity and education/title. */
  isSouthernXinjiang: boolean;
}

export const areaFacts: readonly AreaFact[] = [
  { code: '650100', name: '乌鲁木齐市', kind: 'PREFECTURE', isSouthernXinjiang: false },
  { code: '650200', name: '克拉玛依市', kind: 'PREFECTURE', isSouthernXinjiang: false },
  { code: '650400', name: '吐鲁番市', kind: 'PREFECTURE', isSouthernXinjiang: false },
  { code: '650500', name: '哈密市', kind: 'PREFECTURE', isSouthernXinjiang: false },
  { code: '652300', name: '昌吉回族自治州', kind: 'PREFECTURE', isSouthernXinjiang: false },
  { code: '652700', name: '博尔塔拉蒙古自治州', kind: 'PREFECTURE', isSouthernXinjiang: false },
  { code: '652800', name: '巴音郭楞蒙古自治州', kind: 'PREFECTURE', isSouthernXinjiang: true },
  { code: '652900', name: '阿克苏地区', kind: 'PREFECTURE', isSouthernXinjiang: true },
  { code: '653000', name: '克孜勒苏柯尔克孜自治州', kind: 'PREFECTURE', isSouthernXinjiang: true },
  { code: '653100', name: '喀什地区', kind: 'PREFECTURE', isSouthernXinjiang: true },
  { code: '653200', name: '和田地区', kind: 'PREFECTURE', isSouthernXinjiang: true },
  { code: '654000', name: '伊犁哈萨克自治州', kind: 'PREFECTURE', isSouthernXinjiang: false },
  { code: '654200', name: '塔城地区', kind: 'PREFECTURE', isSouthernXinjiang: false },
  { code: '654300', name: '阿勒泰地区', kind: 'PREFECTURE', isSouthernXinjiang: false },
  { code: 'XPCC', name: '新疆生产建设兵团', kind: 'CORPS', isSouthernXinjiang: false },
  { code: 'DEPT-EDU', name: '自治区教育厅', kind: 'DEPARTMENT', isSouthernXinjiang: false },
  { code: 'DEPT-HEALTH', name: '自治区卫生健康委员会', kind: 'DEPARTMENT', isSouthernXinjiang: false },
  { code: 'DEPT-AGRI', name: '自治区农业农村厅', kind: 'DEPARTMENT', isSouthernXinjiang: false },
  { code: 'DEPT-SCI', name: '自治区科学技术厅', kind: 'DEPARTMENT', isSouthernXinjiang: false },
];

/** A resident ID's first six digits for people of an area; XPCC and departments sit in Ürümqi. */
export function residentRegionCode(areaCode: string): string {
  return /^\d{6}$/.test(areaCode) ? areaCode.slice(0, 4) + '01' : '650102';
}
