import type { ClauseRecord } from "../../../knowledge/index.js";
import { clause } from "./clauses.js";
import { createFakeKnowledge } from "./fake-knowledge.js";

/**
 * A few clauses quoted verbatim from the official files (../shared/corpus/moj, 2024-10-11)
 * and a three-item checklist: enough for the engine and channel tests, without the corpus.
 */
const PDPA = { lawZh: "個人資料保護法", asOf: "2023-05-31" };
const PDPA_EN = { ...PDPA, lang: "en" as const, law: "Personal Data Protection Act" };
const RETAIL = {
  lawZh: "網際網路零售業及網際網路零售服務平台業個人資料檔案安全維護計畫及業務終止後個人資料處理作業辦法",
  status: "repealed" as const,
  asOf: "2023-11-21",
};
const MODA = { lawZh: "數位經濟相關產業個人資料檔案安全維護管理辦法", asOf: "2023-10-12" };

const P27 = [
  "非公務機關保有個人資料檔案者，應採行適當之安全措施，防止個人資料被竊取、竄改、毀損、滅失或洩漏。",
  "中央目的事業主管機關得指定非公務機關訂定個人資料檔案安全維護計畫或業務終止後個人資料處理方法。",
  "前項計畫及處理方法之標準等相關事項之辦法，由中央目的事業主管機關定之。",
];
const P27_EN =
  "Non-government agencies in possession of personal data files shall implement proper security measures to prevent the personal data from being stolen, altered, damaged, destroyed or disclosed.";
const RETAIL_9_1_12 =
  "委託他人蒐集、處理或利用個人資料之全部或一部時，應有選任受託人之標準及評估機制，且應於委託契約或相關文件明確約定適當之監督方式，並確實執行。";
const MODA_19 = [
  "業者受委託蒐集、處理或利用個人資料者，應遵循委託者之中央目的事業主管機關所定之個人資料相關法規。",
  "業者委託他人蒐集、處理或利用個人資料者，應對受託者依本法施行細則第八條規定為適當之監督，並於委託契約或相關文件中，明確約定其內容。",
];

const FIXTURE_CLAUSES: ClauseRecord[] = [
  clause("I0050021:27", P27.join("\n"), PDPA),
  ...P27.map((text, i) => clause(`I0050021:27:${i + 1}`, text, PDPA)),
  clause("I0050021:27", P27_EN, PDPA_EN),
  clause("I0050021:27:1", P27_EN, PDPA_EN),
  clause("J0080052:9", `除法律另有規定外，網際網路零售業應就下列事項訂定具體程序或機制，並提出有效方式維持其運作：\n十二、${RETAIL_9_1_12}`, RETAIL),
  clause("J0080052:9:1:12", `十二、${RETAIL_9_1_12}`, RETAIL),
  clause("K0010162:19", MODA_19.join("\n"), MODA),
  ...MODA_19.map((text, i) => clause(`K0010162:19:${i + 1}`, text, MODA)),
];

const item = (id: string, zh: string, en: string, clauses: string[]) => ({
  id,
  section: "security",
  item_zh: zh,
  item_en: en,
  question_zh: `是否${zh}？`,
  question_en: `Do you ${en.toLowerCase()}?`,
  evidence_zh: [`${zh}紀錄`],
  evidence_en: [`${en} records`],
  guidance_zh: `${zh}的說明。`,
  guidance_en: `Why ${en.toLowerCase()}.`,
  remediation_zh: `請建立${zh}程序。`,
  remediation_en: `Set up a procedure to ${en.toLowerCase()}.`,
  clauses,
  cases: ["vendor-check"],
});

const FIXTURE_CHECKLIST = {
  id: "mini",
  version: "2026.1",
  title_zh: "迷你自評表",
  title_en: "Mini checklist",
  description_zh: "測試用的三題自評表。",
  description_en: "A three-item checklist for tests.",
  aliases: ["迷你"],
  sections: [{ id: "security", title_zh: "安全維護", title_en: "Security" }],
  items: [
    item("MN-01", "採行安全措施", "Take security measures", ["I0050021:27:1"]),
    item("MN-02", "監督受託者", "Supervise processors", ["K0010162:19:2"]),
    item("MN-03", "訂定安全維護計畫", "Keep a security plan", ["I0050021:27:2"]),
  ],
};

/** The fake knowledge source every fake-based test uses. */
export function fixtureKnowledge() {
  return createFakeKnowledge({
    clauses: FIXTURE_CLAUSES,
    successors: { "J0080052:9:1:12": { to: ["K0010162:19:2"], repealedOn: "2023-11-21", note: "委外監督改由第19條第2項規定。" } },
    notes: { "I0050021:27": { zh: "白話：保有個資就要做好安全措施。", en: "Plain words: keep personal data safe." } },
    cases: [
      {
        id: "vendor-check",
        zh: { title: "物流商外洩", summary: "委外物流標籤外洩。" },
        en: { title: "Logistics leak", summary: "Labels leaked at a vendor." },
      },
    ],
    checklists: [FIXTURE_CHECKLIST],
    scope: ["I0050021", "K0010162"],
  });
}
