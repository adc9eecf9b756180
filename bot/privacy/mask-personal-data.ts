import type { Lang } from "../../knowledge/clause.js";

/**
 * Masks personal data that users paste into notes and questions before anything is
 * stored or logged: Taiwanese national ID and resident certificate numbers, phone
 * numbers, e-mail addresses and payment card numbers (Luhn-checked). The product handles
 * compliance data, so it must itself comply (PDPA Art. 27: proper security measures).
 */
export type PersonalDataKind = "national_id" | "phone" | "email" | "card";

interface MaskResult {
  text: string;
  /** Kinds found, without repeats. */
  kinds: PersonalDataKind[];
}

const LABELS: Record<Lang, Record<PersonalDataKind, string>> = {
  zh: { national_id: "身分證字號", phone: "電話號碼", email: "電子郵件", card: "信用卡號" },
  en: { national_id: "national ID number", phone: "phone number", email: "e-mail address", card: "card number" },
};

/** The name of a kind of personal data, for telling the user what was masked. */
export function personalDataLabel(kind: PersonalDataKind, lang: Lang): string {
  return LABELS[lang][kind];
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// National ID (A123456789) and resident certificates: old (AB12345678) and new (A812345678).
const NATIONAL_ID = /(?<![A-Za-z0-9])[A-Za-z][12ABCDabcd89]\d{8}(?![0-9])/g;
// A run of 13-19 digits, optionally in groups separated by spaces or dashes.
const CARD = /(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])/g;
const PHONE = /(?<![\d])(?:\+?886[ -]?|0)(?:9\d{2}[ -]?\d{3}[ -]?\d{3}|\(?[2-8]\d?\)?[ -]?\d{3,4}[ -]?\d{4})(?![\d])/g;

export function maskPersonalData(text: string, lang: Lang = "zh"): MaskResult {
  const kinds: PersonalDataKind[] = [];
  const mark = (kind: PersonalDataKind) => {
    if (!kinds.includes(kind)) kinds.push(kind);
    return lang === "en" ? `[${LABELS.en[kind]} masked]` : `〔${LABELS.zh[kind]}已遮蔽〕`;
  };
  let out = text.replace(EMAIL, () => mark("email"));
  out = out.replace(NATIONAL_ID, () => mark("national_id"));
  out = out.replace(CARD, (match) => (luhn(match.replace(/\D/g, "")) ? mark("card") : match));
  out = out.replace(PHONE, () => mark("phone"));
  return { text: out, kinds };
}

function luhn(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
