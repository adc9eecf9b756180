import { stemmer } from "stemmer";
import { normalizeText } from "./normalize.js";
import { parseChineseNumber } from "./numerals.js";
import { EN_STOPWORDS, ZH_STOPWORDS } from "./stopwords.js";

/**
 * Turns text into index terms. One vocabulary serves documents and queries:
 *   w:<word>    Chinese word from Intl.Segmenter('zh-Hant'), merged with the domain lexicon
 *   b:<two>     Chinese character bigram (recovers words the segmenter splits: 個|資)
 *   n:<value>   a number, whether written 七十二, 72 or ７２ (statutes spell numbers out)
 *   e:<stem>    English word, Porter-stemmed
 */
export interface Analyzer {
  terms(text: string): string[];
  /** Chinese words only (no bigrams), used for translation tables and lead sentences. */
  zhWords(text: string): string[];
  enStems(text: string): string[];
}

const SEGMENTER = new Intl.Segmenter("zh-Hant", { granularity: "word" });
const HAN_RUN = /\p{Script=Han}+/gu;
const EN_WORD = /[a-z][a-z0-9]*(?:-[a-z0-9]+)*/g;
const MAX_MERGE = 6;
// A numeral of one character is a number only before a unit: 七日, 五年, 二倍.
const NUMBER = /(\d+(?:\.\d+)?)|([零〇一二兩三四五六七八九十百千萬]{2,}|[一二兩三四五六七八九十][日年月條項款天倍週次人筆元])/g;

// ICU's dictionary segmentation grows faster than linearly on one long run of Han
// characters (20,000 characters took seconds): segment long runs in windows.
const WINDOW = 200;

function segment(run: string): string[] {
  const words: string[] = [];
  for (let start = 0; start < run.length; start += WINDOW) {
    for (const s of SEGMENTER.segment(run.slice(start, start + WINDOW))) if (s.isWordLike) words.push(s.segment);
  }
  return words;
}

/** Creates an analyzer; `lexicon` holds domain words the segmenter must keep whole (個資, 委外). */
export function createAnalyzer(lexicon: Iterable<string> = []): Analyzer {
  const words = new Set<string>();
  for (const word of lexicon) {
    const normalized = normalizeText(word).replace(/\s+/g, "");
    if ([...normalized].length >= 2) words.add(normalized);
  }

  // Lexicon words by their first character, so finding them in a run costs one lookup per
  // character instead of one substring search per lexicon word (the national ingest).
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    const list = byFirst.get(word[0] as string);
    if (list) list.push(word);
    else byFirst.set(word[0] as string, [word]);
  }

  function zhWords(text: string): string[] {
    const out: string[] = [];
    const present = new Set<string>();
    const push = (word: string) => {
      out.push(word);
      present.add(word);
    };
    for (const run of normalizeText(text).match(HAN_RUN) ?? []) {
      const segments = segment(run);
      for (let i = 0; i < segments.length; i++) {
        let joined = segments[i] ?? "";
        for (let j = i + 1; j < Math.min(segments.length, i + MAX_MERGE); j++) {
          joined += segments[j];
          if (words.has(joined)) push(joined);
        }
        const segment = segments[i] ?? "";
        if (!ZH_STOPWORDS.has(segment)) push(segment);
      }
      // Lexicon words the segmenter cut across segment boundaries in another way.
      for (let i = 0; i < run.length; i++) {
        for (const word of byFirst.get(run[i] as string) ?? []) if (!present.has(word) && run.startsWith(word, i)) push(word);
      }
    }
    return out;
  }

  function enStems(text: string): string[] {
    const out: string[] = [];
    for (const word of normalizeText(text)
      .replace(/[’']s\b/g, "")
      .match(EN_WORD) ?? []) {
      if (EN_STOPWORDS.has(word) || word.length < 2) continue;
      out.push(stemmer(word));
    }
    return out;
  }

  function terms(text: string): string[] {
    const normalized = normalizeText(text);
    const out = zhWords(normalized).map((w) => `w:${w}`);
    for (const run of normalized.match(HAN_RUN) ?? []) {
      const chars = [...run];
      for (let i = 0; i + 1 < chars.length; i++) out.push(`b:${chars[i]}${chars[i + 1]}`);
    }
    for (const match of normalized.matchAll(NUMBER)) {
      const value = match[1] !== undefined ? Number(match[1]) : parseChineseNumber((match[2] ?? "").replace(/[日年月條項款天倍週次人筆元]$/, ""));
      if (Number.isFinite(value)) out.push(`n:${value}`);
    }
    for (const stem of enStems(normalized)) out.push(`e:${stem}`);
    return out;
  }

  return { terms, zhWords, enStems };
}
