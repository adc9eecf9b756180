/**
 * Numerals as regulations write them: Chinese (七十二, 一百十二, 二十萬, 兩), Arabic with
 * thousands separators (50,000), full-width digits (７２), mixed (5萬) and English words
 * (seventy-two, thirty, 1 million). Used to compare a sentence's facts with clause texts.
 */

import { BIG_UNITS as ZH_BIG, DIGITS as ZH_DIGITS, UNITS as ZH_SMALL } from "../../knowledge/index.js";

/** A numeral written in any of the forms above (the regex source, no groups). */
export const NUMERAL = "(?:[0-9０-９](?:[0-9０-９]|[,，.](?=[0-9０-９]))*[十百千萬億]*|[零〇一二兩三四五六七八九十百千萬億]+)";

/** Full-width digits and separators to ASCII. */
function toAscii(text: string): string {
  return text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[，,]/g, "");
}

/** Value of a numeral in Chinese or Arabic (or both, as in 5萬); undefined if not one. */
export function parseNumeral(raw: string): number | undefined {
  const text = toAscii(raw.trim());
  if (text === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  let total = 0;
  let section = 0;
  let current = 0;
  let seen = false;
  for (const token of text.match(/\d+(?:\.\d+)?|./g) ?? []) {
    if (/^\d/.test(token)) {
      current = Number(token);
    } else if (token in ZH_DIGITS) {
      current = ZH_DIGITS[token] ?? 0;
    } else if (token in ZH_SMALL) {
      section += (current || 1) * (ZH_SMALL[token] ?? 1);
      current = 0;
    } else if (token in ZH_BIG) {
      total += (section + current || 1) * (ZH_BIG[token] ?? 1);
      section = 0;
      current = 0;
    } else {
      return undefined;
    }
    seen = true;
  }
  return seen ? total + section + current : undefined;
}

const EN_ONES: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const EN_SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1_000_000, billion: 1e9 };

/** An English number in words or digits, optionally with a scale ("1 million"). */
export const EN_NUMERAL = `(?:\\d(?:\\d|,(?=\\d))*(?:\\.\\d+)?(?:\\s+(?:thousand|million|billion))?|(?:(?:${Object.keys(EN_ONES).join("|")}|hundred|thousand|million|billion)(?:[\\s-]+(?:and[\\s-]+)?)?)+)`;

/** Value of an English numeral ("seventy-two", "20,000", "1 million"); undefined if not one. */
export function parseEnglishNumeral(raw: string): number | undefined {
  const words = raw
    .toLowerCase()
    .replace(/,/g, "")
    .split(/[\s-]+/)
    .filter((w) => w !== "" && w !== "and");
  if (words.length === 0) return undefined;
  let total = 0;
  let current = 0;
  for (const word of words) {
    if (/^\d+(\.\d+)?$/.test(word)) current += Number(word);
    else if (word in EN_ONES) current += EN_ONES[word] ?? 0;
    else if (word === "hundred") current = (current || 1) * 100;
    else if (word in EN_SCALES) {
      total += (current || 1) * (EN_SCALES[word] ?? 1);
      current = 0;
    } else return undefined;
  }
  return total + current;
}
