/**
 * The ministries and commissions people name in a question ("通報金管會", "衛生局來查"),
 * with the names their regulations' 法規類別 carries (行政＞金融監督管理委員會＞…). A
 * question that names an authority is about the regulations it administers: among 11,547
 * they are the asker's scope too, with no notes written for any of them.
 */
const AUTHORITIES: Array<{ said: RegExp; category: string[] }> = [
  { said: /金管會|金融監督管理委員會|\bFSC\b|Financial Supervisory Commission/i, category: ["金融監督管理委員會"] },
  { said: /勞動部|勞工局|勞動局|勞動檢查|勞檢|\bMinistry of Labou?r\b/i, category: ["勞動部", "勞工委員會"] },
  { said: /衛福部|衛生福利部|衛生局|食藥署|\bTFDA\b|\bMinistry of Health\b/i, category: ["衛生福利部", "衛生署"] },
  { said: /財政部|國稅局|稅捐處|\bMinistry of Finance\b/i, category: ["財政部"] },
  { said: /經濟部|智慧財產局|智財局|標準檢驗局|標檢局|\bMinistry of Economic Affairs\b/i, category: ["經濟部"] },
  { said: /數位發展部|數位部|數發部|\bMODA\b/i, category: ["數位發展部"] },
  { said: /通傳會|國家通訊傳播委員會|\bNCC\b/i, category: ["國家通訊傳播委員會"] },
  { said: /環境部|環保局|環保署|\bMinistry of (?:the )?Environment\b/i, category: ["環境部", "環境保護署"] },
  { said: /公平會|公平交易委員會|\bFair Trade Commission\b/i, category: ["公平交易委員會"] },
  { said: /交通部|觀光署|觀光局|\bMinistry of Transportation\b/i, category: ["交通部"] },
  { said: /農業部|農委會|\bMinistry of Agriculture\b/i, category: ["農業部", "農業委員會"] },
  { said: /文化部|\bMinistry of Culture\b/i, category: ["文化部"] },
  { said: /教育部|\bMinistry of Education\b/i, category: ["教育部"] },
];

/** The 法規類別 names of the authorities a question names. */
export function namedAuthorities(text: string): string[] {
  return AUTHORITIES.filter((a) => a.said.test(text)).flatMap((a) => a.category);
}
