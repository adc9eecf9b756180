import type { Lang } from "./clause.js";

const HAN = /\p{Script=Han}/u;

/** Share of Han characters among letters (a Latin letter counts a fifth: words are longer). */
function hanRatio(text: string): number {
  let han = 0;
  let letters = 0;
  for (const ch of text) {
    if (HAN.test(ch)) {
      han++;
      letters++;
    } else if (/[a-z]/i.test(ch)) {
      letters += 0.2;
    }
  }
  return letters === 0 ? 0 : han / letters;
}

/** The language to answer in: Chinese unless the text is mostly Latin script. */
export function detectLang(raw: string): Lang {
  // A pasted clause id or PCODE (K0010162:8) says nothing about the asker's language.
  const text = raw.replace(/\b[A-Z]\d{7}(?::[\d-]+)*/gi, " ");
  if (!/[a-z\p{Script=Han}]/iu.test(text)) return "zh";
  return hanRatio(text) >= 0.3 ? "zh" : "en";
}
