// 培养单位名录 of the demo: every host the sectors' applicants name on form 3 (sectors.ts), with
// its province (异地培养 hosts in other provinces, 当地培养 hosts in Xinjiang), kind, the
// specialties of the sectors that send people there, a few mentors, a contact, and the places
// it offers in each round. The mentors' names are drawn, not those of real people.
import type { HostKind, Prisma, TrainingMode } from '../src/client.ts';
import { xinjiang } from '../src/reference/provinces.ts';
import { personName } from './people.ts';
import { Random, seedId } from './random.ts';
import type { SeedRound } from './rounds.ts';
import { hostPhoneAreaCode, sectors } from './sectors.ts';

/** Province of each host outside Xinjiang, by name. */
const remoteProvinces: Record<string, string> = {
  北京协和医院: '北京市', 四川大学华西医院: '四川省', 上海交通大学医学院附属瑞金医院: '上海市', 复旦大学附属中山医院: '上海市',
  浙江大学医学院附属第一医院: '浙江省', 中山大学附属第一医院: '广东省', 华中科技大学同济医学院附属同济医院: '湖北省',
  首都医科大学附属北京天坛医院: '北京市', 中国疾病预防控制中心: '北京市', 北京大学公共卫生学院: '北京市', 复旦大学公共卫生学院: '上海市',
  四川大学华西公共卫生学院: '四川省', 中国农业大学: '北京市', 西北农林科技大学: '陕西省', 南京农业大学: '江苏省', 华中农业大学: '湖北省',
  中国农业科学院棉花研究所: '河南省', 浙江大学: '浙江省', 中国农业科学院兰州兽医研究所: '甘肃省', 内蒙古农业大学: '内蒙古自治区',
  甘肃农业大学: '甘肃省', 北京林业大学: '北京市', 南京林业大学: '江苏省', 中国林业科学研究院: '北京市', 北京师范大学: '北京市',
  华东师范大学: '上海市', 东北师范大学: '吉林省', 陕西师范大学: '陕西省', 华中师范大学: '湖北省', 南京大学: '江苏省', 武汉大学: '湖北省',
  西安交通大学: '陕西省', 中山大学: '广东省', 河海大学: '江苏省', 清华大学: '北京市', 中国水利水电科学研究院: '北京市',
  '中国石油大学（北京）': '北京市', 华北电力大学: '北京市', 西南石油大学: '四川省', 同济大学: '上海市', 东南大学: '江苏省', 长安大学: '陕西省',
  北京航空航天大学: '北京市', 电子科技大学: '四川省', 上海交通大学: '上海市', 中国科学院地理科学与资源研究所: '北京市', 兰州大学: '甘肃省',
  '中国地质大学（北京）': '北京市', 中国科学院生态环境研究中心: '北京市',
};

/** 高校 unless the name says it is an institute or a hospital, centre or other public body. */
function kindOf(name: string): HostKind {
  if (/研究所|研究院|科学院|研究中心/.test(name)) return 'RESEARCH_INSTITUTE';
  if (/医院|中心$/.test(name)) return 'ENTERPRISE';
  return 'UNIVERSITY';
}

export interface SeedHost {
  id: string;
  name: string;
  province: string;
  mode: TrainingMode;
  kind: HostKind;
  specialties: string[];
  mentors: string[];
}

export function seedHostId(name: string): string {
  return seedId(`host:${name}`);
}

/** The registry: each host once, in the order the sectors name them. */
export function seedHosts(): SeedHost[] {
  const hosts = new Map<string, SeedHost>();
  for (const sector of Object.values(sectors)) {
    const specialties = [...new Set(sector.disciplines.map((discipline) => discipline.trainingSpecialty))];
    for (const [mode, names] of [['REMOTE', sector.remoteHosts], ['LOCAL', sector.localHosts]] as const) {
      for (const name of names) {
        const known = hosts.get(name);
        if (known) {
          known.specialties = [...new Set([...known.specialties, ...specialties])];
          continue;
        }
        const random = Random.stream(`host:${name}`);
        const mentors = [...new Set(Array.from({ length: random.int(2, 4) }, () => personName(random, 'HAN', random.chance(0.6) ? 'MALE' : 'FEMALE')))];
        hosts.set(name, { id: seedHostId(name), name, province: mode === 'LOCAL' ? xinjiang : remoteProvinces[name]!, mode, kind: kindOf(name), specialties, mentors });
      }
    }
  }
  return [...hosts.values()];
}

/** A listed mentor of the host, chosen by the name the form drew (so the form's draws stay as they were). */
export function listedMentor(host: SeedHost, drawn: string): string {
  let hash = 0;
  for (const char of drawn) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return host.mentors[hash % host.mentors.length]!;
}

export function hostRows(hosts: readonly SeedHost[], createdAt: Date): Prisma.HostInstitutionCreateManyInput[] {
  return hosts.map((host) => {
    const random = Random.stream(`host:${host.name}:contact`);
    return {
      id: host.id,
      name: host.name,
      province: host.province,
      kind: host.kind,
      specialties: host.specialties,
      mentors: host.mentors,
      contactName: personName(random, 'HAN', random.chance(0.5) ? 'MALE' : 'FEMALE'),
      contactPhone: `${hostPhoneAreaCode(host.name)}-${random.int(5, 8)}${random.digits(7)}`,
      address: null,
      createdAt,
      updatedAt: createdAt,
    };
  });
}

/**
 * Places each host offers in a round: the open round's are drawn (remote hosts 4–9, local ones
 * 8–16, more in all than either mode's 200 trainees); a closed round's are what its trainees
 * used, with a little to spare.
 */
export function hostPlacesRows(round: SeedRound, hosts: readonly SeedHost[], used: ReadonlyMap<string, number> | null): Prisma.HostPlacesCreateManyInput[] {
  return hosts.map((host) => {
    const random = Random.stream(`host-places:${round.year}:${host.name}`);
    const drawn = host.mode === 'REMOTE' ? random.int(4, 9) : random.int(8, 16);
    return {
      id: seedId(`host-places:${round.year}:${host.name}`),
      roundId: round.id,
      hostInstitutionId: host.id,
      mode: host.mode,
      places: used ? (used.get(host.id) ?? 0) + random.int(0, 2) : drawn,
      updatedAt: round.createdAt,
    };
  });
}
