// What the seed needs to know of each recommending area beyond reference/areas.ts: how big
// it is (quotas and applications are spread by it) and where its units are.
export interface AreaProfile {
  /** Relative size: share of quota places and of applications. */
  weight: number;
  /** Seat of the area's units, as written in an address. */
  city: string;
  postcode: string;
  phoneAreaCode: string;
}

export const areaProfiles: Record<string, AreaProfile> = {
  '650100': { weight: 14, city: '乌鲁木齐市', postcode: '830000', phoneAreaCode: '0991' },
  '650200': { weight: 3, city: '克拉玛依市', postcode: '834000', phoneAreaCode: '0990' },
  '650400': { weight: 4, city: '吐鲁番市', postcode: '838000', phoneAreaCode: '0995' },
  '650500': { weight: 4, city: '哈密市', postcode: '839000', phoneAreaCode: '0902' },
  '652300': { weight: 6, city: '昌吉市', postcode: '831100', phoneAreaCode: '0994' },
  '652700': { weight: 3, city: '博乐市', postcode: '833400', phoneAreaCode: '0909' },
  '652800': { weight: 6, city: '库尔勒市', postcode: '841000', phoneAreaCode: '0996' },
  '652900': { weight: 9, city: '阿克苏市', postcode: '843000', phoneAreaCode: '0997' },
  '653000': { weight: 4, city: '阿图什市', postcode: '845350', phoneAreaCode: '0908' },
  '653100': { weight: 14, city: '喀什市', postcode: '844000', phoneAreaCode: '0998' },
  '653200': { weight: 9, city: '和田市', postcode: '848000', phoneAreaCode: '0903' },
  '654000': { weight: 11, city: '伊宁市', postcode: '835000', phoneAreaCode: '0999' },
  '654200': { weight: 4, city: '塔城市', postcode: '834700', phoneAreaCode: '0901' },
  '654300': { weight: 4, city: '阿勒泰市', postcode: '836500', phoneAreaCode: '0906' },
  XPCC: { weight: 6, city: '阿拉尔市', postcode: '843300', phoneAreaCode: '0997' },
  'DEPT-EDU': { weight: 3, city: '乌鲁木齐市', postcode: '830046', phoneAreaCode: '0991' },
  'DEPT-HEALTH': { weight: 3, city: '乌鲁木齐市', postcode: '830001', phoneAreaCode: '0991' },
  'DEPT-AGRI': { weight: 2, city: '乌鲁木齐市', postcode: '830091', phoneAreaCode: '0991' },
  'DEPT-SCI': { weight: 2, city: '乌鲁木齐市', postcode: '830011', phoneAreaCode: '0991' },
};

export function areaProfile(code: string): AreaProfile {
  const profile = areaProfiles[code];
  if (!profile) throw new Error(`no seed profile for area ${code}`);
  return profile;
}
