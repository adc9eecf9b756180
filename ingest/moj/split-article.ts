import { parseChineseNumber } from "../../knowledge/search/text/numerals.js";

/**
 * Splits the text of one article (條文內容) into its paragraphs (項), items (款) and
 * sub-items (目). MOJ files separate lines with "\r\n"; a line that starts with an item
 * marker (一、 / "1.") belongs to the paragraph above it, a line that starts with a
 * sub-item marker (（一） / "(1)") belongs to the item above it; any other line opens a
 * new paragraph. Text is kept verbatim apart from trailing spaces.
 */
export interface SubItemPart {
  number: number;
  text: string;
}
export interface ItemPart {
  number: number;
  text: string;
  subItems: SubItemPart[];
}
export interface ParagraphPart {
  number: number;
  text: string;
  items: ItemPart[];
}

const ZH_ITEM = /^([一二三四五六七八九十百]+)、/;
const ZH_SUB_ITEM = /^[（(]([一二三四五六七八九十]+)[）)]/;
const EN_ITEM = /^(\d+)\.(?!\d)/;
const EN_SUB_ITEM = /^[（(](\d+)[）)]/;

export function splitArticle(text: string): ParagraphPart[] {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.replace(/\s+$/u, ""))
    .filter((line) => line.trim() !== "");
  const paragraphs: ParagraphPart[] = [];
  for (const raw of lines) {
    const line = raw.trimStart();
    const subItemNumber = markerNumber(line, ZH_SUB_ITEM) ?? markerNumber(line, EN_SUB_ITEM);
    const itemNumber = subItemNumber === undefined ? (markerNumber(line, ZH_ITEM) ?? markerNumber(line, EN_ITEM)) : undefined;
    const paragraph = paragraphs.at(-1);
    const item = paragraph?.items.at(-1);
    if (subItemNumber !== undefined && item) {
      item.subItems.push({ number: subItemNumber, text: line });
    } else if (itemNumber !== undefined && paragraph) {
      paragraph.items.push({ number: itemNumber, text: line, subItems: [] });
    } else {
      paragraphs.push({ number: paragraphs.length + 1, text: line, items: [] });
    }
  }
  return paragraphs;
}

function markerNumber(line: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(line);
  if (!match?.[1]) return undefined;
  const value = parseChineseNumber(match[1]);
  return Number.isNaN(value) ? undefined : value;
}

/** The full text of a paragraph with its items and sub-items, one per line. */
export function paragraphText(paragraph: ParagraphPart): string {
  return [paragraph.text, ...paragraph.items.map(itemText)].join("\n");
}

/** The full text of an item with its sub-items, one per line. */
export function itemText(item: ItemPart): string {
  return [item.text, ...item.subItems.map((sub) => sub.text)].join("\n");
}
