/**
 * Short names of regulations, as people write them. Most follow one convention: the first
 * character of each of the first two words of the name, then 法 or 條例 (勞動|基準|法 ->
 * 勞基法, 個人|資料|保護法 -> 個資法, 勞工|保險|條例 -> 勞保條例); derivedShortNames applies it
 * to every act (法律) of the database. The curated list holds the ones that break it
 * (公平交易法 is 公平法, not 公交法) and colloquial names of sectors' acts.
 */
export const CURATED_SHORT_NAMES: Record<string, string> = {
  公平法: "公平交易法",
  勞基法: "勞動基準法",
  消保法: "消費者保護法",
  個資法: "個人資料保護法",
  資安法: "資通安全管理法",
  電簽法: "電子簽章法",
  電支條例: "電子支付機構管理條例",
  電支法: "電子支付機構管理條例",
  直銷法: "多層次傳銷管理法",
  傳銷法: "多層次傳銷管理法",
  營業稅法: "加值型及非加值型營業稅法",
  性平法: "性別平等工作法",
  性工法: "性別平等工作法",
  食安法: "食品安全衛生管理法",
  職安法: "職業安全衛生法",
  勞退條例: "勞工退休金條例",
  勞退: "勞工退休金條例",
  身權法: "身心障礙者權益保障法",
  金控法: "金融控股公司法",
  洗錢法: "洗錢防制法",
  著作權: "著作權法",
  // What English speakers call them ("Under Taiwan's labor law, …").
  "labor law": "勞動基準法",
  "labour law": "勞動基準法",
  "labor laws": "勞動基準法",
  "labour laws": "勞動基準法",
  "labor rules": "勞動基準法",
  "labour rules": "勞動基準法",
  "Labor Standards Law": "勞動基準法",
  "competition law": "公平交易法",
  "Fair Trade Law": "公平交易法",
  "Trademark Law": "商標法",
  "Copyright Law": "著作權法",
  "Customs Law": "關稅法",
  "food safety law": "食品安全衛生管理法",
  "Consumer Protection Law": "消費者保護法",
};

const SEGMENTER = new Intl.Segmenter("zh-Hant", { granularity: "word" });
const SUFFIX = /(法|條例)$/;

/** Conventional short names of an act's Chinese name ("" when the convention does not apply). */
export function derivedShortNames(nameZh: string): string[] {
  const rules = /施行細則$/.test(nameZh) ? "施行細則" : "";
  const base = rules ? nameZh.slice(0, -rules.length) : nameZh;
  const suffix = SUFFIX.exec(base)?.[1];
  if (!suffix) return [];
  const stem = base.slice(0, -suffix.length);
  if ([...stem].length < 4) return [];
  let words = [...SEGMENTER.segment(stem)].filter((s) => s.isWordLike).map((s) => s.segment);
  // The dictionary keeps some four-character compounds whole (勞工保險): two words of two.
  if (words.length === 1 && [...stem].length === 4) words = [stem.slice(0, 2), stem.slice(2)];
  if (words.length < 2 || words.some((w) => !/^\p{Script=Han}+$/u.test(w))) return [];
  const short = `${words[0]?.[0]}${words[1]?.[0]}${suffix}${rules}`;
  return short !== nameZh ? [short] : [];
}

/** Everyday words for a sector that its regulations' names spell otherwise. */
export const SECTOR_WORDS: Record<string, string> = {
  直銷: "多層次傳銷",
  傳直銷: "多層次傳銷",
  傳銷: "多層次傳銷",
  電支: "電子支付",
  婚友社: "婚友",
  婚介: "婚姻媒合",
};
