/** Text normalisation shared by documents and queries. */

/** Full-width ASCII (Ａ-Ｚ, ０-９, ．) to half-width, lower case; CJK punctuation is kept. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (ch) => {
      const code = ch.charCodeAt(0);
      // Keep full-width brackets and punctuation that statutes use as markers.
      if (ch === "（" || ch === "）" || ch === "，" || ch === "：" || ch === "；") return ch;
      return String.fromCharCode(code - 0xfee0);
    })
    .replace(/\u3000/g, " ")
    .toLowerCase();
}
