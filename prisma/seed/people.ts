// Who applies: names in the transliteration style of each ethnic group, the ethnic mix of
// each area, and the phone numbers and e-mail addresses people write on form 2.
import type { Ethnicity, Gender } from '../src/client.ts';
import { residentRegionCode } from '../src/reference/areas.ts';
import { composeResidentId } from '../src/reference/resident-id.ts';
import type { Random } from './random.ts';

interface NameStock {
  male: readonly string[];
  female: readonly string[];
  /** Turkic and Tajik names: given name · father's given name (e.g. 努尔兰·别克). */
  patronymic?: readonly string[];
  /** Han, Hui and Xibe names: family name + given name (e.g. 马晓燕). */
  surnames?: readonly string[];
  /** Russian names: given name · family name, the family name agreeing with gender. */
  familyNames?: { male: readonly string[]; female: readonly string[] };
}

const uyghurMale = [
  '艾力', '买买提', '艾合买提', '阿不都热合曼', '吐尔逊', '艾尔肯', '阿里木', '努尔麦麦提', '伊力哈木', '麦麦提江',
  '阿卜杜拉', '热合曼', '亚森', '肉孜', '吾斯曼', '依明', '卡德尔', '艾克拜尔', '帕尔哈提', '玉素甫',
  '祖农', '米吉提', '阿迪力', '木拉提', '吐尔洪', '艾则孜', '阿布来提', '塔依尔', '克依木', '托合提',
];
const kazakhMale = [
  '努尔兰', '叶尔兰', '别克', '哈那提', '叶尔波拉提', '江布尔', '赛力克', '达吾列提', '巴合提', '加尔肯',
  '阿斯力别克', '叶尔江', '吾拉孜别克', '哈斯木', '沙吾提', '胡安德克', '马合沙提', '阿依丁',
];
const kyrgyzMale = ['吐尔逊别克', '阿斯卡尔', '买买提居马', '托合提', '库尔班', '阿曼吐尔', '苏来曼', '卡德尔别克', '吐鲁洪', '朱马'];
const tajikMale = ['阿力甫', '吐尔地', '塔什', '库尔班江', '夏迪克', '巴哈尔丁', '买买提尼亚孜', '阿不都'];
const uzbekMale = ['阿不都拉', '乌斯曼', '艾克拉木', '沙比尔', '阿里甫', '哈力克'];
const tatarMale = ['阿里夫', '拉菲克', '伊斯坎德尔', '哈米特', '努尔'];

const stocks: Partial<Record<Ethnicity, NameStock>> = {
  UYGHUR: {
    male: uyghurMale,
    female: [
      '阿依古丽', '古丽娜尔', '热依拉', '迪丽努尔', '米热古丽', '帕提古丽', '努尔古丽', '阿依努尔', '再努尔', '祖丽菲亚',
      '阿米娜', '热孜亚', '玛依拉', '茹克亚', '古丽米拉', '迪娜', '麦尔哈巴', '阿丽米热', '努尔比亚', '米娜瓦尔',
    ],
    patronymic: uyghurMale,
  },
  KAZAKH: {
    male: kazakhMale,
    female: ['古丽娜', '阿依达娜', '哈丽达', '阿依努尔', '巴合提古丽', '古丽巴哈尔', '娜孜古丽', '沙吾列', '马迪娜', '阿娜尔', '哈依夏', '加娜尔'],
    patronymic: kazakhMale,
  },
  KYRGYZ: {
    male: kyrgyzMale,
    female: ['古丽加玛丽', '布麦尔耶姆', '阿依加玛丽', '克孜古丽', '吐孙古丽', '热依汗', '阿依谢姆'],
    patronymic: kyrgyzMale,
  },
  TAJIK: {
    male: tajikMale,
    female: ['古丽妮莎', '玛丽亚木', '比比古丽', '沙依拉', '努尔妮莎'],
    patronymic: tajikMale,
  },
  UZBEK: {
    male: uzbekMale,
    female: ['古丽切合热', '娜菲莎', '迪丽拜尔', '萨伊达', '古丽夏'],
    patronymic: uzbekMale,
  },
  TATAR: {
    male: tatarMale,
    female: ['卡米拉', '阿依莎', '扎依娜', '莱拉', '娜尔吉斯'],
    patronymic: tatarMale,
  },
  // Mongols of Xinjiang usually go by one Oirat name without a family name.
  MONGOL: {
    male: ['巴特尔', '那木斯来', '布和', '额尔敦', '孟和', '乌力吉', '巴音', '吉日嘎拉', '敖其尔', '那生', '巴图孟克', '宝音'],
    female: ['其其格', '萨仁', '乌兰', '娜仁花', '高娃', '托娅', '格日勒', '斯琴', '乌云', '其木格'],
  },
  HUI: {
    surnames: ['马', '杨', '丁', '白', '海', '韩', '穆', '纳', '冶', '李', '王', '哈', '金'],
    male: ['文斌', '建军', '志强', '永福', '学明', '伟', '磊', '军', '国强', '海龙', '成林', '小虎'],
    female: ['晓燕', '秀英', '海燕', '丽娟', '玉梅', '静', '娟', '芳', '雪莲', '玉兰', '慧', '晓梅'],
  },
  XIBE: {
    surnames: ['关', '吴', '佟', '图', '常', '韩', '扎', '郭', '何', '安', '伊'],
    male: ['晓东', '新华', '永生', '春雷', '建新', '志远', '博', '勇'],
    female: ['春梅', '丽华', '秀兰', '晓红', '雪', '美玲', '玉霞'],
  },
  RUSSIAN: {
    male: ['安德烈', '谢尔盖', '尼古拉', '伊万', '亚历山大', '维克多'],
    female: ['娜塔莎', '叶莲娜', '柳德米拉', '塔季扬娜', '奥莉加', '斯维特兰娜'],
    familyNames: { male: ['伊万诺夫', '彼得罗夫', '索科洛夫', '库兹涅佐夫'], female: ['伊万诺娃', '彼得罗娃', '索科洛娃', '库兹涅佐娃'] },
  },
  HAN: {
    surnames: ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴', '徐', '孙'],
    male: ['建国', '海涛', '晓东', '志刚', '俊杰', '磊', '鹏', '浩然', '文博', '宏伟'],
    female: ['丽华', '玉兰', '雪梅', '婷', '静怡', '晓丽', '红梅', '佳琪', '丹'],
  },
};

export function personName(random: Random, ethnicity: Ethnicity, gender: Gender): string {
  const stock = stocks[ethnicity] ?? stocks.HAN!;
  const given = random.pick(gender === 'MALE' ? stock.male : stock.female);
  if (stock.patronymic) {
    // A father's name is rarely the child's own.
    const fathers = stock.patronymic.filter((name) => name !== given);
    return `${given}·${random.pick(fathers)}`;
  }
  if (stock.familyNames) return `${given}·${random.pick(gender === 'MALE' ? stock.familyNames.male : stock.familyNames.female)}`;
  if (stock.surnames) return random.pick(stock.surnames) + given;
  return given;
}

// The ten minority groups most present in Xinjiang; Uyghur the most numerous overall.
const baseMix: readonly (readonly [Ethnicity, number])[] = [
  ['UYGHUR', 50], ['KAZAKH', 14], ['HUI', 10], ['KYRGYZ', 3], ['MONGOL', 4],
  ['XIBE', 3], ['TAJIK', 1.5], ['UZBEK', 1.5], ['RUSSIAN', 0.8], ['TATAR', 0.7],
];

// Where a group lives mostly: Kazakhs in the north, Kyrgyz in Kizilsu, Tajiks in Kashgar
// (Tashkurgan), Mongols in Bortala and Bayingol, Xibe in Ili (Qapqal), Hui in Changji.
const areaMix: Record<string, readonly (readonly [Ethnicity, number])[]> = {
  '652800': [['UYGHUR', 60], ['MONGOL', 20], ['HUI', 12], ['KAZAKH', 2]],
  '652900': [['UYGHUR', 92], ['HUI', 4], ['KYRGYZ', 1], ['UZBEK', 1]],
  '653000': [['UYGHUR', 58], ['KYRGYZ', 38], ['TAJIK', 1], ['HUI', 1]],
  '653100': [['UYGHUR', 88], ['TAJIK', 5], ['KYRGYZ', 2], ['UZBEK', 2], ['HUI', 2]],
  '653200': [['UYGHUR', 96], ['HUI', 2]],
  '650400': [['UYGHUR', 85], ['HUI', 10]],
  '650500': [['UYGHUR', 60], ['KAZAKH', 20], ['HUI', 15]],
  '652300': [['HUI', 32], ['KAZAKH', 30], ['UYGHUR', 30], ['MONGOL', 2]],
  '652700': [['MONGOL', 28], ['KAZAKH', 22], ['UYGHUR', 30], ['HUI', 12]],
  '654000': [
    ['KAZAKH', 35], ['UYGHUR', 35], ['HUI', 10], ['XIBE', 8], ['MONGOL', 3],
    ['UZBEK', 2], ['RUSSIAN', 2], ['TATAR', 1.5],
  ],
  '654200': [['KAZAKH', 42], ['UYGHUR', 25], ['HUI', 12], ['MONGOL', 6], ['RUSSIAN', 3], ['TATAR', 3]],
  '654300': [['KAZAKH', 66], ['UYGHUR', 15], ['HUI', 8], ['MONGOL', 6], ['TATAR', 2], ['RUSSIAN', 2]],
};

/** Share of non-minority applicants in southern units ("少量非少数民族", notice 一). */
const hanShareInSouthernXinjiang = 0.025;

/** HAN only ever in southern-Xinjiang units: the notice allows it nowhere else. */
export function pickEthnicity(random: Random, areaCode: string, isSouthernXinjiang: boolean): Ethnicity {
  if (isSouthernXinjiang && random.chance(hanShareInSouthernXinjiang)) return 'HAN';
  return random.weighted(areaMix[areaCode] ?? baseMix);
}

const mobilePrefixes = [
  '130', '131', '132', '133', '135', '136', '138', '139', '150', '151', '152', '155', '157',
  '158', '159', '177', '180', '181', '182', '183', '186', '187', '188', '189', '199',
];

/** A mainland mobile number, 1[3-9]xxxxxxxxx. */
export function mobilePhone(random: Random): string {
  return random.pick(mobilePrefixes) + random.digits(8);
}

const mailDomains = ['163.com', '126.com', 'qq.com', 'sina.com', 'foxmail.com'];
const latinLetters = 'abcdefghjkmnpqrstuvwxyz';

export function emailAddress(random: Random): string {
  const domain = random.pick(mailDomains);
  if (domain === 'qq.com') return `${random.int(1, 9)}${random.digits(random.int(7, 9))}@qq.com`;
  let local = '';
  for (let i = random.int(3, 6); i > 0; i--) local += latinLetters[random.int(0, latinLetters.length - 1)];
  return `${local}${random.digits(random.int(2, 4))}@${domain}`;
}

export interface Person {
  name: string;
  gender: Gender;
  ethnicity: Ethnicity;
  /** YYYY-MM-DD */
  birthDate: string;
  idNumber: string;
}

/**
 * A birth date within the age rule, ages 28–45 in the round's year, most in their thirties
 * (the mean of two uniform draws peaks in the middle).
 */
export function birthDateWithinAgeRule(random: Random, roundYear: number, ageCutoffDate: string): string {
  const first = Date.parse(`${ageCutoffDate}T00:00:00Z`);
  const last = Date.parse(`${roundYear - 28}-12-31T00:00:00Z`);
  const days = Math.round((last - first) / 86_400_000);
  const offset = Math.floor(((random.float() + random.float()) / 2) * (days + 1));
  return new Date(first + offset * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The ID number of a person registered in an area: its region code, the birth date and the
 * gender, and a sequence drawn until the number is one nobody in the seed has yet.
 */
export function residentIdFor(
  random: Random,
  areaCode: string,
  birthDate: string,
  gender: Gender,
  taken: Set<string>,
): string {
  const region = residentRegionCode(areaCode);
  let sequence = random.int(0, 499);
  for (let tries = 0; tries < 500; tries++, sequence = (sequence + 1) % 500) {
    const idNumber = composeResidentId(region, birthDate, gender, sequence);
    if (!taken.has(idNumber)) {
      taken.add(idNumber);
      return idNumber;
    }
  }
  throw new Error(`no free ID number for ${region} ${birthDate} ${gender}`);
}

export interface PersonChoices {
  areaCode: string;
  isSouthernXinjiang: boolean;
  roundYear: number;
  ageCutoffDate: string;
  taken: Set<string>;
}

export function newPerson(random: Random, choices: PersonChoices): Person {
  const ethnicity = pickEthnicity(random, choices.areaCode, choices.isSouthernXinjiang);
  const gender: Gender = random.chance(0.47) ? 'FEMALE' : 'MALE';
  const birthDate = birthDateWithinAgeRule(random, choices.roundYear, choices.ageCutoffDate);
  return {
    name: personName(random, ethnicity, gender),
    gender,
    ethnicity,
    birthDate,
    idNumber: residentIdFor(random, choices.areaCode, birthDate, gender, choices.taken),
  };
}
