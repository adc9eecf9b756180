/**
 * Grounding check for a sentence we (or a model) say about the law: every number,
 * duration, amount, date and authority in it must appear in one of the clauses it rests on.
 * A compliance tool that states a deadline its clause does not carry does harm, so the
 * offline lead and every model sentence pass through `unsupportedFacts` before anyone sees them.
 */
import { AUTHORITY_NAMES, SELF_REFERENCES } from "./authorities.js";
import { EN_NUMERAL, NUMERAL, parseEnglishNumeral, parseNumeral } from "./numerals.js";

export type FactKind = "number" | "duration" | "amount" | "percent" | "count" | "date" | "authority";

export interface Fact {
  kind: FactKind;
  /** The words as written in the text. */
  raw: string;
  /** Normalised form compared across texts: "duration:72小時", "amount:50000元", "date:2023-10-12". */
  key: string;
  value?: number;
}

/** A clause as the check needs it; `authority` is the issuing body its 本部/本會 stands for. */
export interface GroundingClause {
  text: string;
  authority?: string;
}

const N = NUMERAL;
const EN = `\\b${EN_NUMERAL}`;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** References and markers whose digits are not facts: 第8條第2項, Art. 8(2), 附表二, list numbers. */
const NOT_FACTS: RegExp[] = [
  /《[^》]*》/g,
  /\b[A-Z]\d{7}(?::[\d-]+)*/g,
  new RegExp(`第\\s*${N}(?:\\s*-\\s*\\d+)?(?:\\s*條\\s*之\\s*${N})?`, "g"),
  new RegExp(`${N}\\s*[條項款目章節編]`, "g"),
  new RegExp(`(?:附表|附件|表|格式)\\s*${N}`, "g"),
  /\b(?:Articles?|Arts?\.|Paragraphs?|paras?\.|Subparagraphs?|subparas?\.|Items?|Chapter|Section|Schedule|Attachment|Annex|Table|Form)\s*\d+(?:-\d+)?(?:\s*\(\d+\))*(?:\s*(?:,|and|to|or)\s*\d+(?:-\d+)?(?:\s*\(\d+\))*)*/gi,
  /^\s*(?:\d+[.、)]|[一二三四五六七八九十]+、)/gm,
  // English item markers inside a flattened clause: "following information: 1. the name; 2. …"
  /(?<=^|[\s:;：；,，])\d{1,2}\.(?=\s|…|$)/gm,
  /[（(][0-9一二三四五六七八九十]+[)）]/g,
];

function isoDate(year: number, month: number, day: number): string {
  const y = year < 1000 ? year + 1911 : year; // 民國 years
  return `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const UNIT_ZH: Record<string, string> = { 天: "日", 營業日: "工作日", 星期: "週", 周: "週", 個月: "月" };
function unitEn(unit: string): string {
  const u = unit.toLowerCase().replace(/s$/, "");
  if (u.startsWith("business") || u.startsWith("working")) return "工作日";
  return { hour: "小時", minute: "分鐘", day: "日", week: "週", month: "月", year: "年" }[u] ?? u;
}

type Rule = [RegExp, (m: RegExpExecArray) => Omit<Fact, "raw"> | undefined];
const num = (kind: FactKind, value: number | undefined, unit = ""): Omit<Fact, "raw"> | undefined =>
  value === undefined ? undefined : { kind, value, key: `${kind}:${value}${unit}` };

/** Order matters: each match is masked before the next rule runs (dates before durations). */
const RULES: Rule[] = [
  [
    new RegExp(`(?:中華)?民國\\s*(${N})\\s*年\\s*(${N})\\s*月\\s*(${N})\\s*日`, "g"),
    (m) => date(isoDate(parseNumeral(m[1] ?? "") ?? 0, parseNumeral(m[2] ?? "") ?? 0, parseNumeral(m[3] ?? "") ?? 0)),
  ],
  [
    new RegExp(`(${N})\\s*年\\s*(${N})\\s*月\\s*(${N})\\s*日`, "g"),
    (m) => date(isoDate(parseNumeral(m[1] ?? "") ?? 0, parseNumeral(m[2] ?? "") ?? 0, parseNumeral(m[3] ?? "") ?? 0)),
  ],
  [/\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/g, (m) => date(isoDate(Number(m[1]), Number(m[2]), Number(m[3])))],
  [
    /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})\b/gi,
    (m) => date(isoDate(Number(m[3]), MONTHS.indexOf((m[1] ?? "").toLowerCase()) + 1, Number(m[2]))),
  ],
  [
    /\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b/gi,
    (m) => date(isoDate(Number(m[3]), MONTHS.indexOf((m[2] ?? "").toLowerCase()) + 1, Number(m[1]))),
  ],
  [new RegExp(`(${N})\\s*月\\s*(${N})\\s*日`, "g"), (m) => date(`--${pad(m[1])}-${pad(m[2])}`)],
  [new RegExp(`(?:民國\\s*)(${N})\\s*年(?!\\s*(?:內|以內|以上|以下|後|間))`, "g"), (m) => date(String((parseNumeral(m[1] ?? "") ?? 0) + 1911))],
  [new RegExp(`(?:新臺幣|新台幣)\\s*(${N})\\s*[元圓]?|(${N})\\s*[元圓]`, "g"), (m) => num("amount", parseNumeral(m[1] ?? m[2] ?? ""), "元")],
  [
    new RegExp(`(?:NT\\$|NTD|TWD)\\s*(${EN_NUMERAL})|${EN}\\s*(?:New Taiwan|NT)\\s*dollars`, "gi"),
    (m) => num("amount", parseEnglishNumeral(m[1] ?? m[0].replace(/\s*(?:New Taiwan|NT)\s*dollars/i, "")), "元"),
  ],
  [new RegExp(`百分之\\s*(${N})|(${N})\\s*[%％]`, "g"), (m) => num("percent", parseNumeral(m[1] ?? m[2] ?? ""))],
  [new RegExp(`(${EN})\\s*(?:%|percent)`, "gi"), (m) => num("percent", parseEnglishNumeral(m[1] ?? ""))],
  [
    new RegExp(`(${N})\\s*(小時|分鐘|工作日|營業日|個月|日|天|星期|週|周|月|年)`, "g"),
    (m) => num("duration", parseNumeral(m[1] ?? ""), UNIT_ZH[m[2] ?? ""] ?? m[2]),
  ],
  [
    new RegExp(`(${EN})[\\s-]*(?:\\(\\d+\\)\\s*)?(business days?|working days?|hours?|minutes?|days?|weeks?|months?|years?)\\b`, "gi"),
    (m) => num("duration", parseEnglishNumeral(m[1] ?? ""), unitEn(m[2] ?? "")),
  ],
  [new RegExp(`(${N})\\s*(筆|件|次|倍|名|人|家|位)`, "g"), (m) => (m[1] === "一" ? undefined : num("count", parseNumeral(m[1] ?? ""), m[2]))],
  [/\b\d[\d,]*(?:\.\d+)?\b|[０-９]+/g, (m) => num("number", parseNumeral(m[0]))],
];

function pad(raw: string | undefined): string {
  return String(parseNumeral(raw ?? "") ?? 0).padStart(2, "0");
}
function date(iso: string): Omit<Fact, "raw"> {
  return { kind: "date", key: `date:${iso}` };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
const AUTHORITY_FORMS = AUTHORITY_NAMES.flatMap((a) => [a.zh, ...a.en].map((form) => ({ form, zh: a.zh }))).sort((x, y) => y.form.length - x.form.length);
const AUTHORITY_PATTERN = new RegExp(
  AUTHORITY_FORMS.map(({ form }) => (/^[A-Za-z]/.test(form) ? `\\b${escapeRegExp(form)}\\b` : escapeRegExp(form))).join("|"),
  "gi",
);

/** Every number, duration, amount, percentage, count, date and authority in `text`. */
export function extractFacts(text: string): Fact[] {
  const facts: Fact[] = [];
  let rest = text.replace(/\r/g, "");
  rest = rest.replace(AUTHORITY_PATTERN, (raw) => {
    const zh = AUTHORITY_FORMS.find(({ form }) => form.toLowerCase() === raw.toLowerCase())?.zh ?? raw;
    facts.push({ kind: "authority", raw, key: `authority:${zh}` });
    return " ";
  });
  for (const pattern of NOT_FACTS) rest = rest.replace(pattern, " ");
  for (const [pattern, read] of RULES) {
    rest = rest.replace(pattern, (...args) => {
      const match = Object.assign(
        args.slice(0, -2).map((a) => (a === undefined ? undefined : String(a))),
        {
          index: 0,
          input: "",
        },
      ) as unknown as RegExpExecArray;
      const fact = read(match);
      if (fact !== undefined) facts.push({ ...fact, raw: match[0].trim() });
      return " ";
    });
  }
  return facts;
}

function supportedBy(fact: Fact, clauseFacts: Fact[], clauses: GroundingClause[]): boolean {
  if (clauseFacts.some((c) => c.key === fact.key)) return true;
  if (fact.kind === "number") return clauseFacts.some((c) => c.value === fact.value);
  if (fact.kind === "date" && fact.key.startsWith("date:--")) {
    return clauseFacts.some((c) => c.kind === "date" && c.key.endsWith(fact.key.slice("date:--".length)));
  }
  if (fact.kind === "authority") {
    const zh = fact.key.slice("authority:".length);
    return clauses.some((c) => c.authority?.includes(zh) === true && SELF_REFERENCES.some((s) => c.text.includes(s)));
  }
  return false;
}

/**
 * The facts of `sentence` (as written in it) that none of `clauses` contains: numerals
 * compared by value (七十二小時 = 72 hours, 新臺幣五萬元 = NT$50,000), authorities by name
 * or by a clause's 本部 standing for its `authority`. Empty when the sentence is grounded.
 */
export function unsupportedFacts(sentence: string, clauses: GroundingClause[]): string[] {
  return [...new Set(findUnsupported(sentence, clauses).map((fact) => fact.raw))];
}

/** The same check, returning the facts themselves (with their kind) rather than their words. */
export function findUnsupported(sentence: string, clauses: GroundingClause[]): Fact[] {
  const clauseFacts = clauses.flatMap((c) => extractFacts(c.text));
  return extractFacts(sentence).filter((fact) => !supportedBy(fact, clauseFacts, clauses));
}
