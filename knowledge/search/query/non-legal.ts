/**
 * Questions no clause can answer however well we search: a business choice, a price or a
 * market figure ("綠界還是藍新比較便宜？", "什麼時段發文轉單率最高？"), what a rule or a
 * fee will be in the future ("明年罰款會不會再提高？"), or a company's own rules (a
 * marketplace's penalty points, a card network's chargeback deadlines, an ad platform's
 * policy), or how to configure a system (SPF and DKIM records, an API). The statutes say what the law requires now; quoting the nearest article would
 * look like an answer and is none.
 */
export type NonLegalKind = "business" | "future" | "private" | "technical";

// A choice between options, a superlative or comparison of results, a market figure.
const BUSINESS =
  /(?:還是|或是).{1,24}(?:比較|哪[一個家款]|划算)|哪[一]?[個家款][^，。？]{0,8}(?:比較|最)|(?:用|選)哪[一]?[個家款種](?:工具|平台|廠商|系統|軟體|服務|金流|物流)|比較(?:好|便宜|划算|快|合理|有效|前面|不會)|最(?:便宜|划算|有效)|轉單率|轉換率|點擊率|開信率|搜尋排名|營業額大概|業績|營收|銷量|曝光|流量|行情|評分|行銷預算|廣告預算|(?:才會|才能)(?:比較)?(?:高|好|多|快|前面|衝)|\b(?:which|what)\b.{0,30}\b(?:better|cheaper|cheapest|best)\b|\b(?:conversion|open|click(?:-through)?) rates?\b|\bbest time to\b|\bmarketing budget\b|\bboost (?:sales|revenue)\b|\bROI\b|你覺得|你會推薦|推薦哪|幫我(?:寫|想)[^，。？]{0,12}(?:文案|名字|品牌名|標語|描述|貼文|口號)|有什麼(?:方法|辦法|技巧)可以(?:拉高|提高|降低|增加|衝)|怎麼設計才(?:能|會)|值得投入|該跟進|跟不跟進|大概要花多少|市場.{0,6}規模|最常用哪|比例大概|回購率|放棄率|客單價|觸及率|互動率|幾點發|怎麼設計比較(?:能|會)|\bdo you think\b|\bwrite (?:a|an|some)\b.{0,30}\b(?:description|copy|slogan|post|names?)\b|\bhow much should we (?:budget|spend)\b|\bwho are the (?:top|main|biggest)\b.{0,20}\bcompetitors?\b|\bis it worth\b|\bshould we offer\b|\bmore effective\b/iu;
// What a rule, a fine or a fee will become.
const FUTURE =
  /(?:明年|下個?月|下半年|之後|未來|將來|以後).{0,24}(?:會不會|會).{0,6}(?:再)?(?:提高|調高|調漲|漲價|漲|調降|降低|修法|修正|改變|更改|調整|開放)|會(?:調漲|調高|提高)多少|會(?:調|漲|升)到多少|\b(?:next year|in the future)\b.{0,40}\b(?:increase|rise|go up|change)|\bwill\b.{0,40}\b(?:fines?|fees?|rates?|rules?)\b.{0,20}\b(?:increase|rise|go up|change)|\bwill\b.{0,40}\b(?:raise|change)\b.{0,40}\b(?:next year|again|in the next)/iu;
// Words that make it a question about the law after all ("…還是…比較好？依規定要不要告知？").
const LEGAL =
  /法律|法規|規定|多久|幾天|期限|提前|要不要|需不需要|算不算|是否|計入|可以.{0,30}嗎|能否|(?:以上|以下|未滿)(?:就|才)?要|登記|許可|執照|條文|第\s*[0-9０-９一二三四五六七八九十百-]+\s*條|違反|違法|合法|義務|責任|權利|主管機關|罰|可以嗎|能不能|得否|必須|一定要|依法|需要.{0,12}嗎|要.{0,12}嗎|\blaws?\b|\blegal(?:ly)?\b|\brequire[ds]?\b|\bmust\b|\ballowed\b|\bpermitted\b|\bfines?\b|\bpenalt|\bregulat|\bcomply\b|\boblig/iu;

// Marketplaces, platforms, card networks, payment and logistics companies.
const COMPANIES =
  "蝦皮|Shopee|momo|PChome|露天|樂天|Rakuten|Yahoo|奇摩|Amazon|亞馬遜|FBA|Meta|Facebook|臉書|Instagram|IG|Google|YouTube|TikTok|抖音|LINE|Apple|App Store|Google Play|Visa|Mastercard|萬事達|JCB|PayPal|Stripe|Shopify|Shopline|91APP|Cyberbiz|綠界|藍新|街口|全支付|foodpanda|Uber ?Eats|黑貓|宅配通|新竹物流|7-11|7-ELEVEN|統一超商|全家|萊爾富|Pinkoi|Etsy|eBay";
// The company's own rule, fee or review: "蝦皮…會被記幾點", "Visa規定…", "Meta's advertising policy".
const COMPANY = `(?<![A-Za-z])(?:${COMPANIES})(?![A-Za-z])`;
const PRIVATE_RULE = new RegExp(
  `${COMPANY}[^。？?！!]{0,30}?(?:的)?(?:規定|政策|規範|條款|規則|審核|計分|[記扣]幾?點|扣分|違規點|停權|限制上架|降權|帳戶健康|抽成|手續費|服務費|費率|佣金|成交費|上架費|保證金|合約|方案|尺寸|重量上限|賠償上限|申訴|撥款)|${COMPANY}(?:'s)?[^.?!]{0,40}?\\b(?:polic(?:y|ies)|rules?|guidelines?|terms|requirements?|requires?|imposes?|charges?|commission|fees?|review (?:process|guidelines|team)|penalt(?:y|ies)|points|suspend|let us|allows? us|reason codes?)\\b|\\b(?:polic(?:y|ies)|rules?|reason codes?|fees?|commission)\\b[^.?!]{0,24}?\\b(?:does|do|of|from|by|at|on)\\s+${COMPANY}`,
  "iu",
);
// Words that make it a question about the law ("蝦皮規定賣家要留身分證，這樣合法嗎？").
const LAW_WORD =
  /(?<![方辦做作想看說用無設手寫算取語])法(?![人院官師])|主管機關|違反|違規定|罰|條文|第\s*[0-9０-９一二三四五六七八九十百-]+\s*條|負責|責任|賠償|\b(?:laws?|acts?|statutes?|regulations?|regulators?|legal(?:ly)?|illegal|lawful|liable|liability|sued?|court|damages|PDPA)\b/iu;

// How to configure a system: "SPF、DKIM 要怎麼設定", "how do I set up the Shopify API".
const TECHNICAL =
  /(?:怎麼|如何|要怎麼)(?:設定|串接|安裝|架設|寫程式)|\b(?:how (?:do|can|should) (?:I|we)|how to)\s+(?:set up|configure|install|integrate|code)\b|\b(?:SPF|DKIM|DMARC|DNS record|webhook|SDK)\b/iu;

/** What kind of non-legal question this is, or undefined for a question a clause may answer. */
export function nonLegalKind(text: string): NonLegalKind | undefined {
  if (FUTURE.test(text)) return "future";
  if (PRIVATE_RULE.test(text) && !LAW_WORD.test(text)) return "private";
  if (BUSINESS.test(text) && !LEGAL.test(text)) return "business";
  if (TECHNICAL.test(text) && !LAW_WORD.test(text) && !LEGAL.test(text)) return "technical";
  return undefined;
}
