// The 80 employer units (用人单位): more in the big prefectures, a few in the XPCC and under
// each regional department, of every nature. Their order fixes the reviewer usernames
// unit-001 … unit-080, so new units go at the end.
import type { Prisma, UnitNature } from '../src/client.ts';
import { areaProfile } from './area-profiles.ts';
import { mobilePhone, personName, pickEthnicity } from './people.ts';
import { Random, seedId } from './random.ts';
import type { Sector } from './sectors.ts';

export interface UnitSpec {
  name: string;
  nature: UnitNature;
  areaCode: string;
  sector: Sector;
  /** Where the unit is when not in its area's seat (county-level cities, XPCC cities). */
  city?: string;
  postcode?: string;
  phoneAreaCode?: string;
}

const P = 'PUBLIC_INSTITUTION';
const G = 'GOVERNMENT_AGENCY';
const S = 'STATE_OWNED_ENTERPRISE';
const C = 'PRIVATE_ENTERPRISE';
const O = 'OTHER';

export const unitSpecs: readonly UnitSpec[] = [
  // 乌鲁木齐市
  { name: '乌鲁木齐市第一人民医院', nature: P, areaCode: '650100', sector: 'medicine' },
  { name: '乌鲁木齐市友谊医院', nature: P, areaCode: '650100', sector: 'medicine' },
  { name: '乌鲁木齐市疾病预防控制中心', nature: P, areaCode: '650100', sector: 'publicHealth' },
  { name: '乌鲁木齐市第一中学', nature: P, areaCode: '650100', sector: 'school' },
  { name: '乌鲁木齐职业大学', nature: P, areaCode: '650100', sector: 'university' },
  { name: '乌鲁木齐市农业技术推广中心', nature: P, areaCode: '650100', sector: 'agriculture' },
  { name: '乌鲁木齐市水务局', nature: G, areaCode: '650100', sector: 'water' },
  { name: '乌鲁木齐市市政工程设计院有限公司', nature: S, areaCode: '650100', sector: 'construction' },
  { name: '新疆丝路云图信息科技有限公司', nature: C, areaCode: '650100', sector: 'it' },
  { name: '新疆天山数智科技有限公司', nature: C, areaCode: '650100', sector: 'it' },
  // 克拉玛依市
  { name: '克拉玛依市中心医院', nature: P, areaCode: '650200', sector: 'medicine' },
  { name: '克拉玛依油田勘探开发研究院', nature: S, areaCode: '650200', sector: 'energy' },
  { name: '克拉玛依市科学技术协会', nature: O, areaCode: '650200', sector: 'research' },
  // 吐鲁番市
  { name: '吐鲁番市人民医院', nature: P, areaCode: '650400', sector: 'medicine' },
  { name: '吐鲁番市林果业技术推广中心', nature: P, areaCode: '650400', sector: 'agriculture' },
  { name: '吐鲁番市实验中学', nature: P, areaCode: '650400', sector: 'school' },
  // 哈密市
  { name: '哈密市中心医院', nature: P, areaCode: '650500', sector: 'medicine' },
  { name: '哈密市农业技术推广中心', nature: P, areaCode: '650500', sector: 'agriculture' },
  { name: '哈密市电力工程有限责任公司', nature: S, areaCode: '650500', sector: 'energy' },
  // 昌吉回族自治州
  { name: '昌吉回族自治州人民医院', nature: P, areaCode: '652300', sector: 'medicine' },
  { name: '昌吉回族自治州农业科学研究院', nature: P, areaCode: '652300', sector: 'agriculture' },
  { name: '昌吉学院', nature: P, areaCode: '652300', sector: 'university' },
  { name: '昌吉回族自治州自然资源局', nature: G, areaCode: '652300', sector: 'research' },
  // 博尔塔拉蒙古自治州
  { name: '博尔塔拉蒙古自治州人民医院', nature: P, areaCode: '652700', sector: 'medicine' },
  { name: '博尔塔拉蒙古自治州动物疾病预防控制中心', nature: P, areaCode: '652700', sector: 'animalHusbandry' },
  { name: '博乐市第一中学', nature: P, areaCode: '652700', sector: 'school' },
  // 巴音郭楞蒙古自治州
  { name: '巴音郭楞蒙古自治州人民医院', nature: P, areaCode: '652800', sector: 'medicine' },
  { name: '巴音郭楞蒙古自治州农业技术推广中心', nature: P, areaCode: '652800', sector: 'agriculture' },
  { name: '巴音郭楞职业技术学院', nature: P, areaCode: '652800', sector: 'university' },
  { name: '巴音郭楞蒙古自治州水利管理处', nature: P, areaCode: '652800', sector: 'water' },
  { name: '新疆库尔勒绿源农业科技有限公司', nature: C, areaCode: '652800', sector: 'agriculture' },
  // 阿克苏地区
  { name: '阿克苏地区第一人民医院', nature: P, areaCode: '652900', sector: 'medicine' },
  { name: '阿克苏地区妇幼保健院', nature: P, areaCode: '652900', sector: 'publicHealth' },
  { name: '阿克苏地区林业和草原技术推广中心', nature: P, areaCode: '652900', sector: 'forestry' },
  { name: '阿克苏职业技术学院', nature: P, areaCode: '652900', sector: 'university' },
  { name: '阿克苏地区水利局', nature: G, areaCode: '652900', sector: 'water' },
  { name: '阿克苏地区第二中学', nature: P, areaCode: '652900', sector: 'school' },
  // 克孜勒苏柯尔克孜自治州
  { name: '克孜勒苏柯尔克孜自治州人民医院', nature: P, areaCode: '653000', sector: 'medicine' },
  { name: '克孜勒苏柯尔克孜自治州畜牧技术推广站', nature: P, areaCode: '653000', sector: 'animalHusbandry' },
  { name: '阿图什市第一中学', nature: P, areaCode: '653000', sector: 'school' },
  // 喀什地区
  { name: '喀什地区第一人民医院', nature: P, areaCode: '653100', sector: 'medicine' },
  { name: '喀什地区第二人民医院', nature: P, areaCode: '653100', sector: 'medicine' },
  { name: '喀什地区维吾尔医医院', nature: P, areaCode: '653100', sector: 'medicine' },
  { name: '喀什地区疾病预防控制中心', nature: P, areaCode: '653100', sector: 'publicHealth' },
  { name: '喀什地区农业技术推广中心', nature: P, areaCode: '653100', sector: 'agriculture' },
  { name: '喀什大学', nature: P, areaCode: '653100', sector: 'university' },
  { name: '喀什市第六中学', nature: P, areaCode: '653100', sector: 'school' },
  { name: '喀什地区水利局', nature: G, areaCode: '653100', sector: 'water' },
  { name: '新疆喀什丝路智联科技有限公司', nature: C, areaCode: '653100', sector: 'it' },
  // 和田地区
  { name: '和田地区人民医院', nature: P, areaCode: '653200', sector: 'medicine' },
  { name: '和田地区农业技术推广中心', nature: P, areaCode: '653200', sector: 'agriculture' },
  { name: '和田市第三中学', nature: P, areaCode: '653200', sector: 'school' },
  { name: '和田地区水利管理处', nature: P, areaCode: '653200', sector: 'water' },
  { name: '和田师范专科学校', nature: P, areaCode: '653200', sector: 'university' },
  { name: '和田地区农民专业合作社联合会', nature: O, areaCode: '653200', sector: 'agriculture' },
  // 伊犁哈萨克自治州
  { name: '伊犁哈萨克自治州友谊医院', nature: P, areaCode: '654000', sector: 'medicine' },
  { name: '伊犁哈萨克自治州奎屯医院', nature: P, areaCode: '654000', sector: 'medicine', city: '奎屯市', postcode: '833200', phoneAreaCode: '0992' },
  { name: '伊犁州职业技术学院', nature: P, areaCode: '654000', sector: 'university' },
  { name: '伊犁哈萨克自治州农业科学研究所', nature: P, areaCode: '654000', sector: 'agriculture' },
  { name: '伊犁哈萨克自治州畜牧总站', nature: P, areaCode: '654000', sector: 'animalHusbandry' },
  { name: '伊宁市第三中学', nature: P, areaCode: '654000', sector: 'school' },
  { name: '伊犁哈萨克自治州水利电力勘测设计院', nature: S, areaCode: '654000', sector: 'water' },
  { name: '新疆伊犁河谷信息技术有限公司', nature: C, areaCode: '654000', sector: 'it' },
  // 塔城地区
  { name: '塔城地区人民医院', nature: P, areaCode: '654200', sector: 'medicine' },
  { name: '塔城地区农业技术推广中心', nature: P, areaCode: '654200', sector: 'agriculture' },
  { name: '塔城地区第一高级中学', nature: P, areaCode: '654200', sector: 'school' },
  // 阿勒泰地区
  { name: '阿勒泰地区人民医院', nature: P, areaCode: '654300', sector: 'medicine' },
  { name: '阿勒泰地区畜牧技术推广站', nature: P, areaCode: '654300', sector: 'animalHusbandry' },
  { name: '阿勒泰地区林业科学研究所', nature: P, areaCode: '654300', sector: 'forestry' },
  // 新疆生产建设兵团
  { name: '兵团第一师阿拉尔市人民医院', nature: P, areaCode: 'XPCC', sector: 'medicine' },
  { name: '塔里木大学', nature: P, areaCode: 'XPCC', sector: 'university' },
  { name: '兵团第八师石河子市农业科学研究院', nature: P, areaCode: 'XPCC', sector: 'agriculture', city: '石河子市', postcode: '832000', phoneAreaCode: '0993' },
  { name: '兵团第三师图木舒克市水利工程管理处', nature: P, areaCode: 'XPCC', sector: 'water', city: '图木舒克市', postcode: '843900', phoneAreaCode: '0998' },
  // 自治区厅（局）直属单位
  { name: '新疆大学', nature: P, areaCode: 'DEPT-EDU', sector: 'university' },
  { name: '新疆师范高等专科学校', nature: P, areaCode: 'DEPT-EDU', sector: 'school' },
  { name: '新疆维吾尔自治区中医医院', nature: P, areaCode: 'DEPT-HEALTH', sector: 'medicine' },
  { name: '新疆维吾尔自治区疾病预防控制中心', nature: P, areaCode: 'DEPT-HEALTH', sector: 'publicHealth' },
  { name: '新疆维吾尔自治区畜牧科学院', nature: P, areaCode: 'DEPT-AGRI', sector: 'animalHusbandry' },
  { name: '新疆维吾尔自治区农业技术推广总站', nature: P, areaCode: 'DEPT-AGRI', sector: 'agriculture' },
  { name: '新疆维吾尔自治区分析测试研究院', nature: P, areaCode: 'DEPT-SCI', sector: 'research' },
];

const streets = ['人民路', '解放路', '团结路', '迎宾大道', '健康路', '文化路', '友谊路', '光明路', '新华路', '北京路', '天山路', '建设路', '青年路', '胜利路'];

export interface SeedUnit {
  id: string;
  /** 1-based position: unit-001 … */
  number: number;
  spec: UnitSpec;
  areaId: string;
  areaCode: string;
  areaName: string;
  isSouthernXinjiang: boolean;
  address: string;
  postcode: string;
  contactName: string;
  contactPhone: string;
  /** Share of its area's applications: hospitals and public institutions send more. */
  weight: number;
}

export interface AreaRef {
  id: string;
  code: string;
  name: string;
  isSouthernXinjiang: boolean;
}

export function buildUnits(areas: ReadonlyMap<string, AreaRef>): SeedUnit[] {
  const random = Random.stream('units');
  return unitSpecs.map((spec, index) => {
    const area = areas.get(spec.areaCode);
    if (!area) throw new Error(`unit ${spec.name}: unknown area ${spec.areaCode}`);
    const profile = areaProfile(spec.areaCode);
    const gender = random.chance(0.5) ? 'MALE' : 'FEMALE';
    const contactPhone = random.chance(0.7)
      ? `${spec.phoneAreaCode ?? profile.phoneAreaCode}-${random.int(2, 8)}${random.digits(6)}`
      : mobilePhone(random);
    return {
      id: seedId(`unit:${spec.name}`),
      number: index + 1,
      spec,
      areaId: area.id,
      areaCode: area.code,
      areaName: area.name,
      isSouthernXinjiang: area.isSouthernXinjiang,
      address: `新疆${spec.city ?? profile.city}${random.pick(streets)}${random.int(1, 399)}号`,
      postcode: spec.postcode ?? profile.postcode,
      contactName: personName(random, pickEthnicity(random, spec.areaCode, false), gender),
      contactPhone,
      weight: (spec.nature === 'PUBLIC_INSTITUTION' ? 3 : 1) * (spec.sector === 'medicine' ? 1.5 : 1),
    };
  });
}

export function unitRows(units: readonly SeedUnit[], createdAt: Date): Prisma.EmployerUnitCreateManyInput[] {
  return units.map((unit) => ({
    id: unit.id,
    name: unit.spec.name,
    nature: unit.spec.nature,
    areaId: unit.areaId,
    address: unit.address,
    postcode: unit.postcode,
    contactName: unit.contactName,
    contactPhone: unit.contactPhone,
    createdAt,
  }));
}

export function unitByName(units: readonly SeedUnit[], name: string): SeedUnit {
  const unit = units.find((candidate) => candidate.spec.name === name);
  if (!unit) throw new Error(`no seed unit named ${name}`);
  return unit;
}
