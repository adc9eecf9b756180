/**
 * Authorities (機關) a sentence can name, in Chinese with their official English names.
 * A lexicon rather than a pattern: "X部" as a pattern also matches 全部/內部 and swallows
 * the verb before a ministry's name (通報數位發展部), which would flag true sentences.
 */
export interface AuthorityName {
  /** Canonical Chinese name. */
  zh: string;
  en: string[];
}

export const AUTHORITY_NAMES: AuthorityName[] = [
  { zh: "數位發展部", en: ["Ministry of Digital Affairs", "MODA"] },
  { zh: "數位產業署", en: ["Administration for Digital Industries"] },
  { zh: "資通安全署", en: ["Administration for Cyber Security"] },
  { zh: "個人資料保護委員會籌備處", en: ["Preparatory Office of the Personal Data Protection Commission"] },
  { zh: "個人資料保護委員會", en: ["Personal Data Protection Commission", "PDPC"] },
  { zh: "國家發展委員會", en: ["National Development Council"] },
  { zh: "行政院消費者保護會", en: ["Consumer Protection Committee of the Executive Yuan"] },
  { zh: "消費者保護官", en: ["consumer ombudsman", "consumer ombudsmen"] },
  { zh: "行政院", en: ["Executive Yuan"] },
  { zh: "法務部", en: ["Ministry of Justice"] },
  { zh: "經濟部", en: ["Ministry of Economic Affairs"] },
  { zh: "內政部", en: ["Ministry of the Interior"] },
  { zh: "財政部", en: ["Ministry of Finance"] },
  { zh: "教育部", en: ["Ministry of Education"] },
  { zh: "交通部", en: ["Ministry of Transportation and Communications"] },
  { zh: "勞動部", en: ["Ministry of Labor"] },
  { zh: "衛生福利部", en: ["Ministry of Health and Welfare"] },
  { zh: "文化部", en: ["Ministry of Culture"] },
  { zh: "外交部", en: ["Ministry of Foreign Affairs"] },
  { zh: "國防部", en: ["Ministry of National Defense"] },
  { zh: "農業部", en: ["Ministry of Agriculture"] },
  { zh: "環境部", en: ["Ministry of Environment"] },
  { zh: "金融監督管理委員會", en: ["Financial Supervisory Commission"] },
  { zh: "國家通訊傳播委員會", en: ["National Communications Commission"] },
  { zh: "公平交易委員會", en: ["Fair Trade Commission"] },
  { zh: "中央銀行", en: ["Central Bank"] },
  { zh: "直轄市、縣（市）政府", en: ["special municipality, county or city government", "municipal or county (city) government"] },
  { zh: "中央目的事業主管機關", en: ["central government authority in charge of the industry concerned"] },
  { zh: "目的事業主管機關", en: ["government authority in charge of the industry concerned"] },
  { zh: "中央主管機關", en: ["central competent authority"] },
  { zh: "主管機關", en: ["competent authority", "competent authorities"] },
  { zh: "警察機關", en: ["police"] },
];

/** Words a clause uses for the body that issued it ("本部" = the ministry in its 法規類別). */
export const SELF_REFERENCES = ["本部", "本會", "本署", "本院", "this Ministry", "the Ministry", "this Commission"];

/**
 * The issuing body of a regulation from its 法規類別 ("行政＞數位發展部＞數位產業目" ->
 * 數位發展部; "行政＞院本部＞消費者保護目" -> 行政院; "廢止法規＞數位發展部" -> 數位發展部).
 */
export function issuingAuthority(category: string | undefined): string | undefined {
  const segment = category?.split(/[＞>]/)[1]?.trim();
  if (segment === undefined || segment === "") return undefined;
  return segment === "院本部" ? "行政院" : segment;
}
