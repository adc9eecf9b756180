/**
 * What a question asks for, and what a clause carries, in the same vocabulary, so the bot
 * quotes the paragraph that holds the answer (the deadline, the fine, the authority ...)
 * rather than the one that merely shares the most words.
 */
export type AnswerKind = "deadline" | "amount" | "authority" | "who" | "bound" | "exception" | "definition" | "contents" | "manner" | "duties";

/** What the asker wants done with data or a contract: PDPA Art. 3/10/11/13 give each its own deadline. */
export type Action = "access" | "copy" | "correct" | "stop" | "delete" | "report" | "notify" | "rescind";

export interface AnswerNeeds {
  kinds: AnswerKind[];
  actions: Action[];
}

const NUM = "[0-9０-９零〇一二兩三四五六七八九十百千萬]+";
const DURATION = new RegExp(
  `${NUM}\\s*(?:個)?\\s*(?:小時|分鐘|工作日|營業日|日|天|星期|週|月|年)|\\b(?:\\d+|one|two|three|four|five|six|seven|ten|fifteen|thirty|sixty|seventy-two)[\\s-]+(?:business |working )?(?:hours?|days?|weeks?|months?|years?)\\b`,
  "i",
);
const AMOUNT = new RegExp(`(?:新臺幣|新台幣)\\s*${NUM}|${NUM}\\s*[萬]?元|NT\\$\\s*\\d|\\bNT dollars\\b`, "i");

const QUESTION: Record<AnswerKind, RegExp> = {
  deadline:
    /(?<![好十])(?:幾天|幾日|幾個?小時|幾個月|幾年)|多久|多少天|多長|期限|時限|何時|什麼時候|多快|時間(?:上的)?限制|從哪[一天日](?:開始)?(?:算|起算)|\bhow (?:long|soon|quickly|many (?:days|hours|months|years))\b|\bdeadline\b|\btime limit\b|\bwithin how\b|\bwhen (?:must|should|do)\b/i,
  // "會不會被罰" asks whether, not how much: an amount question asks for a sum or a range.
  amount:
    /多少錢|多少(?:以下|以上|以內)|門檻|罰.{0,6}(?:多少|範圍|上限|最高|幾萬)|(?:罰鍰|罰款|賠償|賠).{0,6}(?:多少|範圍|上限|最高)|金額|額度|\bhow much\b|\bamount\b|\b(?:maximum|minimum|range of)\b.*\b(?:fine|penalt|compensation)|\bwhat (?:fines?|penalt(?:y|ies))\b/i,
  authority:
    /向誰|通報誰|通知誰|報給誰|給誰|哪個機關|哪一個機關|什麼機關|哪個單位|主管機關是|主管機關.{0,6}(?:是|為)(?:哪|誰|什麼)|哪一?個?部會|哪個主管機關|向哪|\bwhich (?:authority|agency|ministry|government)\b|\bto whom\b|\bwho (?:do|should|must) we (?:report|notify)\b|\breport (?:it )?to whom\b/i,
  // Who within the business does it, approves it, bears it (負責人員, 代表人核定).
  who: /誰要|誰負責|由誰|誰來|誰決定|誰核准|誰簽|\bwho (?:is responsible|must approve|approves|decides|signs|bears)\b/i,
  bound: /適用|受規範|哪些業者|要不要遵守|是否.*需要|\bwho (?:must|is|are|has|bears)\b|\bappl(?:y|ies) to\b|\bcovered\b|\bsubject to\b|\bresponsible\b/i,
  exception: /例外|除外|可以不|不用|不必|免除|豁免|什麼情況下?可以|\bexceptions?\b|\bexempt/i,
  // "算「通訊交易」嗎", "這樣算個人資料嗎" ask whether a defined term covers the case (not 計算, not 算數 "is it valid").
  definition:
    /什麼是|是什麼|何謂|算不算|算是|屬不屬於|是否屬於|定義|指什麼|(?<!計|怎麼|如何|要)算[「『“"][^」』”"]{1,16}[」』”"]|(?:這樣|這種|這個|這些)[^，。？]{0,10}(?<!計|怎麼|如何|要)算(?!數|了)[^，。？]{1,14}嗎|\bcounts? as\b|\bwhat (?:is|are|counts)\b|\bdefin|\bmean\b|\bconsidered\b/i,
  contents:
    /哪些|什麼樣的?|哪幾|內容|記載|包含|包括|寫什麼|寫哪些|項目|事項|\bwhat kinds? of\b|\bwhat (?:information|details|items|must .* (?:contain|include))\b|\bwhich (?:items|details|information)\b|\binclude\b/i,
  // In what form: in writing, electronically, by e-mail (書面同意, 以電子方式為之).
  manner:
    /什麼形式|什麼方式|哪種方式|用什麼|書面|紙本|電子郵件|email|e-mail|\bin (?:what|which) (?:form|way|format)\b|\bin writing\b|\bby (?:e-?mail|post|letter)\b|\bwritten\b/i,
  duties:
    /要做什麼|要做哪些|怎麼辦|該怎麼做|要怎麼處理|要怎麼做|應該做|應採取|有哪些義務|義務|\bwhat (?:should|must|do) we do\b|\bwhat (?:are|is) (?:our|the) (?:obligations?|duties)\b|\bwhat steps\b|\bwhat to do\b/i,
};

const CLAUSE: Record<AnswerKind, RegExp> = {
  deadline: DURATION,
  amount: AMOUNT,
  authority: /本部|本會|主管機關|政府|委員會|數位發展部|法務部|經濟部|\bcompetent authorit|\bgovernment authorit|\bMinistry\b/i,
  who: /代表人|負責人|專責人員|管理人員|授權人員|受託者|應經.{0,12}(?:核定|同意|核准)|由.{1,12}(?:負責|核定|定之)|\brepresentative\b|\bresponsible person|\bdesignated (?:staff|personnel)|\bapprov/i,
  bound: /適用|所稱.*者|應|\bshall\b|\bapplies\b/i,
  exception: /但[^書]|不在此限|除外|不適用|\bunless\b|\bexcept\b|\bnot apply\b|\bprovided,? however\b|\bHowever\b/i,
  definition:
    /係指|指[^定示揮]|稱.{1,20}者|所稱|\bmeans (?:a|an|the|any|that)\b|\brefers to\b|\bas referred to\b|\bshall mean\b|\bthe term\b|["“][^"”]{2,60}["”],?\s+(?:as referred to|includes?|means)/i,
  contents: /下列|如下|左列|所列|應包括|應包含|應記載|應載明|\bfollowing\b|\bshall (?:include|contain|state)\b/i,
  manner: /書面|電子方式|電子文件|電子郵件|以[^，。；]{1,10}方式|\bin writing\b|\belectronic|\be-?mail\b|\bwritten\b/i,
  duties: /應|\bshall\b|\bmust\b/i,
};

const ACTIONS: Record<Action, RegExp> = {
  access: /查詢|查閱|閱覽|查看|調閱|存了.{0,3}哪些|\binquir|\breview\b|\bview\b|\baccess\b|\bsee (?:their|his|her|my)\b/i,
  // A data subject's request for a copy, not "backup copies": the noun alone names no request.
  copy: /複製|副本|複印|影印|印一份|印給|\b(?:a|request(?:s|ed|ing)?|obtain(?:s|ing)?|get|provide)\s+(?:a\s+)?cop(?:y|ies)\b|\bcop(?:y|ies) of (?:their|his|her|my|its|the personal)\b/i,
  correct: /補充|更正|修改|修正|改正|\bcorrect|\bsupplement|\brectif|\bfix\b/i,
  stop: /停止|不要再|\bstop\b|\bceas/i,
  delete: /刪除|抹除|刪掉|移除|清除|\berase|\bdelet|\bremov/i,
  report: /通報|報給|陳報|\breport/i,
  notify: /通知|告知|\bnotif|\binform\b/i,
  rescind: /解除|退貨|\brescind|\brescission|\breturn\b/i,
};

const ARTICLE_REF = /第([一二三四五六七八九十百]+)條(?:之([一二三四五六七八九十]+))?/g;
const ZH_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function zhNumber(text: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch === "十" || ch === "百") {
      total += (digit || 1) * (ch === "十" ? 10 : 100);
      digit = 0;
    } else digit = ZH_DIGIT[ch] ?? 0;
  }
  return total + digit;
}

/** Article numbers a clause refers to in its own regulation ("依第十條規定", "第十九條之二" -> "19-2"), at most two. */
export function articleReferences(text: string): string[] {
  return [...text.matchAll(ARTICLE_REF)].slice(0, 2).map((m) => `${zhNumber(m[1] ?? "")}${m[2] ? `-${zhNumber(m[2])}` : ""}`);
}

/**
 * What a clause carries, its actions completed from the articles it refers to: PDPA
 * Art. 13(1) "受理當事人依第十條規定之請求" is about access (Art. 10) without saying so.
 */
export function carriesWithReferences(text: string, articleText: (article: string) => string | undefined): AnswerNeeds {
  const own = clauseCarries(text);
  const refs = articleReferences(text);
  if (refs.length === 0) return own;
  const inherited = refs.flatMap((a) => clauseCarries(articleText(a) ?? "").actions);
  return { kinds: own.kinds, actions: [...new Set([...own.actions, ...inherited])] };
}

function matching<K extends string>(text: string, patterns: Record<K, RegExp>): K[] {
  return (Object.keys(patterns) as K[]).filter((key) => patterns[key].test(text));
}

/** What a question asks for: its kinds of answer and the actions it names. */
export function questionNeeds(question: string): AnswerNeeds {
  return { kinds: matching(question, QUESTION), actions: matching(question, ACTIONS) };
}

/** What a paragraph or item carries, in the same vocabulary. */
export function clauseCarries(text: string): AnswerNeeds {
  return { kinds: matching(text, CLAUSE), actions: matching(text, ACTIONS) };
}

const FACT_KINDS = new Set<AnswerKind>(["deadline", "amount", "authority"]);

/**
 * How well a clause fits what the question asks (1 = neutral): each asked kind the clause
 * carries raises it; naming only other actions than the asked ones (correction when the
 * asker wants access) lowers it, since such a paragraph carries another deadline.
 */
export function fitOf(needs: AnswerNeeds, carries: AnswerNeeds): number {
  // Duties and "who is bound" match almost every clause ("應"): they do not discriminate.
  const asked = needs.kinds.filter((k) => k !== "duties" && k !== "bound");
  let fit = 1;
  // A deadline, amount or authority question is not answered by a clause without one.
  for (const kind of asked) if (carries.kinds.includes(kind)) fit *= FACT_KINDS.has(kind) ? 2.5 : 1.5;
  if (needs.actions.length > 0 && carries.actions.length > 0) {
    fit *= carries.actions.some((a) => needs.actions.includes(a)) ? 1.5 : 0.4;
  }
  return fit;
}
