/**
 * Laws of other jurisdictions people name when they ask about ours ("GDPR Article 33",
 * "Article 17 of the CCPA", 「歐盟GDPR第33條」). The corpus holds none of them, and their
 * article numbers mean nothing in ours: a reference to one must never be read as the PDPA
 * article of the same number. Names of the well-known ones, plus the general shapes
 * "ACRONYM Article N" (an acronym we do not know as an alias) and "Article N of the X Act".
 */
const KNOWN = [
  "UK GDPR",
  "EU GDPR",
  "GDPR",
  "General Data Protection Regulation",
  "CCPA",
  "CPRA",
  "California Consumer Privacy Act",
  "HIPAA",
  "COPPA",
  "PIPEDA",
  "PIPL",
  "APPI",
  "LGPD",
  "PDPO",
  "DSGVO",
  "RGPD",
  "ePrivacy Directive",
  "Data Protection Act 2018",
  "一般資料保護規則",
  "一般資料保護規範",
  "通用數據保護條例",
  "個人信息保護法",
  "個人情報保護法",
  "個人情報の保護に関する法律",
];

const KNOWN_PATTERN = new RegExp(KNOWN.map((name) => (/^[A-Za-z]/.test(name) ? `\\b${name.replace(/\s+/g, "\\s+")}\\b` : name)).join("|"), "gi");
const COUNTRIES = "德國|美國|歐盟|日本|韓國|南韓|中國大陸|中國|大陸|英國|法國|新加坡|香港|澳門|澳洲|加拿大|越南|泰國|馬來西亞|印尼|菲律賓|印度|加州";
// The country, at most eight characters that say nothing of Taiwan, then what names a law.
const COUNTRY_LAW = new RegExp(`(?:${COUNTRIES})(?:的)?(?:(?!台灣|臺灣|我國|什麼|依|跟|和)\\p{Script=Han}){1,8}?(?:法|條例|指令|規則)(?![人院律])`, "gu");

export interface ForeignLawMention {
  name: string;
  start: number;
  end: number;
}

/** Foreign laws named in the text, with where they stand; `known` are our own regulations' mentions (PDPA). */
export function findForeignLaws(text: string, known: Array<{ start: number; end: number }>): ForeignLawMention[] {
  const ours = (start: number, end: number) => known.some((k) => start < k.end && k.start < end);
  const found: ForeignLawMention[] = [];
  for (const m of text.matchAll(KNOWN_PATTERN)) {
    const start = m.index ?? 0;
    if (!ours(start, start + m[0].length)) found.push({ name: m[0], start, end: start + m[0].length });
  }
  // "德國包裝法", "歐盟的人工智慧法": a law named after another country or union.
  for (const m of text.matchAll(COUNTRY_LAW)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (!ours(start, end) && !found.some((f) => f.start < end && start < f.end)) found.push({ name: m[0], start, end });
  }
  // "XYZA Article 5", "XYZA Art. 5": an acronym that is none of our regulations' aliases.
  for (const m of text.matchAll(/\b([A-Z][A-Za-z]{1,3}[A-Z])(?=\s*(?:Art(?:icle)?\.?|§|第)\s*\d)/g)) {
    const name = m[1] ?? "";
    const start = m.index ?? 0;
    if (!ours(start, start + name.length) && !found.some((f) => f.start <= start && start < f.end)) {
      found.push({ name, start, end: start + name.length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

// Certifications, registrations and taxes of other jurisdictions (Japan's PSE, the US FDA
// facility registration, China's CCC, Korea's KC, the EU's CE mark, Singapore's GST), and
// certification against a private standard (ISO 9001, SOC 2).
const FOREIGN_SCHEMES =
  /(?<![A-Za-z])(?:PSE|FDA|CCC|KC|CE|UKCA|FCC|CPSIA|GST)(?![A-Za-z])(?:\s?(?:認證|標章|標誌|標示|登記|mark(?:ing)?|certification|registration|tracking label|強制認證))?/u;
const STANDARD_CERTIFICATION = /(?<![A-Za-z])(?:ISO\s?\d{4,5}|SOC\s?[12])(?![0-9])(?=[^。？?]{0,30}(?:驗證|認證|稽核|certif|audit))/iu;
const EN_PLACES =
  "California|Japan(?:ese)?|Korea(?:n)?|EU|European(?: Union)?|German(?:y)?|UK|British|US|U\\.S\\.|United States|American|China|Chinese|Singapore(?:an)?|Hong Kong|Australia(?:n)?|Canad(?:a|ian)|France|French|Thai(?:land)?|Vietnam(?:ese)?|Malaysia(?:n)?";
// "California's sales tax", "Japanese consumption tax", "Korea's Personal Information Protection Act".
const EN_PLACE_RULE = new RegExp(
  `\\b(?:${EN_PLACES})(?:'s)?\\s+(?:[A-Z][A-Za-z]+\\s+){0,4}?(?:sales tax|consumption tax|VAT|GST|law|laws|rules|regulations?|Act|certification|marking|mark)\\b|\\b(?:the\\s+)?(?:EU|US|U\\.S\\.)\\s+(?:require|requires|mandate)`,
  "u",
);
// 「日本的消費稅」, 「新加坡的 GST」: a tax of another jurisdiction.
const ZH_PLACE_TAX = new RegExp(`(?:${COUNTRIES})(?:的|當地)?\\s?(?:消費稅|銷售稅|增值稅|商品及服務稅|GST|VAT)`, "u");

/**
 * A scheme the question asks about without naming a law: another jurisdiction's
 * certification, registration or tax ("California's sales tax", 「日本的PSE認證」), or
 * certification against a private standard (「ISO 9001 驗證」). The database holds Taiwan's
 * regulations only. Undefined when none is asked about.
 */
export function findSchemeNotHeld(text: string): string | undefined {
  for (const pattern of [FOREIGN_SCHEMES, STANDARD_CERTIFICATION, EN_PLACE_RULE, ZH_PLACE_TAX]) {
    const found = pattern.exec(text)?.[0];
    if (found) return found.trim();
  }
  return undefined;
}
