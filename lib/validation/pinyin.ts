/**
 * Pinyin (toneless) of the characters most used in Chinese personal names — the common surnames and
 * given-name characters, about 800 — plus the words of this system's role names, so that the password
 * check can refuse a display name's pinyin (张伟 → zhangwei). A character with several readings lists
 * each (单 dan/shan, 曾 zeng/ceng…); ü is written v and u (吕 lv/lu). Limitation: a character not in
 * this table has no reading, so names with rarer characters are only partly checked.
 */
const TABLE = `
a:阿 ai:艾爱蔼 an:安岸 ang:昂 ao:敖奥傲 ba:巴芭 bai:白柏百佰 ban:班斑办 bang:邦帮 bao:包宝保鲍葆报
bei:贝北蓓 ben:本贲 bi:毕碧璧必弼 bian:边卞 biao:彪标 bin:彬斌滨宾 bing:冰兵炳秉丙 bo:博波柏伯勃泊
bu:步卜 cai:蔡才彩财采 can:灿璨参 cang:仓苍 cao:曹草 ce:测策 cen:岑 ceng:曾 chang:常昌畅长嫦
chao:超朝潮晁 chen:陈晨辰臣琛宸忱 cheng:程成诚承城澄橙呈丞 chi:池驰迟赤 chong:崇冲充 chu:楚储初褚处
chuan:川传 chun:春淳纯椿 ci:慈词 cong:丛聪从琮 cui:崔翠萃 cun:村存 da:达大 dai:戴代黛岱
dan:丹单旦淡 dang:党当 dao:道刀稻导 de:德 deng:邓登灯 di:狄迪笛帝娣棣 dian:典殿滇 ding:丁鼎定
dong:董东冬栋 dou:窦斗 du:杜都度笃 duan:段端 dun:敦顿 duo:多朵 e:鄂娥峨 en:恩 er:尔二
fa:发法 fan:范樊凡帆繁梵 fang:方房芳放舫昉 fei:费飞菲斐霏 fen:芬汾奋 feng:冯封风丰峰锋凤枫奉逢
fu:付傅符伏福富夫甫芙馥扶赋阜 gai:盖 gan:甘干淦 gang:刚钢岗 gao:高郜皋 ge:葛戈格歌舸 geng:耿庚
gong:龚宫公功巩贡恭 gou:苟 gu:顾谷古固 guan:关管冠官观 guang:光广 gui:桂贵归瑰 guo:郭国果帼
han:韩寒汉涵翰晗函含瀚菡邯 hang:杭航 hao:郝浩昊皓豪好灏 he:何贺赫和河荷鹤禾核 heng:衡恒亨
hong:洪红宏鸿弘虹泓 hou:侯厚后 hu:胡虎湖护琥扈 hua:华花桦化 huai:怀淮 huan:欢环焕桓寰
huang:黄皇凰煌璜 hui:惠辉慧会晖卉蕙徽回 huo:霍火获 ji:纪季姬吉基济冀继骥霁积集计记技籍稷
jia:贾家佳嘉加甲迦珈 jian:简建剑坚健键俭鉴涧舰箭间见 jiang:江姜蒋将疆强绛 jiao:焦娇姣蛟皎教骄
jie:杰洁婕节捷解介结界颉 jin:金晋锦瑾谨进近津劲今靳缙 jing:景静晶婧京井敬精菁靖径竟境荆
jiong:炯迥 jiu:九久玖 ju:居菊巨举聚鞠琚局 juan:娟鹃隽涓 jue:珏觉爵 jun:军君俊峻骏郡钧竣珺筠
kai:凯开楷恺锴 kan:阚侃 kang:康亢 ke:柯科克可珂轲恪 ken:肯 kong:孔 kou:寇 kuang:匡况旷
kun:坤昆琨鲲 la:拉 lai:来赖莱 lan:兰蓝岚澜斓 lang:郎朗浪琅 lao:劳 le:乐勒 lei:雷磊蕾垒
leng:冷 li:李黎力丽立利礼理莉里历励栗厉俐璃荔郦 lian:连莲廉练炼涟 liang:梁良亮凉靓
liao:廖辽 lin:林琳霖麟临淋蔺 ling:凌玲灵岭龄令铃菱翎伶领 liu:刘柳留流六浏琉 long:龙隆珑泷
lou:娄楼 lu:卢鲁陆路露鹿禄璐芦潞吕绿律 lv:吕绿律旅侣 luan:栾鸾 lun:伦仑 luo:罗骆洛珞
ma:马麻玛 mai:麦迈 man:满曼蔓 mao:毛茅茂懋 mei:梅美媚玫眉楣 meng:孟蒙梦萌猛 mi:米宓密蜜
mian:勉冕 miao:苗妙淼缪 min:闵敏民珉岷旻玟 ming:明鸣铭名茗 mo:莫墨默茉陌沫 mou:牟缪
mu:穆木牧慕沐睦 na:娜纳那 nai:乃奈 nan:南楠男 nian:年念 ning:宁凝柠 niu:牛钮妞 nong:农浓
nuo:诺 ou:欧鸥区 pan:潘盼攀 pang:庞 pei:裴培佩沛 peng:彭鹏朋蓬澎芃 pi:皮丕 ping:平萍坪屏苹
po:珀 pu:蒲浦普溥璞 piao:朴 qi:齐祁戚琪琦奇旗启其淇骐麒棋绮岐崎祺颀杞 qian:钱倩谦乾千前潜茜虔
qiang:强蔷羌锵 qiao:乔巧桥峤谯 qin:秦钦琴勤沁芹覃 qing:庆青清晴卿擎 qiong:琼穹 qiu:邱秋丘球仇裘
qu:曲屈瞿渠 quan:全权泉荃诠 que:阙雀 qun:群 ran:冉然燃 rao:饶 ren:任仁人 rong:荣容蓉融溶戎榕
rou:柔 ru:如汝茹儒 ruan:阮 rui:瑞睿蕊锐芮 run:润闰 ruo:若 sa:萨 sai:赛 san:三叁 sang:桑 sen:森
sha:沙莎 shan:单山珊善姗杉闪 shang:尚商上 shao:邵少韶绍 she:佘 shen:沈申深神慎莘绅参审
sheng:盛胜生圣晟升笙 shi:石史施时诗士世师实仕识拾市试室 shou:寿守首 shu:舒书淑树殊蜀曙叔
shuai:帅 shuang:双爽霜 shui:水 shun:顺舜 shuo:硕朔 si:司思斯丝四嗣 song:宋松嵩颂淞
su:苏素肃粟宿 sui:隋穗遂 sun:孙 suo:索 tai:台太泰 tan:谭谈坦覃檀 tang:唐汤堂棠 tao:陶涛桃韬滔
teng:滕腾 tian:田天甜添恬填 tie:铁 ting:婷庭亭廷霆挺 tong:童佟同通桐彤瞳统 tu:涂屠图
wan:万宛婉琬湾晚 wang:王汪望旺 wei:魏卫韦伟薇维威巍蔚玮炜微唯为委 wen:文温闻雯稳汶 weng:翁
wo:沃 wu:吴武伍巫邬乌吾午悟舞务雾 xi:席奚喜西希熙曦溪锡夕习晰系茜 xia:夏霞侠
xian:冼仙贤娴鲜先宪显咸献弦 xiang:向项香祥翔湘相想象享 xiao:萧肖晓小笑筱啸潇 xie:谢解协燮
xin:辛新欣心鑫馨信昕忻芯 xing:邢星兴幸杏行 xiong:熊雄 xiu:修秀岫 xu:徐许胥旭绪续序栩煦
xuan:宣轩萱璇玄瑄炫旋 xue:薛雪学 xun:荀寻勋迅询珣 ya:雅亚娅 yan:严颜阎闫燕艳彦岩言妍炎雁晏延琰焱研演
yang:杨阳羊洋扬养仰 yao:姚尧瑶耀遥 ye:叶业野烨晔 yi:易艺伊依怡宜毅亿仪益翼义逸奕一乙以意轶弈
yin:尹殷银音印吟茵寅胤 ying:应英莹颖鹰盈影营缨樱瑛滢 yong:雍永勇泳咏庸 you:尤游友有幽佑优悠
yu:于余俞虞禹宇雨玉羽语钰瑜愉煜昱裕誉渝喻郁毓榆 yuan:袁元原远源媛园苑圆缘渊沅员
yue:岳月悦乐越跃粤玥 yun:云运韵芸昀允筠蕴赟 zai:载宰 zan:赞 zang:臧 ze:泽择则 zeng:曾增
zha:查扎 zhai:翟 zhan:詹展战湛占 zhang:张章长彰璋樟 zhao:赵照昭朝钊兆 zhe:哲浙喆
zhen:甄真珍振震贞桢臻镇 zheng:郑正政征铮峥 zhi:智志芝之知致治至植直枝稚挚 zhong:钟仲中忠众
zhou:周舟洲州 zhu:朱祝诸竹珠柱铸主助 zhuang:庄壮 zhuo:卓灼茁 zi:子紫梓自滋姿 zong:宗综 zou:邹
zu:祖 zuo:左佐作
`;

const READINGS: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const entry of TABLE.split(/\s+/)) {
    const [syllable, chars] = entry.split(':');
    if (!syllable || !chars) continue;
    for (const char of chars) {
      const list = map.get(char) ?? [];
      if (!list.includes(syllable)) list.push(syllable);
      map.set(char, list);
    }
  }
  return map;
})();

/** How many characters the table knows (for the tests and the documentation). */
export const PINYIN_CHARACTER_COUNT = READINGS.size;

/** The readings of one character, or [] when the table does not know it. */
export function pinyinOf(char: string): readonly string[] {
  return READINGS.get(char) ?? [];
}

/**
 * The spellings of a run of Han characters: every combination of readings (capped at `limit`), or [] when
 * any character is unknown.
 */
export function spellings(chars: string, limit = 16): string[] {
  let out = [''];
  for (const char of chars) {
    const readings = pinyinOf(char);
    if (readings.length === 0) return [];
    out = out.flatMap((prefix) => readings.map((r) => prefix + r)).slice(0, limit);
  }
  return out;
}
