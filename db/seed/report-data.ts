/**
 * The first data set: every figure of 长治市's government work report (review part,
 * `docs/report/changzhi-report-review.md`, a copy of the published report), as typed seed data.
 *
 * - The five-year (十四五, 2021–2025) review: section 'review', area null, a review group, value year 2025,
 *   with the 2020 baseline where the report gives one (or where it follows unambiguously: marked derived).
 * - The 2025 "一年亮点回眸": the lead paragraph (section 'highlights') and the seven 主抓手 sections.
 *   The headline boxes repeat figures of the sections: they are not separate indicators, the section's
 *   indicator carries `headline` instead.
 *
 * Every `source` is the report's bullet (without the leading ◆) or sentence, verbatim; every value is the
 * number as printed. `report-data.test.ts` proves both against the report file.
 */
import type { AreaSlug, Qualifier, ReviewGroup } from '@/lib/domain/types';
import type { SeedDepartment, SeedIndicator, SeedValue } from './types';

/** The year of the report's figures (the end year of the 十四五 review). */
export const REPORT_YEAR = 2025;

// ---------------------------------------------------------------------------------------------
// Departments (责任单位): only those that own at least one indicator.
// ---------------------------------------------------------------------------------------------

export const SEED_DEPARTMENTS: SeedDepartment[] = [
  { code: 'fgw', name: '市发展和改革委员会', shortName: '发改委' },
  { code: 'tjj', name: '市统计局', shortName: '统计局' },
  { code: 'gxj', name: '市工业和信息化局', shortName: '工信局' },
  { code: 'nyj', name: '市能源局', shortName: '能源局' },
  { code: 'kjj', name: '市科学技术局', shortName: '科技局' },
  { code: 'czj', name: '市财政局', shortName: '财政局' },
  { code: 'jrb', name: '市地方金融管理局', shortName: '金融局' },
  { code: 'tax', name: '国家税务总局长治市税务局', shortName: '税务局' },
  { code: 'scjgj', name: '市市场监督管理局', shortName: '市场监管局' },
  { code: 'spj', name: '市行政审批服务管理局', shortName: '审批局' },
  { code: 'swj', name: '市商务局', shortName: '商务局' },
  { code: 'gzw', name: '市人民政府国有资产监督管理委员会', shortName: '国资委' },
  { code: 'zjj', name: '市住房和城乡建设局', shortName: '住建局' },
  { code: 'zrzyj', name: '市规划和自然资源局', shortName: '规自局' },
  { code: 'jtj', name: '市交通运输局', shortName: '交通局' },
  { code: 'nyncj', name: '市农业农村局', shortName: '农业农村局' },
  { code: 'lyj', name: '市林业局', shortName: '林业局' },
  { code: 'sthjj', name: '市生态环境局', shortName: '生态环境局' },
  { code: 'swuj', name: '市水务局', shortName: '水务局' },
  { code: 'wlj', name: '市文化和旅游局', shortName: '文旅局' },
  { code: 'jyj', name: '市教育局', shortName: '教育局' },
  { code: 'wjw', name: '市卫生健康委员会', shortName: '卫健委' },
  { code: 'ybj', name: '市医疗保障局', shortName: '医保局' },
  { code: 'rsj', name: '市人力资源和社会保障局', shortName: '人社局' },
  { code: 'mzj', name: '市民政局', shortName: '民政局' },
  { code: 'gaj', name: '市公安局', shortName: '公安局' },
  { code: 'yjj', name: '市应急管理局', shortName: '应急局' },
];

// ---------------------------------------------------------------------------------------------
// Source sentences, verbatim from the report (bullets without the leading ◆).
// ---------------------------------------------------------------------------------------------

const SRC = {
  // 十四五 review — 综合实力稳步提升
  gdpIncrement: '全市地区生产总值五年增量超900亿元。',
  industryRank: '工业增加值总量跃居全省第一。',
  faiTotal: '固定资产投资累计完成4850亿元以上,总量全省第二。',
  // 转型发展态势强劲
  coal: '煤炭新增产能1110万吨,先进产能占比达到95%以上。',
  coke: '全部关停4.3米焦炉,单位GDP能耗较“十三五”末下降15.5%以上。',
  newEnergy:
    '新能源装机达到673.5万千瓦,占比从24.2%提高至41%,绿电发电量达到71.5亿千瓦时,高新区入选全省首批绿电产业试点园区。',
  manufacturing: '制造业、战略性新兴产业增加值年均增速分别达到10%以上、20%以上,数字经济核心产业营收突破160亿元。',
  // 改革开放持续深化
  soeReform: '国企改革深化提升行动圆满收官,财税金融体制改革不断深化,完成政府性融资担保机构市县一体化运营改革。',
  approvals: '审批事项、环节、时限分别减少31%、精简58%、压缩82%。',
  trade: '新增进出口实绩企业78家,进出口总额较“十三五”增长八成以上。',
  // 城乡发展加力提速
  urbanization: '“一城四区”一体化进程加快,全市常住人口城镇化率达到60.65%。',
  roads:
    '1374公里太行一号旅游公路全线贯通,260公里环浊漳河旅游公路建成通车,新改建“四好农村路”3383公里,实现县县通高速、乡镇通公路、村村通水泥(油)路。',
  // 生态环境明显改善
  heating: '完成农村清洁取暖改造76.3万户,散乱污企业实现动态清零。',
  air: 'PM2.5浓度降至30微克/立方米,五年累计下降41.2%,优良天数达到312天。',
  forest: '森林覆盖率达到27.97%,较“十三五”末提高1.15个百分点。',
  water: '入选国家第二批市级水网先导区、国家再生水利用重点城市,万元GDP用水量较“十三五”末下降10%以上。',
  // 社会事业全面进步
  livelihoodSpending: '民生支出始终占到财政总支出的八成左右。',
  skilledWorkers: '技能人才占就业人员比例达到35.2%。',
  childcare: '公办托育机构实现县县全覆盖,每千人口托位数达4.8个,机构养老床位达1.48万张,完成家庭适老化改造1.12万户。',
  safeCity: '连续五年获评全省平安建设先进单位。',

  // 一年亮点回眸 — the lead paragraph (one sentence)
  lead: '过去一年,我们坚持以习近平新时代中国特色社会主义思想为指导,全面贯彻落实党的二十大和二十届历次全会精神,深入学习贯彻习近平总书记对山西工作的重要讲话重要指示精神,在市委坚强领导下,牢固树立“求其上”理念和“跳起来摘桃子”精神,紧紧围绕经济工作七个主抓手,攻坚克难、真抓实干,经济运行保持稳中有进,预计全市地区生产总值增长4.5%左右,较好完成高质量绩效考核指标任务,各项工作都取得新进展、新成效。',

  // 抓招商、上项目
  projects: '全年实施项目3051个,其中新开工1877个,累计完成投资1027亿元。',
  mfgProjects: '实施总投资725亿元的253个重点制造业项目,176个转型项目竣工投产。',
  signing: '举办京津冀产业招商推介会、潞商大会、LED产业大会,共签约项目1012个、金额2207亿元,签约项目开工率达到80.5%。',

  // 抓创新、育主体
  rd: '市财政科技创新经费投入增长20%,带动全社会研发投入达到35.5亿元。',
  firms:
    '新培育创新型中小企业64户、省级专精特新企业28户,高新技术企业达到334家,省级以上创新平台达到104家,获得省科学技术奖10项。',
  loans: '金融服务高质量发展“早春行”活动带动全年新增贷款325亿元、同比多增82亿元。',
  egov: '“高效办成一件事”拓展至50项,116个事项实现“跨省通办”,行政审批事项综合网办率达到91%。',
  taxRelief: '落实减税降费及退税25.3亿元,清欠民营企业账款11.6亿元。',
  entities: '全市企业数量净增2771户,涉税经营主体净增1.94万户。',

  // 抓规划、强建设
  cityProjects: '开工建设36个城建重点工程,市博物馆、图书馆、档案馆新馆正式投运,成为城市文化新地标。',
  traffic: '新建22处交通生态渠化岛,开展文明交通专项行动,新增停车位5561个。',
  renewal: '改造7个城中村、127个老旧小区,高标准建设26座城市驿站,八一广场提质改造广受群众点赞。',
  villages: '改造农村危房340户,绿化村庄167个,实施535个农村生活污水治理,打造50个精品示范村、388个提档升级村。',

  // 抓载体、延链条 (the PDF layout placed these four bullets before the heading)
  carriers: '新建标准厂房116万平方米,出让“标准地”31宗1663.5亩,工业类开发区规上工业增加值增长10.6%。',
  chains:
    '碳基新材料、高端装备制造2条省级重点产业链营收分别增长97.8%、13%,平顺中药材、长治经开区光电装备2个省级专业镇营收增长12.3%,带动全市高技术制造业增长10.9%。',
  grain: '建成15万亩“吨粮田”示范基地,全市粮食产量达到25.3亿斤。',
  brands:
    '着力打造沁州黄小米、潞党参两大“王炸”产业,沁州黄小米入选全国名特优新农产品名录,潞党参口服液进入国家医保目录。',

  // 抓文旅、扩消费
  tourism: '开展太行山旅游季等系列活动,发布20条全域旅游精品路线,15家重点景区接待游客、综合收入分别增长24.3%、30.3%。',
  commerce: '实施吾悦广场、铜锣湾文旅综合体等重点项目,打造15个特色商圈街区,市级首店突破100家。',
  tradeIn: '抢抓“两新”政策机遇,兑付各类补贴8.54亿元,带动消费62.7亿元。',
  eTowns: '培育11个乡村e镇。',

  // 抓改革、促开放
  soe: '推动国运公司、太行文旅、太行建投、太行农林、长治水投等重点国有企业规范运营,国资国企实现系统性重塑。',
  cooperation: '实施京长对口合作项目37个,教育对口合作经验全国推广。',
  opening: '上海临港新片区综合服务平台落户高新区,潞铁物流园区实现铁海联运,全市出口完成12.6亿元、增长17.7%。',

  // 抓民生、办实事
  practical: '省政府部署的15件民生实事全部完成。',
  jobs: '职业技能培训2.8万人,城镇新增就业4.8万人。',
  schools: '建设6所普惠性幼儿园、8所乡镇寄宿制学校、8所县域标准化普通高中。',
  hospital: '获批国家公立医院改革与高质量发展示范项目,争取中央资金5亿元。',
  infants: '为0至3周岁婴幼儿免费缴纳医保,减免孕妇产检挂号费。',
  culture: '建成7个新型公共文化空间,免费送戏下乡2575场。',
  housing: '开工还迁安置房3677套,全面完成2万套保交房任务。',
  safety: '生产安全事故起数、死亡人数保持“双下降”。',
} as const;

// ---------------------------------------------------------------------------------------------
// Builders. Defaults: direction 'up', frequency 'annual', planType 'expected', qualifier 'exact'.
// ---------------------------------------------------------------------------------------------

/** An indicator as written below: SeedIndicator's own fields, with defaults for the optional ones. */
type Spec = Pick<SeedIndicator, 'code' | 'name' | 'unit' | 'kind' | 'department' | 'definition' | 'source'> &
  Partial<Pick<SeedIndicator, 'direction' | 'frequency' | 'planType' | 'headline' | 'milestoneTotal'>> & {
    /** The 2025 figure exactly as printed. */
    value: string | null;
    qualifier?: Qualifier;
    valueText?: string;
    /** Values of earlier years: the 2020 baseline of the review, or a derived prior year. */
    earlier?: SeedValue[];
    /** The change the report states for the 2025 figure ("增长17.7%"), words verbatim from the source. */
    statedChange?: SeedValue['statedChange'];
    /** The 2025 number was converted from the report's words ("八成以上" → 80): how, shown as 推算. */
    convertedNote?: string;
  };

/** A qualitative result reported in words: done = 1 of 1, the words kept verbatim. */
type AchievedSpec = Omit<Spec, 'kind' | 'unit' | 'value' | 'milestoneTotal' | 'valueText' | 'earlier'> & {
  valueText: string;
};

function achieved(s: AchievedSpec): Spec {
  return { ...s, kind: 'milestone', unit: '项', value: '1', milestoneTotal: '1', qualifier: s.qualifier ?? 'all_done' };
}

/**
 * A statement in the report's words that claims no figure and no completion ("广受群众点赞", "较好完成…"):
 * kind qualitative — shown as its words, with no status, outside every count.
 */
function statement(s: AchievedSpec): Spec {
  return { ...s, kind: 'qualitative', unit: '', value: null, qualifier: 'exact' };
}

/** A value reported for an earlier year (e.g. the 2020 baseline of the review), as printed. */
function reported(year: number, value: string, qualifier: Qualifier = 'exact'): SeedValue {
  return { year, value, qualifier };
}

/** A value computed from reported figures; `derivedNote` says how. */
function derived(year: number, value: string, derivedNote: string, qualifier: Qualifier = 'exact'): SeedValue {
  return { year, value, qualifier, derived: true, derivedNote };
}

function build(
  section: SeedIndicator['section'],
  area: AreaSlug | null,
  reviewGroup: ReviewGroup | undefined,
  s: Spec,
): SeedIndicator {
  const current: SeedValue = { year: REPORT_YEAR, value: s.value, qualifier: s.qualifier ?? 'exact' };
  if (s.valueText !== undefined) current.valueText = s.valueText;
  if (s.statedChange !== undefined) current.statedChange = s.statedChange;
  if (s.convertedNote !== undefined) {
    current.derived = true;
    current.derivedNote = s.convertedNote;
  }
  const indicator: SeedIndicator = {
    code: s.code,
    name: s.name,
    unit: s.unit,
    kind: s.kind,
    direction: s.direction ?? 'up',
    frequency: s.frequency ?? 'annual',
    planType: s.planType ?? 'expected',
    definition: s.definition,
    area,
    department: s.department,
    section,
    source: s.source,
    values: [...(s.earlier ?? []), current],
  };
  if (reviewGroup !== undefined) indicator.reviewGroup = reviewGroup;
  if (s.headline !== undefined) indicator.headline = s.headline;
  if (s.milestoneTotal !== undefined) indicator.milestoneTotal = s.milestoneTotal;
  return indicator;
}

/** 十四五 review indicators are annual by nature. */
const review = (group: ReviewGroup, s: Spec): SeedIndicator =>
  build('review', null, group, { ...s, frequency: 'annual' });
const highlight = (s: Spec): SeedIndicator => build('highlights', null, undefined, s);
const inArea =
  (area: AreaSlug) =>
  (s: Spec): SeedIndicator =>
    build('area', area, undefined, s);

const investment = inArea('investment');
const innovation = inArea('innovation');
const construction = inArea('construction');
const industry = inArea('industry');
const tourism = inArea('tourism');
const reform = inArea('reform');
const livelihood = inArea('livelihood');

// ---------------------------------------------------------------------------------------------
// The five-year (十四五) review
// ---------------------------------------------------------------------------------------------

const REVIEW_INDICATORS: SeedIndicator[] = [
  // 综合实力稳步提升
  review('综合实力', {
    code: 'REV-GDP-INCREMENT',
    name: '地区生产总值五年增量',
    unit: '亿元',
    kind: 'cumulative',
    department: 'tjj',
    definition: '2025年全市地区生产总值较“十三五”末（2020年）的增加额。',
    source: SRC.gdpIncrement,
    value: '900',
    qualifier: 'over',
  }),
  review('综合实力', {
    code: 'REV-INDUSTRY-VA-RANK',
    name: '工业增加值总量全省位次',
    unit: '位',
    kind: 'level',
    direction: 'down',
    department: 'tjj',
    definition: '全市工业增加值总量在全省各设区市中的排位（第1位最好）。',
    source: SRC.industryRank,
    value: '1',
    valueText: '跃居全省第一',
  }),
  review('综合实力', {
    code: 'REV-FAI-TOTAL',
    name: '固定资产投资五年累计完成额',
    unit: '亿元',
    kind: 'cumulative',
    department: 'fgw',
    definition: '2021—2025年全市固定资产投资完成额合计。',
    source: SRC.faiTotal,
    value: '4850',
    qualifier: 'at_least',
  }),
  review('综合实力', {
    code: 'REV-FAI-RANK',
    name: '固定资产投资总量全省位次',
    unit: '位',
    kind: 'level',
    direction: 'down',
    department: 'tjj',
    definition: '全市“十四五”固定资产投资累计总量在全省各设区市中的排位（第1位最好）。',
    source: SRC.faiTotal,
    value: '2',
    valueText: '总量全省第二',
  }),

  // 转型发展态势强劲
  review('转型发展', {
    code: 'REV-COAL-NEW-CAPACITY',
    name: '煤炭新增产能',
    unit: '万吨',
    kind: 'cumulative',
    planType: 'binding',
    department: 'nyj',
    definition: '“十四五”期间全市煤矿新增核定生产能力合计。',
    source: SRC.coal,
    value: '1110',
  }),
  review('转型发展', {
    code: 'REV-COAL-ADVANCED-SHARE',
    name: '煤炭先进产能占比',
    unit: '%',
    kind: 'rate',
    planType: 'binding',
    department: 'nyj',
    definition: '先进产能占全市煤炭总产能的比重。',
    source: SRC.coal,
    value: '95',
    qualifier: 'at_least',
  }),
  review(
    '转型发展',
    achieved({
      code: 'REV-COKE-OVEN-CLOSURE',
      name: '4.3米焦炉全部关停',
      planType: 'binding',
      department: 'gxj',
      definition: '全市炭化室高度4.3米焦炉是否已全部关停。',
      source: SRC.coke,
      valueText: '全部关停4.3米焦炉',
    }),
  ),
  review('转型发展', {
    code: 'REV-ENERGY-INTENSITY-CUT',
    name: '单位GDP能耗较“十三五”末下降率',
    unit: '%',
    kind: 'rate',
    planType: 'binding',
    department: 'fgw',
    definition: '2025年单位地区生产总值能源消耗较2020年的下降幅度（降幅越大越好）。',
    source: SRC.coke,
    value: '15.5',
    qualifier: 'at_least',
  }),
  review('转型发展', {
    code: 'REV-NEW-ENERGY-CAPACITY',
    name: '新能源装机容量',
    unit: '万千瓦',
    kind: 'level',
    planType: 'binding',
    department: 'nyj',
    definition: '年末全市风电、光伏等新能源发电并网装机容量。',
    source: SRC.newEnergy,
    value: '673.5',
  }),
  review('转型发展', {
    code: 'REV-NEW-ENERGY-SHARE',
    name: '新能源装机占比',
    unit: '%',
    kind: 'rate',
    planType: 'binding',
    department: 'nyj',
    definition: '年末新能源装机容量占全市电力总装机容量的比重。',
    source: SRC.newEnergy,
    value: '41',
    earlier: [reported(2020, '24.2')],
  }),
  review('转型发展', {
    code: 'REV-GREEN-POWER-OUTPUT',
    name: '绿电发电量',
    unit: '亿千瓦时',
    kind: 'cumulative',
    planType: 'binding',
    department: 'nyj',
    definition: '全年全市新能源（绿电）发电量。',
    source: SRC.newEnergy,
    value: '71.5',
  }),
  review(
    '转型发展',
    achieved({
      code: 'REV-GREEN-POWER-PILOT-PARK',
      name: '高新区入选全省首批绿电产业试点园区',
      department: 'nyj',
      definition: '高新区是否入选全省首批绿电产业试点园区。',
      source: SRC.newEnergy,
      valueText: '高新区入选全省首批绿电产业试点园区',
    }),
  ),
  review('转型发展', {
    code: 'REV-MFG-VA-GROWTH',
    name: '制造业增加值年均增速',
    unit: '%',
    kind: 'rate',
    department: 'gxj',
    definition: '2021—2025年全市制造业增加值的年均增长速度。',
    source: SRC.manufacturing,
    value: '10',
    qualifier: 'at_least',
  }),
  review('转型发展', {
    code: 'REV-SEI-VA-GROWTH',
    name: '战略性新兴产业增加值年均增速',
    unit: '%',
    kind: 'rate',
    department: 'fgw',
    definition: '2021—2025年全市战略性新兴产业增加值的年均增长速度。',
    source: SRC.manufacturing,
    value: '20',
    qualifier: 'at_least',
  }),
  review('转型发展', {
    code: 'REV-DIGITAL-CORE-REVENUE',
    name: '数字经济核心产业营业收入',
    unit: '亿元',
    kind: 'cumulative',
    department: 'gxj',
    definition: '全年全市数字经济核心产业企业营业收入合计。',
    source: SRC.manufacturing,
    value: '160',
    qualifier: 'breakthrough',
  }),

  // 改革开放持续深化
  review(
    '改革开放',
    achieved({
      code: 'REV-SOE-REFORM-ACTION',
      name: '国企改革深化提升行动',
      department: 'gzw',
      definition: '国企改革深化提升行动各项任务是否全部完成。',
      source: SRC.soeReform,
      valueText: '圆满收官',
    }),
  ),
  review(
    '改革开放',
    achieved({
      code: 'REV-GUARANTEE-REFORM',
      name: '政府性融资担保机构市县一体化运营改革',
      department: 'czj',
      definition: '政府性融资担保机构市县一体化运营改革是否完成。',
      source: SRC.soeReform,
      valueText: '完成政府性融资担保机构市县一体化运营改革',
    }),
  ),
  review('改革开放', {
    code: 'REV-APPROVAL-ITEMS-CUT',
    name: '审批事项减少比例',
    unit: '%',
    kind: 'rate',
    department: 'spj',
    definition: '行政审批事项数量较“十三五”末减少的比例（减幅越大越好）。',
    source: SRC.approvals,
    value: '31',
  }),
  review('改革开放', {
    code: 'REV-APPROVAL-STEPS-CUT',
    name: '审批环节精简比例',
    unit: '%',
    kind: 'rate',
    department: 'spj',
    definition: '行政审批环节较“十三五”末精简的比例（减幅越大越好）。',
    source: SRC.approvals,
    value: '58',
  }),
  review('改革开放', {
    code: 'REV-APPROVAL-TIME-CUT',
    name: '审批时限压缩比例',
    unit: '%',
    kind: 'rate',
    department: 'spj',
    definition: '行政审批法定时限较“十三五”末压缩的比例（压缩越多越好）。',
    source: SRC.approvals,
    value: '82',
  }),
  review('改革开放', {
    code: 'REV-TRADE-NEW-FIRMS',
    name: '新增进出口实绩企业',
    unit: '家',
    kind: 'cumulative',
    department: 'swj',
    definition: '“十四五”期间新增有进出口实绩的企业数量。',
    source: SRC.trade,
    value: '78',
  }),
  review('改革开放', {
    code: 'REV-TRADE-GROWTH',
    name: '进出口总额较“十三五”增长',
    unit: '%',
    kind: 'rate',
    department: 'swj',
    definition: '“十四五”期间进出口总额较“十三五”期间的增长幅度（报告表述为“八成”，即80%）。',
    source: SRC.trade,
    value: '80',
    qualifier: 'at_least',
    valueText: '八成以上',
    convertedNote: '报告原文为“八成以上”，按80%计',
  }),

  // 城乡发展加力提速
  review('城乡发展', {
    code: 'REV-URBANIZATION',
    name: '常住人口城镇化率',
    unit: '%',
    kind: 'level',
    department: 'fgw',
    definition: '年末城镇常住人口占全市常住人口的比重。',
    source: SRC.urbanization,
    value: '60.65',
  }),
  review('城乡发展', {
    code: 'REV-TAIHANG-ROAD',
    name: '太行一号旅游公路贯通里程',
    unit: '公里',
    kind: 'milestone',
    department: 'jtj',
    definition: '太行一号旅游公路全线建成贯通的里程。',
    source: SRC.roads,
    value: '1374',
    milestoneTotal: '1374',
    qualifier: 'all_done',
    valueText: '全线贯通',
  }),
  review('城乡发展', {
    code: 'REV-ZHUOZHANG-ROAD',
    name: '环浊漳河旅游公路通车里程',
    unit: '公里',
    kind: 'milestone',
    department: 'jtj',
    definition: '环浊漳河旅游公路建成通车的里程。',
    source: SRC.roads,
    value: '260',
    milestoneTotal: '260',
    qualifier: 'all_done',
    valueText: '建成通车',
  }),
  review('城乡发展', {
    code: 'REV-RURAL-ROADS',
    name: '新改建“四好农村路”里程',
    unit: '公里',
    kind: 'cumulative',
    department: 'jtj',
    definition: '“十四五”期间新建和改建“四好农村路”的里程合计。',
    source: SRC.roads,
    value: '3383',
  }),
  review(
    '城乡发展',
    achieved({
      code: 'REV-ROAD-ACCESS',
      name: '县县通高速、乡镇通公路、村村通硬化路',
      department: 'jtj',
      definition: '是否实现每个县通高速公路、每个乡镇通公路、每个建制村通水泥（油）路。',
      source: SRC.roads,
      valueText: '实现县县通高速、乡镇通公路、村村通水泥(油)路',
    }),
  ),

  // 生态环境明显改善
  review('生态环境', {
    code: 'REV-CLEAN-HEATING',
    name: '农村清洁取暖改造户数',
    unit: '万户',
    kind: 'cumulative',
    planType: 'binding',
    department: 'sthjj',
    definition: '“十四五”期间完成农村清洁取暖改造的户数合计。',
    source: SRC.heating,
    value: '76.3',
  }),
  review(
    '生态环境',
    achieved({
      code: 'REV-SCATTERED-POLLUTERS',
      name: '散乱污企业动态清零',
      planType: 'binding',
      department: 'sthjj',
      definition: '“散乱污”企业是否保持动态清零。',
      source: SRC.heating,
      valueText: '动态清零',
    }),
  ),
  review('生态环境', {
    code: 'REV-PM25',
    name: 'PM2.5年均浓度',
    unit: '微克/立方米',
    kind: 'level',
    direction: 'down',
    planType: 'binding',
    department: 'sthjj',
    definition: '全市细颗粒物（PM2.5）年平均浓度。',
    source: SRC.air,
    value: '30',
    statedChange: { change: -41.2, unit: 'percent', basis: 'plan_start', text: '五年累计下降41.2%' },
    earlier: [
      derived(2020, '51.0', '由2025年30微克/立方米、五年累计下降41.2%推算：30÷(1−41.2%)≈51.0（保留一位小数）', 'about'),
    ],
  }),
  review('生态环境', {
    code: 'REV-PM25-CUT',
    name: 'PM2.5浓度五年累计下降率',
    unit: '%',
    kind: 'rate',
    planType: 'binding',
    department: 'sthjj',
    definition: '2025年PM2.5年均浓度较2020年的下降幅度（降幅越大越好）。',
    source: SRC.air,
    value: '41.2',
  }),
  review('生态环境', {
    code: 'REV-GOOD-AIR-DAYS',
    name: '空气质量优良天数',
    unit: '天',
    kind: 'cumulative',
    planType: 'binding',
    department: 'sthjj',
    definition: '全年空气质量达到优或良的天数。',
    source: SRC.air,
    value: '312',
  }),
  review('生态环境', {
    code: 'REV-FOREST-COVERAGE',
    name: '森林覆盖率',
    unit: '%',
    kind: 'level',
    planType: 'binding',
    department: 'lyj',
    definition: '年末森林面积占全市国土面积的比重。',
    source: SRC.forest,
    value: '27.97',
    statedChange: { change: 1.15, unit: 'points', basis: 'plan_start', text: '较“十三五”末提高1.15个百分点' },
    earlier: [derived(2020, '26.82', '由2025年27.97%、较“十三五”末提高1.15个百分点推算：27.97−1.15=26.82')],
  }),
  review('生态环境', {
    code: 'REV-FOREST-COVERAGE-CHANGE',
    name: '森林覆盖率较“十三五”末提高',
    unit: '个百分点',
    kind: 'rate',
    planType: 'binding',
    department: 'lyj',
    definition: '2025年森林覆盖率较2020年提高的百分点数。',
    source: SRC.forest,
    value: '1.15',
  }),
  review(
    '生态环境',
    achieved({
      code: 'REV-WATER-NETWORK-PILOT',
      name: '入选国家第二批市级水网先导区',
      department: 'swuj',
      definition: '是否入选国家第二批市级水网先导区。',
      source: SRC.water,
      valueText: '入选国家第二批市级水网先导区',
    }),
  ),
  review(
    '生态环境',
    achieved({
      code: 'REV-RECLAIMED-WATER-CITY',
      name: '入选国家再生水利用重点城市',
      department: 'swuj',
      definition: '是否入选国家再生水利用重点城市。',
      source: SRC.water,
      // The report names both in one breath (入选国家第二批市级水网先导区、国家再生水利用重点城市): its own words.
      valueText: '国家再生水利用重点城市',
    }),
  ),
  review('生态环境', {
    code: 'REV-WATER-INTENSITY-CUT',
    name: '万元GDP用水量较“十三五”末下降率',
    unit: '%',
    kind: 'rate',
    planType: 'binding',
    department: 'swuj',
    definition: '2025年万元地区生产总值用水量较2020年的下降幅度（降幅越大越好）。',
    source: SRC.water,
    value: '10',
    qualifier: 'at_least',
  }),

  // 社会事业全面进步
  review('社会事业', {
    code: 'REV-LIVELIHOOD-SPENDING-SHARE',
    name: '民生支出占财政总支出比重',
    unit: '%',
    kind: 'rate',
    department: 'czj',
    definition: '民生领域支出占一般公共预算总支出的比重（报告表述为“八成”，即80%）。',
    source: SRC.livelihoodSpending,
    value: '80',
    qualifier: 'about',
    valueText: '八成左右',
    convertedNote: '报告原文为“八成左右”，按80%计',
  }),
  review('社会事业', {
    code: 'REV-SKILLED-WORKER-SHARE',
    name: '技能人才占就业人员比例',
    unit: '%',
    kind: 'rate',
    department: 'rsj',
    definition: '取得职业资格或职业技能等级的技能人才占全市就业人员的比例。',
    source: SRC.skilledWorkers,
    value: '35.2',
  }),
  review(
    '社会事业',
    achieved({
      code: 'REV-PUBLIC-CHILDCARE',
      name: '公办托育机构县县全覆盖',
      department: 'wjw',
      definition: '是否每个县（区）都建有公办托育机构。',
      source: SRC.childcare,
      valueText: '县县全覆盖',
    }),
  ),
  review('社会事业', {
    code: 'REV-CHILDCARE-PLACES',
    name: '每千人口托位数',
    unit: '个',
    kind: 'level',
    department: 'wjw',
    definition: '年末每千名常住人口拥有的3岁以下婴幼儿托位数。',
    source: SRC.childcare,
    value: '4.8',
  }),
  review('社会事业', {
    code: 'REV-ELDERLY-CARE-BEDS',
    name: '机构养老床位',
    unit: '万张',
    kind: 'level',
    department: 'mzj',
    definition: '年末全市养老机构床位数。',
    source: SRC.childcare,
    value: '1.48',
  }),
  review('社会事业', {
    code: 'REV-HOME-AGING-RETROFIT',
    name: '家庭适老化改造户数',
    unit: '万户',
    kind: 'cumulative',
    department: 'mzj',
    definition: '“十四五”期间完成家庭适老化改造的户数合计。',
    source: SRC.childcare,
    value: '1.12',
  }),
  review(
    '社会事业',
    achieved({
      code: 'REV-SAFE-CITY-AWARD',
      name: '全省平安建设先进单位',
      department: 'gaj',
      definition: '是否获评全省平安建设先进单位（报告所述为连续五年获评）。',
      source: SRC.safeCity,
      valueText: '连续五年获评全省平安建设先进单位',
    }),
  ),
];

// ---------------------------------------------------------------------------------------------
// 2025: the lead paragraph of 一年亮点回眸 (city-wide, no work area)
// ---------------------------------------------------------------------------------------------

const HIGHLIGHT_INDICATORS: SeedIndicator[] = [
  highlight({
    code: 'HL-GDP-GROWTH',
    name: '地区生产总值增速',
    unit: '%',
    kind: 'rate',
    frequency: 'quarterly',
    department: 'tjj',
    definition: '全市地区生产总值按可比价格计算的同比增长速度（报告为预计数）。',
    source: SRC.lead,
    value: '4.5',
    qualifier: 'about',
    headline: 1,
  }),
  // "较好完成" is the report's appraisal, not a claim that every task was done: kept as its words.
  highlight(
    statement({
      code: 'HL-PERFORMANCE-ASSESSMENT',
      name: '高质量绩效考核指标任务',
      department: 'fgw',
      definition: '省对市高质量发展绩效考核指标任务的完成情况（报告为定性表述，不计完成率）。',
      source: SRC.lead,
      valueText: '较好完成高质量绩效考核指标任务',
    }),
  ),
];

// ---------------------------------------------------------------------------------------------
// 2025: the seven 主抓手
// ---------------------------------------------------------------------------------------------

const AREA_INDICATORS: SeedIndicator[] = [
  // 1 抓招商、上项目
  investment({
    code: 'INV-PROJECTS',
    name: '全年实施项目',
    unit: '个',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'fgw',
    definition: '年内在建（含新开工和续建）的项目个数。',
    source: SRC.projects,
    value: '3051',
  }),
  investment({
    code: 'INV-NEW-STARTS',
    name: '新开工项目',
    unit: '个',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'fgw',
    definition: '年内新开工建设的项目个数。',
    source: SRC.projects,
    value: '1877',
  }),
  investment({
    code: 'INV-INVESTMENT',
    name: '项目累计完成投资',
    unit: '亿元',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'fgw',
    definition: '年内实施项目累计完成的投资额。',
    source: SRC.projects,
    value: '1027',
  }),
  investment({
    code: 'INV-MFG-KEY-PROJECTS',
    name: '实施重点制造业项目',
    unit: '个',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'gxj',
    definition: '年内实施的重点制造业项目个数。',
    source: SRC.mfgProjects,
    value: '253',
  }),
  investment({
    code: 'INV-MFG-KEY-PROJECTS-TOTAL-INVESTMENT',
    name: '重点制造业项目总投资',
    unit: '亿元',
    kind: 'level',
    department: 'gxj',
    definition: '年内实施的重点制造业项目的计划总投资合计。',
    source: SRC.mfgProjects,
    value: '725',
  }),
  investment({
    code: 'INV-TRANSFORM-PROJECTS-COMPLETED',
    name: '转型项目竣工投产',
    unit: '个',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'fgw',
    definition: '年内竣工投产的转型项目个数。',
    source: SRC.mfgProjects,
    value: '176',
  }),
  investment(
    achieved({
      code: 'INV-PROMOTION-EVENTS',
      name: '举办重点招商推介活动',
      department: 'swj',
      definition: '年内京津冀产业招商推介会、潞商大会、LED产业大会等重点招商活动是否举办。',
      source: SRC.signing,
      valueText: '举办京津冀产业招商推介会、潞商大会、LED产业大会',
    }),
  ),
  investment({
    code: 'INV-SIGNED-PROJECTS',
    name: '签约项目',
    unit: '个',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'swj',
    definition: '年内招商引资签约的项目个数。',
    source: SRC.signing,
    value: '1012',
  }),
  investment({
    code: 'INV-SIGNED-AMOUNT',
    name: '签约项目金额',
    unit: '亿元',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'swj',
    definition: '年内招商引资签约项目的协议投资金额合计。',
    source: SRC.signing,
    value: '2207',
  }),
  investment({
    code: 'INV-SIGNED-START-RATE',
    name: '签约项目开工率',
    unit: '%',
    kind: 'rate',
    frequency: 'monthly',
    department: 'swj',
    definition: '已开工的签约项目个数占签约项目总数的比例。',
    source: SRC.signing,
    value: '80.5',
  }),

  // 2 抓创新、育主体
  innovation({
    code: 'INN-FISCAL-ST-SPENDING-GROWTH',
    name: '市财政科技创新经费投入增速',
    unit: '%',
    kind: 'rate',
    department: 'czj',
    definition: '市本级财政科技创新经费投入较上年的增长速度。',
    source: SRC.rd,
    value: '20',
  }),
  innovation({
    code: 'INN-RD-SPENDING',
    name: '全社会研发投入',
    unit: '亿元',
    kind: 'cumulative',
    department: 'kjj',
    definition: '全年全社会研究与试验发展（R&D）经费投入。',
    source: SRC.rd,
    value: '35.5',
  }),
  innovation({
    code: 'INN-INNOVATIVE-SMES',
    name: '新培育创新型中小企业',
    unit: '户',
    kind: 'cumulative',
    department: 'gxj',
    definition: '年内新认定的创新型中小企业户数。',
    source: SRC.firms,
    value: '64',
  }),
  innovation({
    code: 'INN-SRDI-SMES',
    name: '新培育省级专精特新企业',
    unit: '户',
    kind: 'cumulative',
    department: 'gxj',
    definition: '年内新认定的省级专精特新中小企业户数。',
    source: SRC.firms,
    value: '28',
  }),
  innovation({
    code: 'INN-HIGH-TECH-FIRMS',
    name: '高新技术企业',
    unit: '家',
    kind: 'level',
    department: 'kjj',
    definition: '年末有效期内的国家高新技术企业数量。',
    source: SRC.firms,
    value: '334',
  }),
  innovation({
    code: 'INN-INNOVATION-PLATFORMS',
    name: '省级以上创新平台',
    unit: '家',
    kind: 'level',
    department: 'kjj',
    definition: '年末全市省级及以上科技创新平台数量。',
    source: SRC.firms,
    value: '104',
  }),
  innovation({
    code: 'INN-ST-AWARDS',
    name: '获得省科学技术奖',
    unit: '项',
    kind: 'cumulative',
    department: 'kjj',
    definition: '年内全市获得的山西省科学技术奖项数。',
    source: SRC.firms,
    value: '10',
  }),
  innovation({
    code: 'INN-NEW-LOANS',
    name: '新增贷款',
    unit: '亿元',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'jrb',
    definition: '全年全市金融机构人民币贷款余额的增加额。',
    source: SRC.loans,
    value: '325',
    statedChange: { change: 82, unit: 'absolute', basis: 'prior_year', text: '同比多增82亿元' },
    earlier: [derived(2024, '243', '由2025年新增贷款325亿元、同比多增82亿元推算：325−82=243')],
  }),
  innovation({
    code: 'INN-NEW-LOANS-YOY-EXTRA',
    name: '新增贷款同比多增',
    unit: '亿元',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'jrb',
    definition: '当年新增贷款比上年同期新增贷款多出的金额。',
    source: SRC.loans,
    value: '82',
  }),
  innovation({
    code: 'INN-ONE-THING',
    name: '“高效办成一件事”事项',
    unit: '项',
    kind: 'level',
    department: 'spj',
    definition: '年末已上线运行的“高效办成一件事”集成办理事项数。',
    source: SRC.egov,
    value: '50',
  }),
  innovation({
    code: 'INN-CROSS-PROVINCE',
    name: '“跨省通办”事项',
    unit: '个',
    kind: 'level',
    department: 'spj',
    definition: '年末实现“跨省通办”的政务服务事项数。',
    source: SRC.egov,
    value: '116',
  }),
  innovation({
    code: 'INN-ONLINE-RATE',
    name: '行政审批事项综合网办率',
    unit: '%',
    kind: 'rate',
    department: 'spj',
    definition: '通过网上办理的行政审批事项办件量占全部办件量的比例。',
    source: SRC.egov,
    value: '91',
  }),
  innovation({
    code: 'INN-TAX-RELIEF',
    name: '落实减税降费及退税',
    unit: '亿元',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'tax',
    definition: '全年落实的减税、降费及退税金额合计。',
    source: SRC.taxRelief,
    value: '25.3',
  }),
  innovation({
    code: 'INN-ARREARS-CLEARED',
    name: '清欠民营企业账款',
    unit: '亿元',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'gxj',
    definition: '全年清偿拖欠民营企业账款的金额。',
    source: SRC.taxRelief,
    value: '11.6',
  }),
  innovation({
    code: 'INN-NET-NEW-FIRMS',
    name: '企业数量净增',
    unit: '户',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'scjgj',
    definition: '年末登记在册企业数较上年末的净增加户数。',
    source: SRC.entities,
    value: '2771',
    headline: 3,
  }),
  innovation({
    code: 'INN-NET-NEW-TAXPAYERS',
    name: '涉税经营主体净增',
    unit: '万户',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'tax',
    definition: '年末办理涉税事项的经营主体数较上年末的净增加户数。',
    source: SRC.entities,
    value: '1.94',
  }),

  // 3 抓规划、强建设
  construction({
    code: 'CON-KEY-PROJECTS',
    name: '开工建设城建重点工程',
    unit: '个',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'zjj',
    definition: '年内开工建设的城建重点工程个数。',
    source: SRC.cityProjects,
    value: '36',
    headline: 5,
  }),
  construction(
    achieved({
      code: 'CON-CULTURE-VENUES',
      name: '市博物馆、图书馆、档案馆新馆投运',
      department: 'wlj',
      definition: '市博物馆、图书馆、档案馆新馆是否正式投入运营。',
      source: SRC.cityProjects,
      valueText: '市博物馆、图书馆、档案馆新馆正式投运',
    }),
  ),
  construction({
    code: 'CON-TRAFFIC-ISLANDS',
    name: '新建交通生态渠化岛',
    unit: '处',
    kind: 'cumulative',
    department: 'zjj',
    definition: '年内新建成的交通生态渠化岛处数。',
    source: SRC.traffic,
    value: '22',
  }),
  construction(
    achieved({
      code: 'CON-CIVIL-TRAFFIC-CAMPAIGN',
      name: '文明交通专项行动',
      department: 'gaj',
      definition: '年内是否开展文明交通专项行动。',
      source: SRC.traffic,
      valueText: '开展文明交通专项行动',
    }),
  ),
  construction({
    code: 'CON-PARKING-SPACES',
    name: '新增停车位',
    unit: '个',
    kind: 'cumulative',
    department: 'zjj',
    definition: '年内新增的城市停车泊位数。',
    source: SRC.traffic,
    value: '5561',
  }),
  construction({
    code: 'CON-URBAN-VILLAGES',
    name: '改造城中村',
    unit: '个',
    kind: 'cumulative',
    department: 'zjj',
    definition: '年内实施改造的城中村个数。',
    source: SRC.renewal,
    value: '7',
  }),
  construction({
    code: 'CON-OLD-COMMUNITIES',
    name: '改造老旧小区',
    unit: '个',
    kind: 'cumulative',
    department: 'zjj',
    definition: '年内实施改造的城镇老旧小区个数。',
    source: SRC.renewal,
    value: '127',
  }),
  construction({
    code: 'CON-CITY-STATIONS',
    name: '建设城市驿站',
    unit: '座',
    kind: 'cumulative',
    department: 'zjj',
    definition: '年内建成的城市驿站座数。',
    source: SRC.renewal,
    value: '26',
  }),
  construction(
    // The report says the upgrade was well received, not that it was completed: kept as its words.
    statement({
      code: 'CON-BAYI-SQUARE',
      name: '八一广场提质改造',
      department: 'zjj',
      definition: '八一广场提质改造的群众评价（报告为定性表述，不计完成率）。',
      source: SRC.renewal,
      valueText: '八一广场提质改造广受群众点赞',
    }),
  ),
  construction({
    code: 'CON-RURAL-DILAPIDATED-HOUSES',
    name: '改造农村危房',
    unit: '户',
    kind: 'cumulative',
    department: 'zjj',
    definition: '年内完成改造的农村危房户数。',
    source: SRC.villages,
    value: '340',
  }),
  construction({
    code: 'CON-VILLAGE-GREENING',
    name: '绿化村庄',
    unit: '个',
    kind: 'cumulative',
    planType: 'binding',
    department: 'lyj',
    definition: '年内完成绿化的村庄个数。',
    source: SRC.villages,
    value: '167',
  }),
  construction({
    code: 'CON-RURAL-SEWAGE',
    name: '农村生活污水治理',
    unit: '个',
    kind: 'cumulative',
    planType: 'binding',
    department: 'sthjj',
    definition: '年内实施农村生活污水治理的村庄个数。',
    source: SRC.villages,
    value: '535',
  }),
  construction({
    code: 'CON-DEMO-VILLAGES',
    name: '打造精品示范村',
    unit: '个',
    kind: 'cumulative',
    department: 'nyncj',
    definition: '年内建成的和美乡村精品示范村个数。',
    source: SRC.villages,
    value: '50',
  }),
  construction({
    code: 'CON-UPGRADED-VILLAGES',
    name: '打造提档升级村',
    unit: '个',
    kind: 'cumulative',
    department: 'nyncj',
    definition: '年内建成的和美乡村提档升级村个数。',
    source: SRC.villages,
    value: '388',
  }),

  // 4 抓载体、延链条 (its four bullets precede the heading in the PDF layout)
  industry({
    code: 'IND-STANDARD-FACTORIES',
    name: '新建标准厂房',
    unit: '万平方米',
    kind: 'cumulative',
    department: 'gxj',
    definition: '年内新建成的标准厂房建筑面积。',
    source: SRC.carriers,
    value: '116',
  }),
  industry({
    code: 'IND-STANDARD-LAND-PARCELS',
    name: '出让“标准地”宗数',
    unit: '宗',
    kind: 'cumulative',
    planType: 'binding',
    department: 'zrzyj',
    definition: '年内以“标准地”方式出让的工业用地宗数。',
    source: SRC.carriers,
    value: '31',
  }),
  industry({
    code: 'IND-STANDARD-LAND-AREA',
    name: '出让“标准地”面积',
    unit: '亩',
    kind: 'cumulative',
    planType: 'binding',
    department: 'zrzyj',
    definition: '年内以“标准地”方式出让的工业用地面积。',
    source: SRC.carriers,
    value: '1663.5',
  }),
  industry({
    code: 'IND-DEV-ZONE-VA-GROWTH',
    name: '工业类开发区规上工业增加值增速',
    unit: '%',
    kind: 'rate',
    frequency: 'monthly',
    department: 'gxj',
    definition: '工业类开发区规模以上工业增加值按可比价格计算的同比增长速度。',
    source: SRC.carriers,
    value: '10.6',
  }),
  industry({
    code: 'IND-CARBON-CHAIN-REVENUE-GROWTH',
    name: '碳基新材料产业链营收增速',
    unit: '%',
    kind: 'rate',
    frequency: 'quarterly',
    department: 'gxj',
    definition: '碳基新材料省级重点产业链企业营业收入的同比增长速度。',
    source: SRC.chains,
    value: '97.8',
  }),
  industry({
    code: 'IND-EQUIPMENT-CHAIN-REVENUE-GROWTH',
    name: '高端装备制造产业链营收增速',
    unit: '%',
    kind: 'rate',
    frequency: 'quarterly',
    department: 'gxj',
    definition: '高端装备制造省级重点产业链企业营业收入的同比增长速度。',
    source: SRC.chains,
    value: '13',
  }),
  industry({
    code: 'IND-SPECIALTY-TOWNS-REVENUE-GROWTH',
    name: '省级专业镇营收增速',
    unit: '%',
    kind: 'rate',
    frequency: 'quarterly',
    department: 'gxj',
    definition: '平顺中药材、长治经开区光电装备两个省级专业镇营业收入合计的同比增长速度。',
    source: SRC.chains,
    value: '12.3',
  }),
  industry({
    code: 'IND-HIGH-TECH-MFG-GROWTH',
    name: '高技术制造业增加值增速',
    unit: '%',
    kind: 'rate',
    frequency: 'monthly',
    department: 'gxj',
    definition: '全市规模以上高技术制造业增加值按可比价格计算的同比增长速度。',
    source: SRC.chains,
    value: '10.9',
  }),
  industry({
    code: 'IND-TON-GRAIN-FIELDS',
    name: '建成“吨粮田”示范基地',
    unit: '万亩',
    kind: 'cumulative',
    planType: 'binding',
    department: 'nyncj',
    definition: '年内建成的亩产达到一吨的“吨粮田”示范基地面积。',
    source: SRC.grain,
    value: '15',
  }),
  industry({
    code: 'IND-GRAIN-OUTPUT',
    name: '粮食产量',
    unit: '亿斤',
    kind: 'cumulative',
    planType: 'binding',
    department: 'nyncj',
    definition: '全年全市粮食总产量。',
    source: SRC.grain,
    value: '25.3',
    headline: 4,
  }),
  industry(
    achieved({
      code: 'IND-QINZHOU-MILLET-LISTED',
      name: '沁州黄小米入选全国名特优新农产品名录',
      department: 'nyncj',
      definition: '沁州黄小米是否列入全国名特优新农产品名录。',
      source: SRC.brands,
      valueText: '沁州黄小米入选全国名特优新农产品名录',
    }),
  ),
  industry(
    achieved({
      code: 'IND-LUDANGSHEN-NRDL',
      name: '潞党参口服液进入国家医保目录',
      department: 'ybj',
      definition: '潞党参口服液是否纳入国家基本医疗保险药品目录。',
      source: SRC.brands,
      valueText: '潞党参口服液进入国家医保目录',
    }),
  ),

  // 5 抓文旅、扩消费
  tourism(
    achieved({
      code: 'TOU-TAIHANG-SEASON',
      name: '太行山旅游季系列活动',
      department: 'wlj',
      definition: '年内是否开展太行山旅游季等系列文旅活动。',
      source: SRC.tourism,
      valueText: '开展太行山旅游季等系列活动',
    }),
  ),
  tourism({
    code: 'TOU-TOUR-ROUTES',
    name: '发布全域旅游精品路线',
    unit: '条',
    kind: 'cumulative',
    department: 'wlj',
    definition: '年内发布的全域旅游精品路线条数。',
    source: SRC.tourism,
    value: '20',
  }),
  tourism({
    code: 'TOU-SCENIC-VISITORS-GROWTH',
    name: '15家重点景区接待游客增速',
    unit: '%',
    kind: 'rate',
    frequency: 'monthly',
    department: 'wlj',
    definition: '全市15家重点景区接待游客人次的同比增长速度。',
    source: SRC.tourism,
    value: '24.3',
  }),
  tourism({
    code: 'TOU-SCENIC-REVENUE-GROWTH',
    name: '15家重点景区综合收入增速',
    unit: '%',
    kind: 'rate',
    frequency: 'monthly',
    department: 'wlj',
    definition: '全市15家重点景区综合收入的同比增长速度。',
    source: SRC.tourism,
    value: '30.3',
  }),
  tourism({
    code: 'TOU-COMMERCIAL-DISTRICTS',
    name: '打造特色商圈街区',
    unit: '个',
    kind: 'cumulative',
    department: 'swj',
    definition: '年内打造的特色商圈、特色街区个数。',
    source: SRC.commerce,
    value: '15',
  }),
  tourism({
    code: 'TOU-FIRST-STORES',
    name: '市级首店',
    unit: '家',
    kind: 'level',
    department: 'swj',
    definition: '年末在本市开设的品牌市级首店数量。',
    source: SRC.commerce,
    value: '100',
    qualifier: 'breakthrough',
  }),
  tourism({
    code: 'TOU-TRADE-IN-SUBSIDIES',
    name: '兑付“两新”补贴',
    unit: '亿元',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'swj',
    definition: '年内兑付的大规模设备更新和消费品以旧换新（“两新”）各类补贴金额。',
    source: SRC.tradeIn,
    value: '8.54',
  }),
  tourism({
    code: 'TOU-TRADE-IN-CONSUMPTION',
    name: '“两新”政策带动消费',
    unit: '亿元',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'swj',
    definition: '“两新”补贴带动的消费金额。',
    source: SRC.tradeIn,
    value: '62.7',
  }),
  tourism({
    code: 'TOU-RURAL-E-TOWNS',
    name: '培育乡村e镇',
    unit: '个',
    kind: 'cumulative',
    department: 'swj',
    definition: '年内培育的乡村e镇（县域电商特色镇）个数。',
    source: SRC.eTowns,
    value: '11',
  }),

  // 6 抓改革、促开放
  reform(
    achieved({
      code: 'REF-SOE-RESHAPE',
      name: '国资国企系统性重塑',
      department: 'gzw',
      definition: '重点国有企业规范运营、国资国企系统性重塑是否实现。',
      source: SRC.soe,
      valueText: '实现系统性重塑',
    }),
  ),
  reform({
    code: 'REF-BJ-COOPERATION-PROJECTS',
    name: '京长对口合作项目',
    unit: '个',
    kind: 'cumulative',
    department: 'fgw',
    definition: '年内实施的北京与长治对口合作项目个数。',
    source: SRC.cooperation,
    value: '37',
  }),
  reform(
    achieved({
      code: 'REF-EDU-COOPERATION',
      name: '教育对口合作经验全国推广',
      department: 'jyj',
      definition: '京长教育对口合作经验是否在全国推广。',
      source: SRC.cooperation,
      valueText: '教育对口合作经验全国推广',
    }),
  ),
  reform(
    achieved({
      code: 'REF-LINGANG-PLATFORM',
      name: '上海临港新片区综合服务平台落户高新区',
      department: 'swj',
      definition: '上海临港新片区综合服务平台是否落户长治高新区。',
      source: SRC.opening,
      valueText: '上海临港新片区综合服务平台落户高新区',
    }),
  ),
  reform(
    achieved({
      code: 'REF-RAIL-SEA',
      name: '潞铁物流园区铁海联运',
      department: 'jtj',
      definition: '潞铁物流园区是否开通铁海联运。',
      source: SRC.opening,
      valueText: '潞铁物流园区实现铁海联运',
    }),
  ),
  reform({
    code: 'REF-EXPORTS',
    name: '出口总额',
    unit: '亿元',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'swj',
    definition: '全年全市货物出口总额（人民币）。',
    source: SRC.opening,
    value: '12.6',
    headline: 2,
    statedChange: { change: 17.7, unit: 'percent', basis: 'prior_year', text: '增长17.7%' },
    earlier: [derived(2024, '10.71', '由2025年出口12.6亿元、增长17.7%推算：12.6÷1.177≈10.71', 'about')],
  }),
  reform({
    code: 'REF-EXPORTS-GROWTH',
    name: '出口总额增速',
    unit: '%',
    kind: 'rate',
    frequency: 'monthly',
    department: 'swj',
    definition: '全市货物出口总额的同比增长速度。',
    source: SRC.opening,
    value: '17.7',
  }),

  // 7 抓民生、办实事
  livelihood({
    code: 'LIV-PRACTICAL-MATTERS',
    name: '省政府部署的民生实事',
    unit: '件',
    kind: 'milestone',
    department: 'fgw',
    definition: '省政府部署的民生实事中已全部完成的件数。',
    source: SRC.practical,
    value: '15',
    milestoneTotal: '15',
    qualifier: 'all_done',
    valueText: '全部完成',
  }),
  livelihood({
    code: 'LIV-SKILLS-TRAINING',
    name: '职业技能培训',
    unit: '万人',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'rsj',
    definition: '年内开展职业技能培训的人数。',
    source: SRC.jobs,
    value: '2.8',
  }),
  livelihood({
    code: 'LIV-NEW-URBAN-JOBS',
    name: '城镇新增就业',
    unit: '万人',
    kind: 'cumulative',
    frequency: 'monthly',
    department: 'rsj',
    definition: '年内城镇新增就业人数。',
    source: SRC.jobs,
    value: '4.8',
    headline: 6,
  }),
  livelihood({
    code: 'LIV-INCLUSIVE-KINDERGARTENS',
    name: '建设普惠性幼儿园',
    unit: '所',
    kind: 'cumulative',
    department: 'jyj',
    definition: '年内建设的普惠性幼儿园所数。',
    source: SRC.schools,
    value: '6',
  }),
  livelihood({
    code: 'LIV-BOARDING-SCHOOLS',
    name: '建设乡镇寄宿制学校',
    unit: '所',
    kind: 'cumulative',
    department: 'jyj',
    definition: '年内建设的乡镇寄宿制学校所数。',
    source: SRC.schools,
    value: '8',
  }),
  livelihood({
    code: 'LIV-COUNTY-HIGH-SCHOOLS',
    name: '建设县域标准化普通高中',
    unit: '所',
    kind: 'cumulative',
    department: 'jyj',
    definition: '年内建设的县域标准化普通高中所数。',
    source: SRC.schools,
    value: '8',
  }),
  livelihood(
    achieved({
      code: 'LIV-HOSPITAL-REFORM-DEMO',
      name: '获批国家公立医院改革与高质量发展示范项目',
      department: 'wjw',
      definition: '是否获批国家公立医院改革与高质量发展示范项目。',
      source: SRC.hospital,
      valueText: '获批国家公立医院改革与高质量发展示范项目',
    }),
  ),
  livelihood({
    code: 'LIV-CENTRAL-FUNDS',
    name: '争取中央资金（公立医院改革）',
    unit: '亿元',
    kind: 'cumulative',
    department: 'wjw',
    definition: '年内争取到的公立医院改革与高质量发展中央补助资金。',
    source: SRC.hospital,
    value: '5',
  }),
  livelihood(
    achieved({
      code: 'LIV-INFANT-MEDICAL-INSURANCE',
      name: '0至3周岁婴幼儿免费缴纳医保',
      department: 'ybj',
      definition: '是否为0至3周岁婴幼儿免费缴纳城乡居民基本医疗保险。',
      source: SRC.infants,
      valueText: '为0至3周岁婴幼儿免费缴纳医保',
    }),
  ),
  livelihood(
    achieved({
      code: 'LIV-PRENATAL-FEE-WAIVER',
      name: '减免孕妇产检挂号费',
      department: 'wjw',
      definition: '是否减免孕妇产前检查挂号费。',
      source: SRC.infants,
      valueText: '减免孕妇产检挂号费',
    }),
  ),
  livelihood({
    code: 'LIV-CULTURE-SPACES',
    name: '建成新型公共文化空间',
    unit: '个',
    kind: 'cumulative',
    department: 'wlj',
    definition: '年内建成的新型公共文化空间个数。',
    source: SRC.culture,
    value: '7',
  }),
  livelihood({
    code: 'LIV-OPERA-TO-VILLAGES',
    name: '免费送戏下乡',
    unit: '场',
    kind: 'cumulative',
    department: 'wlj',
    definition: '年内免费送戏下乡的演出场次。',
    source: SRC.culture,
    value: '2575',
  }),
  livelihood({
    code: 'LIV-RESETTLEMENT-HOUSING',
    name: '开工还迁安置房',
    unit: '套',
    kind: 'cumulative',
    department: 'zjj',
    definition: '年内新开工的还迁安置房套数。',
    source: SRC.housing,
    value: '3677',
  }),
  livelihood({
    code: 'LIV-HOUSING-DELIVERY',
    name: '保交房任务',
    unit: '万套',
    kind: 'milestone',
    department: 'zjj',
    definition: '已交付的保交房套数占保交房任务套数的完成情况。',
    source: SRC.housing,
    value: '2',
    milestoneTotal: '2',
    qualifier: 'all_done',
    valueText: '全面完成',
  }),
  livelihood(
    achieved({
      code: 'LIV-WORK-SAFETY',
      name: '生产安全事故起数、死亡人数双下降',
      planType: 'binding',
      qualifier: 'exact',
      department: 'yjj',
      definition: '全年生产安全事故起数和死亡人数是否均较上年下降。',
      source: SRC.safety,
      valueText: '双下降',
    }),
  ),
];

/** Every indicator of the report: the 十四五 review, the 2025 lead paragraph, then the seven 主抓手 in order. */
export const SEED_INDICATORS: SeedIndicator[] = [...REVIEW_INDICATORS, ...HIGHLIGHT_INDICATORS, ...AREA_INDICATORS];
