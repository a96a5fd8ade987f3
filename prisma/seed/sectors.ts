// What people in each kind of unit studied, practise and want to learn, with the title
// series of their profession and the host institutions of their field. A hospital's
// applicants are doctors and nurses, an extension centre's are agronomists, and so on.
import type { TitleLevel } from '../src/client.ts';

export type Sector =
  | 'medicine'
  | 'publicHealth'
  | 'agriculture'
  | 'animalHusbandry'
  | 'forestry'
  | 'school'
  | 'university'
  | 'water'
  | 'energy'
  | 'construction'
  | 'it'
  | 'research';

export type TitleSeries = Record<Exclude<TitleLevel, 'NONE'>, string>;

const titleSeries = {
  physician: { JUNIOR: '医师', INTERMEDIATE: '主治医师', SUB_SENIOR: '副主任医师', SENIOR: '主任医师' },
  nurse: { JUNIOR: '护师', INTERMEDIATE: '主管护师', SUB_SENIOR: '副主任护师', SENIOR: '主任护师' },
  pharmacist: { JUNIOR: '药师', INTERMEDIATE: '主管药师', SUB_SENIOR: '副主任药师', SENIOR: '主任药师' },
  technician: { JUNIOR: '技师', INTERMEDIATE: '主管技师', SUB_SENIOR: '副主任技师', SENIOR: '主任技师' },
  agronomist: { JUNIOR: '助理农艺师', INTERMEDIATE: '农艺师', SUB_SENIOR: '高级农艺师', SENIOR: '正高级农艺师' },
  veterinarian: { JUNIOR: '助理兽医师', INTERMEDIATE: '兽医师', SUB_SENIOR: '高级兽医师', SENIOR: '正高级兽医师' },
  husbandry: { JUNIOR: '助理畜牧师', INTERMEDIATE: '畜牧师', SUB_SENIOR: '高级畜牧师', SENIOR: '正高级畜牧师' },
  forester: { JUNIOR: '林业助理工程师', INTERMEDIATE: '林业工程师', SUB_SENIOR: '林业高级工程师', SENIOR: '林业正高级工程师' },
  engineer: { JUNIOR: '助理工程师', INTERMEDIATE: '工程师', SUB_SENIOR: '高级工程师', SENIOR: '正高级工程师' },
  lecturer: { JUNIOR: '助教', INTERMEDIATE: '讲师', SUB_SENIOR: '副教授', SENIOR: '教授' },
  teacher: { JUNIOR: '二级教师', INTERMEDIATE: '一级教师', SUB_SENIOR: '高级教师', SENIOR: '正高级教师' },
  researcher: { JUNIOR: '研究实习员', INTERMEDIATE: '助理研究员', SUB_SENIOR: '副研究员', SENIOR: '研究员' },
} satisfies Record<string, TitleSeries>;

export interface Discipline {
  /** 所学专业 */
  major: string;
  /** 现从事专业 */
  currentSpecialty: string;
  /** 培养专业: what the round's shortage list names. */
  trainingSpecialty: string;
  /** 拟选修专业方向 */
  intended: readonly string[];
  titles: TitleSeries;
  /** Where people of this discipline work in a unit of the sector. */
  departments: readonly string[];
}

export interface SectorProfile {
  disciplines: readonly Discipline[];
  /** 行政职务 some applicants hold. */
  posts: readonly string[];
  remoteHosts: readonly string[];
  localHosts: readonly string[];
  schools: { associate: readonly string[]; bachelor: readonly string[]; graduate: readonly string[] };
  awards: readonly (readonly [name: string, level: string])[];
  publicationTitles: readonly string[];
  journals: readonly string[];
  /** 派出单位培养需求, `{specialty}` standing for the intended specialty. */
  trainingNeeds: readonly string[];
}

const medicalSchools = {
  associate: ['新疆维吾尔医学专科学校', '新疆医科大学厚博学院', '和田地区卫生学校（大专部）', '伊犁职业技术学院'],
  bachelor: ['新疆医科大学', '石河子大学', '喀什大学', '新疆第二医学院', '西安交通大学', '四川大学'],
  graduate: ['新疆医科大学', '石河子大学', '四川大学', '西安交通大学', '首都医科大学', '中南大学'],
};
const agriculturalSchools = {
  associate: ['新疆农业职业技术学院', '昌吉职业技术学院', '阿克苏职业技术学院'],
  bachelor: ['新疆农业大学', '石河子大学', '塔里木大学', '西北农林科技大学', '甘肃农业大学'],
  graduate: ['新疆农业大学', '中国农业大学', '西北农林科技大学', '石河子大学', '南京农业大学'],
};
const teacherSchools = {
  associate: ['和田师范专科学校', '新疆师范高等专科学校', '伊犁职业技术学院', '巴音郭楞职业技术学院'],
  bachelor: ['新疆师范大学', '伊犁师范大学', '喀什大学', '昌吉学院', '新疆大学', '陕西师范大学'],
  graduate: ['新疆师范大学', '新疆大学', '陕西师范大学', '北京师范大学', '华东师范大学'],
};
const engineeringSchools = {
  associate: ['新疆水利水电学校（大专部）', '新疆职业大学', '新疆石河子职业技术学院'],
  bachelor: ['新疆大学', '新疆农业大学', '石河子大学', '新疆工程学院', '河海大学', '中国石油大学（华东）'],
  graduate: ['新疆大学', '河海大学', '西安理工大学', '中国石油大学（北京）', '华北电力大学'],
};
const computingSchools = {
  associate: ['新疆职业大学', '新疆轻工职业技术学院', '乌鲁木齐职业大学'],
  bachelor: ['新疆大学', '新疆师范大学', '新疆财经大学', '石河子大学', '电子科技大学'],
  graduate: ['新疆大学', '电子科技大学', '西安电子科技大学', '北京邮电大学'],
};
const scienceSchools = {
  associate: ['新疆职业大学'],
  bachelor: ['新疆大学', '新疆师范大学', '石河子大学', '兰州大学'],
  graduate: ['新疆大学', '兰州大学', '中国科学院大学', '南京大学'],
};

const medicalAwards = [
  ['自治区卫生健康系统先进个人', '省部级'],
  ['地区“优秀医务工作者”', '地厅级'],
  ['自治区医学科技奖三等奖', '省部级'],
  ['医院年度先进工作者', '单位级'],
  ['县级“民族团结进步模范个人”', '县处级'],
] as const;

export const sectors: Record<Sector, SectorProfile> = {
  medicine: {
    disciplines: [
      { major: '临床医学', currentSpecialty: '内科学', trainingSpecialty: '临床医学', intended: ['心血管内科介入诊疗', '消化内镜诊疗技术', '呼吸与危重症医学'], titles: titleSeries.physician, departments: ['心内科', '消化内科', '呼吸与危重症医学科'] },
      { major: '临床医学', currentSpecialty: '外科学', trainingSpecialty: '临床医学', intended: ['普通外科腹腔镜微创技术', '骨科关节置换', '泌尿外科微创技术'], titles: titleSeries.physician, departments: ['普外科', '骨科', '泌尿外科'] },
      { major: '临床医学', currentSpecialty: '儿科学', trainingSpecialty: '临床医学', intended: ['新生儿重症监护', '儿童呼吸系统疾病诊疗'], titles: titleSeries.physician, departments: ['儿科', '新生儿科'] },
      { major: '临床医学', currentSpecialty: '妇产科学', trainingSpecialty: '临床医学', intended: ['高危妊娠管理', '妇科腔镜技术'], titles: titleSeries.physician, departments: ['妇产科'] },
      { major: '护理学', currentSpecialty: '临床护理', trainingSpecialty: '护理学', intended: ['重症监护护理', '手术室护理管理', '老年专科护理'], titles: titleSeries.nurse, departments: ['护理部', '重症医学科', '手术室', '急诊科'] },
      { major: '医学影像学', currentSpecialty: '医学影像诊断', trainingSpecialty: '医学影像学', intended: ['CT与磁共振影像诊断', '超声诊断与介入超声'], titles: titleSeries.physician, departments: ['医学影像科', '超声科'] },
      { major: '药学', currentSpecialty: '临床药学', trainingSpecialty: '药学', intended: ['临床药学与合理用药', '医院药事管理'], titles: titleSeries.pharmacist, departments: ['药剂科'] },
      { major: '麻醉学', currentSpecialty: '临床麻醉', trainingSpecialty: '临床医学', intended: ['临床麻醉与疼痛治疗'], titles: titleSeries.physician, departments: ['麻醉科'] },
    ],
    posts: ['科室副主任', '科室主任', '护士长', '医务科副科长'],
    remoteHosts: [
      '北京协和医院', '四川大学华西医院', '上海交通大学医学院附属瑞金医院', '复旦大学附属中山医院',
      '浙江大学医学院附属第一医院', '中山大学附属第一医院', '华中科技大学同济医学院附属同济医院', '首都医科大学附属北京天坛医院',
    ],
    localHosts: ['新疆医科大学第一附属医院', '新疆医科大学第二附属医院', '新疆医科大学附属肿瘤医院', '新疆维吾尔自治区人民医院', '石河子大学医学院第一附属医院'],
    schools: medicalSchools,
    awards: medicalAwards,
    publicationTitles: [
      '南疆地区2型糖尿病患者社区综合干预效果观察',
      '腹腔镜胆囊切除术在基层医院的临床应用体会',
      '优质护理在维吾尔族高血压患者中的应用效果',
      '基层医院急性心肌梗死溶栓治疗的临床分析',
      '新生儿窒息复苏规范化培训效果评价',
      '多层螺旋CT在肺结节诊断中的应用价值',
    ],
    journals: ['新疆医学', '新疆医科大学学报', '中国全科医学', '中国乡村医药', '护理研究', '临床医药文献电子杂志'],
    trainingNeeds: [
      '本院{specialty}方面技术力量薄弱，希望通过一年培养，使其系统掌握{specialty}的规范诊疗技术，返岗后能独立开展相关诊疗项目，并带教科室年轻医务人员。',
      '结合医院学科建设规划，需培养{specialty}方向的业务骨干，返岗后牵头开展新技术、新项目，提升基层群众就医获得感。',
    ],
  },
  publicHealth: {
    disciplines: [
      { major: '预防医学', currentSpecialty: '疾病预防控制', trainingSpecialty: '公共卫生与预防医学', intended: ['传染病监测预警', '突发公共卫生事件应急处置', '慢性病综合防控'], titles: titleSeries.physician, departments: ['传染病防制科', '慢性病防制科', '免疫规划科', '卫生应急办公室'] },
      { major: '医学检验技术', currentSpecialty: '卫生检验', trainingSpecialty: '医学技术', intended: ['病原微生物分子检测', '食品安全风险监测检验'], titles: titleSeries.technician, departments: ['检验科', '微生物检验室'] },
      { major: '临床医学', currentSpecialty: '妇幼保健', trainingSpecialty: '临床医学', intended: ['儿童保健与生长发育评估', '孕产妇系统保健管理'], titles: titleSeries.physician, departments: ['妇女保健部', '儿童保健部'] },
    ],
    posts: ['科长', '副科长', '实验室负责人'],
    remoteHosts: ['中国疾病预防控制中心', '北京大学公共卫生学院', '复旦大学公共卫生学院', '四川大学华西公共卫生学院'],
    localHosts: ['新疆医科大学公共卫生学院', '新疆维吾尔自治区疾病预防控制中心', '新疆医科大学第一附属医院'],
    schools: medicalSchools,
    awards: medicalAwards,
    publicationTitles: [
      '喀什地区2019—2023年肺结核流行特征分析',
      '基层免疫规划工作质量评价及对策',
      '新疆农村地区儿童营养状况调查',
      '实时荧光PCR在诺如病毒暴发疫情检测中的应用',
    ],
    journals: ['疾病预防控制通报', '新疆医学', '中国预防医学杂志', '中国公共卫生'],
    trainingNeeds: ['疾控体系建设急需{specialty}方面的专业人才，希望其通过培养掌握先进的监测与检测技术，返岗后提升本单位应急处置能力。'],
  },
  agriculture: {
    disciplines: [
      { major: '农学', currentSpecialty: '作物栽培', trainingSpecialty: '农学', intended: ['棉花高产高效栽培技术', '小麦节水栽培', '作物遗传育种'], titles: titleSeries.agronomist, departments: ['农业技术推广站', '经济作物站', '种子管理站'] },
      { major: '植物保护', currentSpecialty: '植物保护', trainingSpecialty: '植物保护', intended: ['农作物病虫害绿色防控', '林果有害生物监测'], titles: titleSeries.agronomist, departments: ['植保植检站'] },
      { major: '园艺', currentSpecialty: '林果园艺', trainingSpecialty: '园艺学', intended: ['设施农业栽培技术', '特色林果提质增效', '葡萄栽培与加工'], titles: titleSeries.agronomist, departments: ['园艺特产站', '林果技术推广站'] },
      { major: '农业资源与环境', currentSpecialty: '土壤肥料', trainingSpecialty: '农业资源与环境', intended: ['盐碱地改良利用', '测土配方施肥'], titles: titleSeries.agronomist, departments: ['土壤肥料工作站'] },
    ],
    posts: ['站长', '副站长', '技术负责人'],
    remoteHosts: ['中国农业大学', '西北农林科技大学', '南京农业大学', '华中农业大学', '中国农业科学院棉花研究所', '浙江大学'],
    localHosts: ['新疆农业大学', '新疆农业科学院', '石河子大学', '塔里木大学'],
    schools: agriculturalSchools,
    awards: [
      ['全国农牧渔业丰收奖三等奖', '国家级'],
      ['自治区农牧业丰收奖二等奖', '省部级'],
      ['地区优秀农业科技工作者', '地厅级'],
      ['县级“科技特派员”先进个人', '县处级'],
    ],
    publicationTitles: [
      '南疆棉花膜下滴灌水肥一体化技术试验研究',
      '核桃主要病虫害绿色防控技术集成与示范',
      '盐碱地春小麦品种比较试验',
      '设施大棚番茄高效栽培技术',
      '红枣提质增效关键技术推广实践',
    ],
    journals: ['新疆农业科学', '中国棉花', '新疆农垦科技', '中国农学通报', '农村科技'],
    trainingNeeds: ['本地农业生产急需{specialty}方面的技术骨干，希望通过培养使其掌握先进适用技术，返岗后开展示范推广，带动农民增收。'],
  },
  animalHusbandry: {
    disciplines: [
      { major: '动物医学', currentSpecialty: '兽医临床与防疫', trainingSpecialty: '兽医学', intended: ['重大动物疫病防控', '兽医临床诊疗'], titles: titleSeries.veterinarian, departments: ['动物疫病防控科', '兽医实验室'] },
      { major: '动物科学', currentSpecialty: '畜牧养殖', trainingSpecialty: '畜牧学', intended: ['牛羊良种繁育技术', '草食家畜标准化养殖'], titles: titleSeries.husbandry, departments: ['畜牧技术推广科', '良种繁育中心'] },
      { major: '草业科学', currentSpecialty: '草原保护', trainingSpecialty: '草学', intended: ['人工草地建植与管理', '草原生态监测'], titles: titleSeries.husbandry, departments: ['草原工作站'] },
    ],
    posts: ['科长', '副站长', '实验室主任'],
    remoteHosts: ['中国农业大学', '西北农林科技大学', '中国农业科学院兰州兽医研究所', '内蒙古农业大学', '甘肃农业大学'],
    localHosts: ['新疆农业大学', '新疆维吾尔自治区畜牧科学院', '石河子大学'],
    schools: agriculturalSchools,
    awards: [
      ['自治区农牧业丰收奖三等奖', '省部级'],
      ['地区动物防疫工作先进个人', '地厅级'],
      ['单位年度优秀共产党员', '单位级'],
    ],
    publicationTitles: [
      '北疆牧区羊布鲁氏菌病血清学调查',
      '褐牛冻精人工授精技术推广效果分析',
      '苜蓿人工草地高产栽培技术',
      '规模化牛场犊牛腹泻综合防控措施',
    ],
    journals: ['草食家畜', '新疆畜牧业', '中国畜牧兽医', '草业科学'],
    trainingNeeds: ['畜牧业是本地支柱产业，需要培养{specialty}方向的技术骨干，返岗后服务养殖户，提升防疫和良种化水平。'],
  },
  forestry: {
    disciplines: [
      { major: '林学', currentSpecialty: '林业技术推广', trainingSpecialty: '林学', intended: ['特色林果丰产栽培', '防沙治沙造林技术'], titles: titleSeries.forester, departments: ['林果技术推广科', '造林绿化科'] },
      { major: '森林保护', currentSpecialty: '林业有害生物防治', trainingSpecialty: '林学', intended: ['林业有害生物监测预警'], titles: titleSeries.forester, departments: ['森林病虫害防治检疫站'] },
    ],
    posts: ['科长', '站长', '课题组长'],
    remoteHosts: ['北京林业大学', '西北农林科技大学', '南京林业大学', '中国林业科学研究院'],
    localHosts: ['新疆农业大学', '新疆林业科学院', '中国科学院新疆生态与地理研究所'],
    schools: agriculturalSchools,
    awards: [
      ['自治区林业和草原科技进步奖三等奖', '省部级'],
      ['地区“三北”防护林建设先进个人', '地厅级'],
      ['单位年度先进工作者', '单位级'],
    ],
    publicationTitles: ['梭梭人工林防风固沙效益评价', '阿勒泰地区落叶松人工林生长调查', '杏树花期霜冻防御技术'],
    journals: ['新疆林业', '防护林科技', '干旱区研究'],
    trainingNeeds: ['生态建设任务繁重，需培养{specialty}方面的技术骨干，返岗后承担重点生态工程技术指导。'],
  },
  school: {
    disciplines: [
      { major: '学前教育', currentSpecialty: '学前教育', trainingSpecialty: '学前教育', intended: ['幼儿园游戏化课程设计', '学前儿童语言教育'], titles: titleSeries.teacher, departments: ['学前部', '幼儿园'] },
      { major: '汉语言文学', currentSpecialty: '语文教学', trainingSpecialty: '汉语言文学', intended: ['国家通用语言文字教学', '中学语文阅读教学'], titles: titleSeries.teacher, departments: ['语文教研组'] },
      { major: '数学与应用数学', currentSpecialty: '数学教学', trainingSpecialty: '数学', intended: ['中学数学核心素养教学', '数学课堂信息化教学'], titles: titleSeries.teacher, departments: ['数学教研组'] },
      { major: '物理学', currentSpecialty: '物理教学', trainingSpecialty: '物理学', intended: ['物理实验教学创新'], titles: titleSeries.teacher, departments: ['理科教研组'] },
      { major: '英语', currentSpecialty: '英语教学', trainingSpecialty: '外国语言文学', intended: ['中学英语听说教学'], titles: titleSeries.teacher, departments: ['外语教研组'] },
    ],
    posts: ['教研组长', '年级组长', '教务处副主任'],
    remoteHosts: ['北京师范大学', '华东师范大学', '东北师范大学', '陕西师范大学', '华中师范大学'],
    localHosts: ['新疆师范大学', '伊犁师范大学', '喀什大学'],
    schools: teacherSchools,
    awards: [
      ['自治区教学成果奖二等奖', '省部级'],
      ['地区优秀教师', '地厅级'],
      ['县级优质课竞赛一等奖', '县处级'],
      ['学校年度优秀班主任', '单位级'],
    ],
    publicationTitles: [
      '少数民族地区幼儿园游戏化教学实践研究',
      '初中数学分层作业设计的实践与思考',
      '国家通用语言文字教学中阅读能力培养策略',
      '高中物理探究式实验教学案例分析',
    ],
    journals: ['新疆教育', '新疆教育学院学报', '教育教学论坛', '中小学教学研究'],
    trainingNeeds: ['学校{specialty}方向师资力量不足，希望其通过培养更新教育理念、提升教学与教研能力，返岗后发挥示范引领作用。'],
  },
  university: {
    disciplines: [
      { major: '计算机科学与技术', currentSpecialty: '计算机教学与科研', trainingSpecialty: '计算机科学与技术', intended: ['人工智能与机器学习', '数据挖掘与知识工程'], titles: titleSeries.lecturer, departments: ['信息工程学院', '计算机科学系'] },
      { major: '化学', currentSpecialty: '化学教学与科研', trainingSpecialty: '化学', intended: ['天然产物化学', '分析化学前沿方法'], titles: titleSeries.lecturer, departments: ['化学与化工学院'] },
      { major: '生物科学', currentSpecialty: '生物学教学与科研', trainingSpecialty: '生物学', intended: ['植物分子生物学', '微生物资源开发'], titles: titleSeries.lecturer, departments: ['生命科学学院'] },
      { major: '汉语言文学', currentSpecialty: '中国语言文学教学', trainingSpecialty: '中国语言文学', intended: ['语言学及应用语言学'], titles: titleSeries.lecturer, departments: ['人文学院'] },
      { major: '机械设计制造及其自动化', currentSpecialty: '机械工程教学', trainingSpecialty: '机械工程', intended: ['智能制造技术', '数控加工技术'], titles: titleSeries.lecturer, departments: ['机电工程学院'] },
    ],
    posts: ['教研室主任', '系副主任', '实验中心主任'],
    remoteHosts: ['浙江大学', '南京大学', '武汉大学', '北京师范大学', '西安交通大学', '中山大学'],
    localHosts: ['新疆大学', '新疆师范大学', '石河子大学'],
    schools: scienceSchools,
    awards: [
      ['自治区高等教育教学成果奖二等奖', '省部级'],
      ['自治区高校青年教师教学竞赛三等奖', '省部级'],
      ['学校“优秀教师”', '单位级'],
    ],
    publicationTitles: [
      '基于深度学习的维吾尔文文本分类方法研究',
      '新疆特色植物黄酮类成分提取工艺优化',
      '高职院校课程思政建设路径探析',
      '干旱区耐盐微生物的筛选与鉴定',
    ],
    journals: ['新疆大学学报（自然科学版）', '新疆师范大学学报', '计算机工程与应用', '化学研究与应用'],
    trainingNeeds: ['学院{specialty}学科建设需要学术骨干，希望其通过培养提升科研能力与教学水平，返岗后参与重点学科和专业建设。'],
  },
  water: {
    disciplines: [
      { major: '水利水电工程', currentSpecialty: '水利工程管理', trainingSpecialty: '水利工程', intended: ['灌区信息化管理', '水资源优化配置', '大坝安全监测'], titles: titleSeries.engineer, departments: ['工程建设管理科', '水利工程管理站'] },
      { major: '水文与水资源工程', currentSpecialty: '水文水资源', trainingSpecialty: '水利工程', intended: ['水文预报与防汛调度', '地下水资源评价'], titles: titleSeries.engineer, departments: ['水资源管理科', '水文站', '防汛抗旱办公室'] },
      { major: '农业水利工程', currentSpecialty: '节水灌溉', trainingSpecialty: '水利工程', intended: ['高效节水灌溉技术'], titles: titleSeries.engineer, departments: ['灌溉管理站'] },
    ],
    posts: ['副科长', '站长', '项目技术负责人'],
    remoteHosts: ['河海大学', '武汉大学', '清华大学', '中国水利水电科学研究院', '西北农林科技大学'],
    localHosts: ['新疆农业大学', '新疆水利水电科学研究院', '新疆大学'],
    schools: engineeringSchools,
    awards: [
      ['自治区水利科技进步奖三等奖', '省部级'],
      ['地区防汛抗旱先进个人', '地厅级'],
      ['单位年度先进工作者', '单位级'],
    ],
    publicationTitles: ['塔里木河流域灌区渠道防渗技术应用分析', '南疆高效节水灌溉工程运行管理探讨', '山区水库大坝安全监测系统设计'],
    journals: ['水利水电技术', '新疆水利', '中国农村水利水电', '水利规划与设计'],
    trainingNeeds: ['本地水利工程建设与管理任务重，需培养{specialty}方向的技术骨干，返岗后承担重点水利工程技术管理工作。'],
  },
  energy: {
    disciplines: [
      { major: '电气工程及其自动化', currentSpecialty: '电力系统运行', trainingSpecialty: '电气工程', intended: ['新能源并网技术', '智能电网运行维护'], titles: titleSeries.engineer, departments: ['调度中心', '生产技术部'] },
      { major: '石油工程', currentSpecialty: '油气田开发', trainingSpecialty: '石油与天然气工程', intended: ['提高采收率技术', '稠油开采工艺'], titles: titleSeries.engineer, departments: ['开发研究所', '采油工艺研究所'] },
      { major: '化学工程与工艺', currentSpecialty: '化工工艺', trainingSpecialty: '化学工程与技术', intended: ['煤化工工艺优化', '油气储运安全'], titles: titleSeries.engineer, departments: ['工艺技术部', '安全环保部'] },
    ],
    posts: ['部门副经理', '技术主管', '班组长'],
    remoteHosts: ['中国石油大学（北京）', '华北电力大学', '西南石油大学', '西安交通大学', '清华大学'],
    localHosts: ['新疆大学', '新疆工程学院', '中国科学院新疆理化技术研究所'],
    schools: engineeringSchools,
    awards: [
      ['自治区职工技术创新成果奖二等奖', '省部级'],
      ['公司科技进步奖一等奖', '单位级'],
      ['地区“技术能手”', '地厅级'],
    ],
    publicationTitles: ['风光储一体化电站并网运行特性分析', '稠油油藏蒸汽吞吐后期提高采收率研究', '煤制烯烃装置能耗优化'],
    journals: ['电力系统保护与控制', '新疆石油地质', '石油化工', '电气技术'],
    trainingNeeds: ['公司能源项目发展需要{specialty}方面的技术骨干，返岗后解决生产中的关键技术问题。'],
  },
  construction: {
    disciplines: [
      { major: '土木工程', currentSpecialty: '建筑工程', trainingSpecialty: '土木工程', intended: ['装配式建筑技术', '桥梁检测与加固'], titles: titleSeries.engineer, departments: ['设计所', '工程技术部'] },
      { major: '给排水科学与工程', currentSpecialty: '市政给排水', trainingSpecialty: '土木工程', intended: ['城镇污水处理工艺'], titles: titleSeries.engineer, departments: ['给排水设计室', '质量安全部'] },
    ],
    posts: ['设计所副所长', '项目负责人'],
    remoteHosts: ['同济大学', '东南大学', '清华大学', '长安大学'],
    localHosts: ['新疆大学', '新疆农业大学', '新疆建筑科学研究院'],
    schools: engineeringSchools,
    awards: [
      ['自治区优秀工程勘察设计奖三等奖', '省部级'],
      ['市级优秀设计奖', '地厅级'],
    ],
    publicationTitles: ['寒旱区装配式建筑节点抗震性能研究', '乌鲁木齐市老旧管网改造技术方案'],
    journals: ['建筑结构', '新疆建筑科技', '给水排水'],
    trainingNeeds: ['城市建设需要{specialty}方面的专业人才，希望通过培养提高设计与施工管理水平。'],
  },
  it: {
    disciplines: [
      { major: '计算机科学与技术', currentSpecialty: '软件开发', trainingSpecialty: '计算机科学与技术', intended: ['人工智能应用开发', '大数据分析与应用', '网络安全技术'], titles: titleSeries.engineer, departments: ['研发中心', '数据中心'] },
      { major: '软件工程', currentSpecialty: '软件工程', trainingSpecialty: '软件工程', intended: ['云原生应用架构', '软件测试与质量保障'], titles: titleSeries.engineer, departments: ['研发中心', '测试部'] },
      { major: '通信工程', currentSpecialty: '通信网络', trainingSpecialty: '信息与通信工程', intended: ['5G网络规划与优化', '物联网技术应用'], titles: titleSeries.engineer, departments: ['网络运维部', '技术部'] },
    ],
    posts: ['研发部经理', '技术总监', '项目经理'],
    remoteHosts: ['浙江大学', '北京航空航天大学', '电子科技大学', '上海交通大学', '南京大学'],
    localHosts: ['新疆大学', '中国科学院新疆理化技术研究所', '新疆师范大学'],
    schools: computingSchools,
    awards: [
      ['自治区科学技术进步奖三等奖', '省部级'],
      ['市级青年科技奖', '地厅级'],
      ['公司年度优秀员工', '单位级'],
    ],
    publicationTitles: [
      '基于深度学习的维吾尔文OCR识别方法研究',
      '面向政务服务的数据共享平台设计与实现',
      '多语种语音识别在基层服务中的应用',
    ],
    journals: ['计算机工程与应用', '新疆大学学报（自然科学版）', '电脑知识与技术', '软件导刊'],
    trainingNeeds: ['公司数字化业务发展急需{specialty}方面的技术骨干，希望其学成后带领团队攻关核心产品。'],
  },
  research: {
    disciplines: [
      { major: '环境科学', currentSpecialty: '环境监测', trainingSpecialty: '环境科学与工程', intended: ['大气污染物源解析', '土壤重金属污染修复'], titles: titleSeries.researcher, departments: ['环境监测室', '分析测试中心'] },
      { major: '生态学', currentSpecialty: '荒漠生态', trainingSpecialty: '生态学', intended: ['干旱区生态系统评估', '荒漠植被恢复'], titles: titleSeries.researcher, departments: ['生态研究室'] },
      { major: '分析化学', currentSpecialty: '理化分析测试', trainingSpecialty: '化学', intended: ['质谱分析技术', '检验检测质量控制'], titles: titleSeries.researcher, departments: ['分析测试中心', '质量控制室'] },
      { major: '地理信息科学', currentSpecialty: '国土资源调查', trainingSpecialty: '测绘科学与技术', intended: ['遥感与地理信息系统应用', '国土空间规划'], titles: titleSeries.engineer, departments: ['国土调查科', '测绘地理信息室'] },
    ],
    posts: ['课题组长', '研究室副主任'],
    remoteHosts: ['中国科学院地理科学与资源研究所', '兰州大学', '中国地质大学（北京）', '南京大学', '中国科学院生态环境研究中心'],
    localHosts: ['中国科学院新疆生态与地理研究所', '新疆大学', '中国科学院新疆理化技术研究所'],
    schools: scienceSchools,
    awards: [
      ['自治区科学技术进步奖二等奖', '省部级'],
      ['自治区青年科技创新人才', '省部级'],
      ['单位年度优秀科技工作者', '单位级'],
    ],
    publicationTitles: ['塔克拉玛干沙漠南缘绿洲生态系统服务价值变化', '新疆典型工业园区土壤重金属风险评价', '基于高分遥感的耕地变化监测'],
    journals: ['干旱区研究', '干旱区地理', '生态学报', '分析测试学报'],
    trainingNeeds: ['单位科研任务需要{specialty}方面的骨干，希望通过培养掌握前沿方法，返岗后牵头承担科研课题。'],
  },
};

/** Area codes of hosts' telephones, for the contact person of a host that already agreed. */
export const hostPhoneAreaCodes: Record<string, string> = {
  北京协和医院: '010', 四川大学华西医院: '028', 上海交通大学医学院附属瑞金医院: '021', 复旦大学附属中山医院: '021',
  浙江大学医学院附属第一医院: '0571', 中山大学附属第一医院: '020', 华中科技大学同济医学院附属同济医院: '027',
  首都医科大学附属北京天坛医院: '010', 中国疾病预防控制中心: '010', 北京大学公共卫生学院: '010',
  复旦大学公共卫生学院: '021', 四川大学华西公共卫生学院: '028', 中国农业大学: '010', 西北农林科技大学: '029',
  南京农业大学: '025', 华中农业大学: '027', 中国农业科学院棉花研究所: '0372', 浙江大学: '0571',
  中国农业科学院兰州兽医研究所: '0931', 内蒙古农业大学: '0471', 甘肃农业大学: '0931', 北京林业大学: '010',
  南京林业大学: '025', 中国林业科学研究院: '010', 北京师范大学: '010', 华东师范大学: '021', 东北师范大学: '0431',
  陕西师范大学: '029', 华中师范大学: '027', 南京大学: '025', 武汉大学: '027', 西安交通大学: '029', 中山大学: '020',
  河海大学: '025', 清华大学: '010', 中国水利水电科学研究院: '010', '中国石油大学（北京）': '010', 华北电力大学: '010',
  西南石油大学: '028', 同济大学: '021', 东南大学: '025', 长安大学: '029', 北京航空航天大学: '010',
  电子科技大学: '028', 上海交通大学: '021', 中国科学院地理科学与资源研究所: '010', 兰州大学: '0931',
  '中国地质大学（北京）': '010', 中国科学院生态环境研究中心: '010', 石河子大学医学院第一附属医院: '0993',
  石河子大学: '0993', 塔里木大学: '0997', 伊犁师范大学: '0999', 喀什大学: '0998',
};

/** Hosts not listed above are in Ürümqi. */
export function hostPhoneAreaCode(institution: string): string {
  return hostPhoneAreaCodes[institution] ?? '0991';
}
