import { afterAll, beforeAll } from "vitest";
import type { Retriever } from "../../knowledge/index.js";
import { describeRetrieverContract, type RetrieverContractCases } from "../support/contracts/retriever.contract.js";
import { tempDir } from "../support/corpus.js";
import { createFakeRetriever, FIXTURE_RULES, fixtureKnowledge } from "../support/fakes/index.js";
import { testRuntime } from "../support/runtime.js";

// The real corpus (../shared/corpus/moj): both pipelines share one index.
const CORPUS: RetrieverContractCases = {
  exact: [
    { text: "個資法第27條", lang: "zh", articleId: "I0050021:27" },
    { text: "PDPA Article 27", lang: "en", articleId: "I0050021:27" },
    { text: "個人資料保護法施行細則第8條第2項", lang: "zh", articleId: "I0050022:8", focus: "I0050022:8:2" },
    // A PCODE written out, and our own clause ids pasted back.
    { text: "J0080052 第12條", lang: "zh", articleId: "J0080052:12" },
    { text: "K0010162:8", lang: "zh", articleId: "K0010162:8" },
    { text: "I0050021:27:1", lang: "zh", articleId: "I0050021:27", focus: "I0050021:27:1" },
  ],
  repealed: { text: "網路零售業個資辦法第9條第1項第12款", lang: "zh", articleId: "J0080052:9", successors: ["K0010162:19", "K0010162:4"] },
  unknownLaw: [
    { text: "勞基法的加班費怎麼算", lang: "zh" },
    { text: "商標法規定商標要怎麼註冊？", lang: "zh" },
    // A law we do not hold, with an article number: never our article of the same number.
    { text: "勞動基準法第24條", lang: "zh" },
    { text: "勞基法第30條", lang: "zh" },
  ],
  broad: { text: "個人資料外洩要怎麼通報", lang: "zh" },
};

const data = tempDir("retriever-contract-");
const retrievers: Record<"hybrid" | "bm25", Retriever | undefined> = { hybrid: undefined, bm25: undefined };
beforeAll(async () => {
  retrievers.hybrid = (await testRuntime(data.path, {}, "hybrid")).retriever;
  retrievers.bm25 = (await testRuntime(data.path, {}, "bm25")).retriever;
});
afterAll(() => data.cleanup());

const opened = (name: keyof typeof retrievers) => () => {
  const retriever = retrievers[name];
  if (!retriever) throw new Error(`${name} retriever not opened`);
  return retriever;
};

describeRetrieverContract("hybrid (BM25F + vectors)", opened("hybrid"), CORPUS);
describeRetrieverContract("bm25 (hybrid without the vector side)", opened("bm25"), CORPUS);

// The fake the engine tests use keeps the same contract over its fixture clauses.
const knowledge = fixtureKnowledge();
describeRetrieverContract("fake (tests/support/fakes)", () => createFakeRetriever(FIXTURE_RULES, knowledge), {
  exact: [
    { text: "個資法第27條第1項", lang: "zh", articleId: "I0050021:27", focus: "I0050021:27:1" },
    { text: "PDPA Article 27", lang: "en", articleId: "I0050021:27" },
  ],
  repealed: { text: "舊辦法的委外規定", lang: "zh", articleId: "J0080052:9", successors: ["K0010162:19"] },
  unknownLaw: [{ text: "勞基法的加班費怎麼算", lang: "zh" }],
  broad: { text: "安全措施有哪些", lang: "zh" },
});
