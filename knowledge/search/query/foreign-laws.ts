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
