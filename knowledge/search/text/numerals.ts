/** Chinese numerals as statutes write them (一百十二, 二十七, 七十二, 五千). */

/** Values of the Chinese digits and units statutes use (shared with the grounding check in bot/). */
export const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
export const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
export const BIG_UNITS: Record<string, number> = { 萬: 10_000, 億: 100_000_000 };

export const CHINESE_NUMERAL_CHARS = "零〇一二兩三四五六七八九十百千萬億";

/** Parses a Chinese numeral ("二十七", "十", "一百零五", "五千") or Arabic digits; NaN if neither. */
export function parseChineseNumber(text: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed === "" || [...trimmed].some((ch) => !CHINESE_NUMERAL_CHARS.includes(ch))) return Number.NaN;
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const ch of trimmed) {
    if (ch in DIGITS) {
      digit = DIGITS[ch] ?? 0;
    } else if (ch in UNITS) {
      section += (digit === 0 ? 1 : digit) * (UNITS[ch] ?? 1);
      digit = 0;
    } else if (ch in BIG_UNITS) {
      total += (section + digit) * (BIG_UNITS[ch] ?? 1);
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}
