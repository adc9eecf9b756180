import type { Lang } from "../../knowledge/clause.js";
import type { KnowledgeSource, RetrievalResult } from "../../knowledge/index.js";
import type { Answer, Citation } from "./answer.js";
import { labelOf, statusLabel } from "./labels.js";

/** Fixed texts of answers, Traditional Chinese (Taiwan) first. */
export const SOURCE_LINE: Record<Lang, string> = {
  zh: "資料來源：法務部全國法規資料庫",
  en: "Source: Laws & Regulations Database of the R.O.C. (Taiwan), Ministry of Justice (資料來源：法務部全國法規資料庫)",
};

/** Longest quote in the lead, in characters (English words are longer than Chinese ones). */
const MAX_LEAD_QUOTE = { zh: 160, en: 320 } as const;

/**
 * The opening: a repealed rule's warning first, then the direct answer (`direct`, cut from
 * the clauses and checked against them) or, when there is none, the best clause quoted.
 * 另請參閱 names only clauses the answer needs next: a successor or a clause the asker named.
 */
export function leadText(citations: Citation[], lang: Lang, direct?: string[]): string {
  const first = citations[0];
  if (!first) return "";
  const lines: string[] = [];
  let quoted = first;
  if (first.status === "repealed") {
    const current = citations.find((c) => c.status === "in_force" && first.successor?.ids.some((id) => id.startsWith(c.articleId)));
    lines.push(
      lang === "en"
        ? `Note: ${first.label} was repealed on ${first.successor?.repealedOn ?? first.asOf}.${first.successor ? ` The duty now lives in ${first.successor.labels.join(", ")}.` : ""}`
        : `注意：${first.label}已於 ${first.successor?.repealedOn ?? first.asOf} 廢止。${first.successor ? `現行規定請見${first.successor.labels.join("、")}。` : ""}`,
    );
    if (current) quoted = current;
  }
  if (direct && direct.length > 0) return [...lines, ...direct].join("\n");
  lines.push(quoteLine(quoted, lang));
  const second = citations.find(
    (c) => c !== quoted && c !== first && c.status === "in_force" && (c.source === "successor" || c.source === "reference") && c.pcode !== quoted.pcode,
  );
  if (second) lines.push(lang === "en" ? `See also ${second.label}.` : `另請參閱${second.label}。`);
  return lines.join("\n");
}

function quoteLine(citation: Citation, lang: Lang): string {
  const sentence = firstSentences(citation.quote, MAX_LEAD_QUOTE[citation.textLang]);
  const status = citation.status === "in_force" ? "" : lang === "en" ? ` (${statusLabel(citation.status, lang)})` : `（${statusLabel(citation.status, lang)}）`;
  if (lang === "en") {
    const untranslated = citation.textLang === "zh" ? " (official Chinese text; no English translation is published)" : "";
    return `Under ${citation.label}${status}${untranslated}: "${sentence}"`;
  }
  return `依${citation.label}${status}：「${sentence}」`;
}

/** The first sentence(s) of a clause, up to a length; an omission is marked with ……. */
function firstSentences(text: string, max: number): string {
  const flat = text.replace(/\n/g, " ");
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const end = Math.max(cut.lastIndexOf("。"), cut.lastIndexOf("；"), cut.lastIndexOf("："), cut.lastIndexOf(". "), cut.lastIndexOf("; "));
  if (end > 40) return `${cut.slice(0, end + 1)}……`;
  // English: never cut inside a word.
  const space = cut.lastIndexOf(" ");
  return /[a-z]/i.test(cut) && space > 40 ? `${cut.slice(0, space)} …` : `${cut}……`;
}

/** Before our clauses on the duty a foreign law's article was asked about: they are ours, not that law's. */
export function equivalentsNote(law: string, lang: Lang): string {
  // A Han-script name is a Taiwanese law we do not hold (勞基法), not a foreign one (GDPR).
  const domestic = /\p{Script=Han}/u.test(law);
  if (domestic) {
    return lang === "en"
      ? `I don't hold ${law}, so I cannot quote it or say what its article provides, and I will not read it as another law's article of the same number. The clauses below are from the regulations I hold and may be related (not ${law} itself):`
      : `我沒有收錄「${law}」，無法引用或說明它的條文，也不會把它當成其他法規的同號條文。以下是我收錄的法規中可能相關的條文（並非「${law}」本身）：`;
  }
  return lang === "en"
    ? `I don't hold ${law}, so I cannot quote it or say what its article provides, and I will not read it as our article of the same number. The clauses below are Taiwan's rules on the same duty (corresponding rules, not ${law} itself):`
    : `我沒有收錄「${law}」，無法引用或說明它的條文，也不會把它當成我國法規的同號條文。以下是我國法規中規範相同事項的條文（對應規定，並非「${law}」本身）：`;
}

/** A visible warning for a clause that is repealed or not yet in force. */
export function warningText(citation: Citation, lang: Lang): string | undefined {
  if (citation.status === "repealed") {
    const successor = citation.successor ? citation.successor.labels.join(lang === "en" ? ", " : "、") : undefined;
    return lang === "en"
      ? `⚠ ${citation.law} was repealed on ${citation.successor?.repealedOn ?? citation.asOf}; do not rely on it.${successor ? ` Current rule: ${successor}.` : ""}`
      : `⚠ 《${citation.lawZh}》已於 ${citation.successor?.repealedOn ?? citation.asOf} 廢止，請勿再作為依據。${successor ? `現行規定：${successor}。` : ""}`;
  }
  if (citation.promulgated) {
    const note = citation.promulgated.note;
    return lang === "en"
      ? `⚠ ${citation.label}: an amendment was promulgated on ${citation.promulgated.asOf} but is not yet in force; the text quoted is the one in force.${note ? ` (${note})` : ""}`
      : `⚠ ${citation.label}：修正條文已於 ${citation.promulgated.asOf} 公布、尚未施行，以下引用現行施行中的條文。${note ? `（${note}）` : ""}`;
  }
  if (citation.status === "not_yet_in_force") {
    return lang === "en"
      ? `⚠ ${citation.label} is not yet in force: the text shown was promulgated but may not be in force yet.${citation.effectiveNote ? ` (${citation.effectiveNote})` : ""}`
      : `⚠ ${citation.label}尚未施行：所示為已公布的條文，目前可能尚未生效。${citation.effectiveNote ? `（${citation.effectiveNote}）` : ""}`;
  }
  return undefined;
}

/** Tells the reader that only the beginning of a very long question was searched. */
export function withTruncationNote(answer: Answer, chars: number): Answer {
  const note = answer.lang === "en" ? `Your message was long; I searched with its first ${chars} characters.` : `訊息較長，我只依前 ${chars} 字搜尋。`;
  return { ...answer, suggestions: [...answer.suggestions, note], text: `${answer.text}\n\n• ${note}` };
}

/** When part of an answered question belongs to a field we do not cover: say where to look. */
export function partlyElsewhere(result: RetrievalResult, lang: Lang): string[] {
  const field = result.otherField;
  if (!field) return [];
  return lang === "en"
    ? [`Part of this question concerns ${field.name}, which the regulations quoted here do not cover. Where to look: ${field.where}`]
    : [`這題有一部分涉及「${field.name}」，不在上述法規的範圍。建議查詢：${field.where}`];
}

/** What the bot says when it cannot answer, and where it suggests looking. */
export function abstentionText(result: RetrievalResult, lang: Lang, knowledge: KnowledgeSource): { lead: string; suggestions: string[] } {
  const scopeNames = heldRegulations(knowledge, lang);
  if (result.reason === "unknown_reference") {
    return lang === "en"
      ? {
          lead: "I could not find the clause you referred to. Please check the article number and the regulation's name.",
          suggestions: [`Write it like "PDPA Article 27" or "Enforcement Rules Article 8".`],
        }
      : { lead: "查無您所指的條文，請確認法規名稱與條號。", suggestions: ["可以這樣寫：「個資法第27條」、「施行細則第8條第1項」。"] };
  }
  const nonLegal = nonLegalText(result.reason, lang);
  if (nonLegal) return nonLegal;
  const field = result.otherField;
  if (lang === "en") {
    const lead = result.unknownLaw
      ? `I don't know: "${result.unknownLaw}" is not among the regulations I hold, so I cannot quote it.`
      : field && result.pointers?.length
        ? `I won't answer this one: it is a question of ${field.name}, outside what I answer for an online retailer (personal data, consumer protection, cybersecurity), and I cannot vouch for an answer from that field's regulations.`
        : field
          ? `I don't know: this is a question of ${field.name}, which the regulations I hold do not cover.`
          : "I don't know: none of the regulations I hold answers this question, and I would rather not guess.";
    return {
      lead,
      suggestions: [
        ...(field ? [`Where to look: ${field.where}`] : []),
        ...pointersText(result, lang, knowledge),
        ...(result.closestLaws?.length ? [`Closest names I hold: ${result.closestLaws.map((l) => l.name).join("; ")}.`] : []),
        `I cover: ${scopeNames}.`,
        "Try the words the regulations use (e.g. 'commission', 'collect', 'cross-border transfer'), or name the regulation and article.",
        "For other laws, search the Laws & Regulations Database: https://law.moj.gov.tw/Eng/",
      ],
    };
  }
  const lead = result.unknownLaw
    ? `這題我無法回答：「${result.unknownLaw}」不在我收錄的法規範圍內，我不能引用它的條文。`
    : field && result.pointers?.length
      ? `這題我不回答：它屬於「${field.name}」的範圍，不是我為網路零售業回答的範圍（個資、消保、資安），我沒有把握用該領域的法規回答。`
      : field
        ? `這題我無法回答：它屬於「${field.name}」的範圍，我收錄的法規沒有規定。`
        : "這題我無法回答：我收錄的法規中找不到能回答這個問題的條文，我不想用不相關的條文湊答案。";
  return {
    lead,
    suggestions: [
      ...(field ? [`建議查詢：${field.where}`] : []),
      ...pointersText(result, lang, knowledge),
      ...(result.closestLaws?.length ? [`資料庫中名稱最接近的法規：${result.closestLaws.map((l) => `《${l.name}》`).join("、")}。`] : []),
      `我收錄的法規：${scopeNames}。`,
      "可以改用法規用語再問（例如「委託」、「蒐集」、「國際傳輸」），或直接指明法規與條號（例如「個資法第27條」）。",
      "其他法規請查詢全國法規資料庫：https://law.moj.gov.tw/",
    ],
  };
}

/**
 * The neighbouring field's articles the database holds: where to read, not an answer. Named
 * by label only: quoting them would read as an answer the assistant did not vouch for.
 */
function pointersText(result: RetrievalResult, lang: Lang, knowledge: KnowledgeSource): string[] {
  const labels = (result.pointers ?? []).flatMap((id) => {
    const clause = knowledge.clause(id, lang) ?? knowledge.clause(id, "zh");
    return clause ? [labelOf(clause, lang)] : [];
  });
  if (labels.length === 0) return [];
  const first = result.pointers?.[0] ?? "";
  const name = (lang === "en" ? knowledge.clause(first, "en")?.lawName : undefined) ?? knowledge.clause(first, "zh")?.lawNameZh ?? "";
  return lang === "en"
    ? [
        `The database holds this field's regulations; articles that may be relevant, which I have not checked against your question: ${labels.join("; ")}.`,
        `To have them quoted as an answer, name the regulation in your question (e.g. "Under ${name}, …").`,
      ]
    : [
        `資料庫收錄這個領域的法規，可能相關的條文（我未確認能回答您的問題）：${labels.join("、")}。`,
        `指明法規再問一次，我會引用條文回答，例如「依${name}，…」。`,
      ];
}

type Reply = { lead: string; suggestions: string[] };

/** Questions no clause answers (non-legal.ts), and what we say instead, per language. */
const NON_LEGAL: Partial<Record<NonNullable<RetrievalResult["reason"]>, Record<Lang, Reply>>> = {
  business: {
    zh: {
      lead: "這題屬於商業選擇或市場資訊，法規條文不會規定，我無法用條文回答。",
      suggestions: ["如果想知道這個決定涉及的法律義務（同意、告知、委外監督、廣告內容），可以這樣問：「把客戶資料交給金流業者前，依法要確認什麼？」"],
    },
    en: {
      lead: "That is a business decision or a market figure, not something a regulation settles, so I cannot answer it from the clauses I hold.",
      suggestions: [
        "If you want to know what the law requires of the choice (consent, notice, outsourcing, advertising claims), ask that: e.g. 'What must we check before sharing customer data with a payment provider?'",
      ],
    },
  },
  private: {
    zh: {
      lead: "這題問的是企業自訂的規則、費用或審核標準（電商平台、廣告平台、發卡組織等），不是法規規定的事項，我無法用條文回答；請查該企業的賣家條款或說明中心。",
      suggestions: ["如果想知道這種情況下台灣法規的要求（退貨、與平台共享個資、廣告內容），可以這樣問：「在電商平台下單的訂單，也適用七天無條件退貨嗎？」"],
    },
    en: {
      lead: "That is a company's own rule, fee or review standard (a marketplace's, a platform's or a card network's), not something a regulation sets, so I cannot answer it from the clauses I hold. The company's seller terms or help centre say it.",
      suggestions: [
        "If you want to know what Taiwanese law requires in that situation (returns, personal data shared with the platform, advertising claims), ask that: e.g. 'Does the 7-day return right apply to orders placed on a marketplace?'",
      ],
    },
  },
  technical: {
    zh: {
      lead: "這題是系統設定或技術操作的問題，法規條文不會規定怎麼做，我無法用條文回答；請查該系統的技術文件。",
      suggestions: ["如果想知道這套系統涉及的法律義務（個資的安全措施、委外廠商的監督、行銷郵件的退訂），可以這樣問：「寄送電子報依法要提供什麼退訂方式？」"],
    },
    en: {
      lead: "That is a question of how to configure a system, which no regulation spells out, so I cannot answer it from the clauses I hold; the system's documentation says how.",
      suggestions: [
        "If you want to know what the law requires of that system (security measures for personal data, supervising the vendor, opting out of marketing mail), ask that: e.g. 'What must our newsletter offer customers who want to stop receiving it?'",
      ],
    },
  },
  future: {
    zh: {
      lead: "法規或費用未來會怎麼改，我無法回答：我只引用已公布的條文，條文不會預告自己的修正。",
      suggestions: ["可以問現行規定（例如「個資外洩依法會被罰多少？」）；有新修正公布後，輸入「法規更新」即可查看變動。"],
    },
    en: {
      lead: "I cannot say what a rule or fee will become: I quote only the texts as published, and no clause foretells its own amendment.",
      suggestions: ["Ask what applies now (e.g. 'What are the PDPA fines for a data breach?'); when an amendment is published, 'what changed' lists it."],
    },
  },
};

/** A business choice, a company's own rule, a how-to or a question about the future: no clause answers it, and we say why. */
function nonLegalText(reason: RetrievalResult["reason"], lang: Lang): Reply | undefined {
  return reason ? NON_LEGAL[reason]?.[lang] : undefined;
}

/** Every regulation loaded, the asker's scope first, a repealed one marked: what the bot holds. */
export function heldRegulations(knowledge: KnowledgeSource, lang: Lang): string {
  const scope = knowledge.scopeSummaries(lang).map((s) => s.pcode);
  const seen = new Set<string>();
  const regulations = knowledge
    .regulations()
    .filter((r) => !seen.has(r.pcode) && seen.add(r.pcode) !== undefined)
    .map((r) => knowledge.regulation(r.pcode, lang) ?? r)
    .sort((a, b) => rank(scope, a.pcode) - rank(scope, b.pcode));
  // At national scale (11,547 regulations) the list names the asker's scope and counts the
  // rest: the database's first files (the Constitution, the National Assembly) say nothing.
  const shown = regulations.length > MAX_LISTED ? regulations.filter((r) => scope.includes(r.pcode)).slice(0, MAX_LISTED) : regulations;
  const more = regulations.length - shown.length;
  const tail = more > 0 ? (lang === "en" ? `; and ${more} more regulations of the national database` : `，以及全國法規資料庫其他 ${more} 部法規`) : "";
  return `${shown
    .map((r) => {
      const repealed = r.status === "repealed" ? (lang === "en" ? " (repealed)" : "（已廢止）") : "";
      return lang === "en" ? `${r.name}${repealed}` : `《${r.nameZh}》${repealed}`;
    })
    .join(lang === "en" ? "; " : "、")}${tail}`;
}

const MAX_LISTED = 40;

function rank(scope: string[], pcode: string): number {
  const i = scope.indexOf(pcode);
  return i < 0 ? scope.length : i;
}

export { statusLabel };

/** Other regulations a name in the question could also mean (a repealed namesake, an ambiguous short name). */
export function otherLawsText(result: RetrievalResult, lang: Lang, knowledge: KnowledgeSource): string[] {
  const names = (result.otherLaws ?? []).flatMap((pcode) => {
    const regulation = knowledge.regulation(pcode, lang);
    if (!regulation) return [];
    const repealed = regulation.status === "repealed" ? (lang === "en" ? " (repealed)" : "（已廢止）") : "";
    return [lang === "en" ? `${regulation.name}${repealed}` : `《${regulation.name}》${repealed}`];
  });
  if (names.length === 0) return [];
  return [
    lang === "en"
      ? `The name you wrote can also mean ${names.join("; ")}; this answer quotes the regulation in force.`
      : `您寫的名稱也可能指${names.join("、")}；以上依現行有效的法規回答。`,
  ];
}
