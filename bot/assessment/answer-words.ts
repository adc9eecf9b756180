import type { CheckResult } from "../../knowledge/index.js";

/**
 * The words and signs people answer a checklist item with. Leading words are read at the
 * start of a clause ("有，…", "not yet, …"); inside words anywhere in it ("我們目前沒有…",
 * "…，所以不適用"). Order matters: 不適用 before 不/否, 沒有 before 有, 尚未 before 已.
 */

export const LEAD_NA = /^(不適用|無適用|不需適用|並不適用|n\.a\.?|n\/?a\b|not applicable(?: to us| for us| here)?|does not apply|doesn'?t apply|irrelevant)/i;
/** Starts with 沒 but agrees: 沒錯, 沒問題. */
export const LEAD_YES_DESPITE_NEGATION = /^(沒錯|沒問題|無誤)/;
export const LEAD_NO =
  /^(否|不是|不符合|沒有|沒|尚無|暫無|無|未|尚未|還沒|還未|不曾|從未|不|no\b|nope\b|not yet\b|not\b|never\b|we don'?t\b|we do not\b|we haven'?t\b|we have not\b|we have no\b|n\b)/i;
export const LEAD_YES =
  /^(是|是的|有|有的|已|已經|對|符合|當然|完成|yes\b|yep\b|yup\b|yeah\b|y\b|done\b|we do\b(?! not)|we have\b(?! (?:no|not|never)\b)|correct\b|sure\b|true\b|absolutely\b|definitely\b|of course\b|certainly\b)/i;

/** 不適用 anywhere: the reason often comes first ("我們沒有委外，所以不適用"). */
export const NA_INSIDE = /不適用|無須適用|n\.a\.|\bn\/a\b|not applicable|does not apply|doesn'?t apply/i;
/** A clause that is only "(所以)不適用": the rest of the text is the reason, i.e. the note. */
export const NA_CLAUSE_ONLY =
  /^\s*(所以|因此|故|因而|因為這樣|so|hence|therefore|thus)?\s*(此題|本題|這題|這項|本項|this item|this)?\s*(不適用|n\.a\.?|n\/a|not applicable|does not apply|doesn'?t apply)\s*[。.!！]*\s*$/i;

export const NEGATION_INSIDE =
  /(?:還在|仍在|正在)\p{Script=Han}{0,8}?(?:規劃|評估|討論|處理|進行|建置|準備|研議|找)|(?:規劃|進行|建置|討論|評估|研議|準備)中|\b(?:working on it|in progress|still working)\b|沒有|還沒|還未|尚未|尚無|暫無|並無|並未|從未|不曾|未曾|無法|未(?=[建訂簽做辦執實設導公定有完落納])|沒(?=[做建訂簽寫辦執實設導公])|不符合|\b(?:don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|isn'?t|aren'?t|not|never)\b/iu;
export const YES_INSIDE =
  /(?:做|完成|弄好|建立|訂定|設定|簽|上線|公告)了|(?:我們|公司|本公司|目前|現在|都|皆|均|也|確實)(?:有|已經?|會)|已經?(?!規劃|預計|計畫|排定)\p{Script=Han}|\b(?:we|i)\s+(?:do|did|have|has)\b(?!\s*(?:not|no|never)\b)|\balready\b|\bin place\b/iu;

/** Sentence-final particles after an answer word: 有喔, 是的, 沒有耶. */
export const PARTICLES = /^[的喔啊啦耶呀哦欸囉唷]+/;

/** "有，但還沒…" / "yes, but not …": a clause that takes back part of a yes. */
export const BUT = /^\s*(但|但是|不過|可是|只是|but|however|though|except)/i;
/** The same inside one clause: "有做但不完整". */
export const BUT_NOT = /(但|但是|不過|可是|只是|\bbut\b|\bhowever\b|\bexcept\b)[^。.]*?(不|沒|未|\bnot\b|n't\b)/i;

/** Says yes and no at once: 是也不是, 有也沒有, yes and no, 是/否. */
export const CONTRADICTION = /^(是|有|對)\s*[也又和或/／、]?\s*(不是|沒有|不對|否)|^(yes|no)\s*(and|or|\/)\s*(no|yes)\b|^(是|有)\s*[/／]\s*(否|無|沒有)/i;

export const HEDGE =
  /((?<![這此那該])部分|一部分|不[太很大敢]?(?:確定|清楚|知道)|大概|也許|或許|可能|好像|應該(?=[有沒是不已還會])|應該有吧|差不多|大致|看情況|不一定|partly|partially|partial|not sure|unsure|maybe|perhaps|sometimes|depends|i think|kind of|sort of|more or less|[?？])/i;

const SKIN = "[\\u{1F3FB}-\\u{1F3FF}]?\\uFE0F?";
/** Common emoji for 是 / 否 / 不適用 (a Taiwanese form marks 是 with ⭕). */
export const EMOJI: Array<[CheckResult, RegExp]> = [
  ["yes", new RegExp(`(?:✅|✔|☑|👍|👌|⭕|🆗)${SKIN}`, "gu")],
  ["no", new RegExp(`(?:❌|✖|👎|✗|✘)${SKIN}`, "gu")],
  ["na", new RegExp(`(?:➖|🚫)${SKIN}`, "gu")],
];

/** Separates clauses: Chinese and Latin punctuation; a full stop only before a space or the end ("N.A.", "2024.3"). */
export const CLAUSE_BREAK = /[，,。;；:：！!\n]|\.(?=\s|$)/;
/** What may stand between the answer word and its note. */
export const NOTE_LEAD = /^[\s，,。.;；:：、！!\-－—（(【[]+/;
/** A note given in brackets after the answer word: "不適用（我們沒有會員系統）". */
export const BRACKETED = /^\s*[（(【[](.*)[）)】\]]\s*$/s;
