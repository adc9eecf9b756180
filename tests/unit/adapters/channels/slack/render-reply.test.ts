import { describe, expect, it } from "vitest";
import { homeView } from "../../../../../adapters/channels/slack/blocks/home-view.js";
import { clauseModal } from "../../../../../adapters/channels/slack/blocks/modals.js";
import { decodeButton } from "../../../../../adapters/channels/slack/button-value.js";
import { incomingText, MAX_TEXT_CHARS } from "../../../../../adapters/channels/slack/payload-to-turn.js";
import { renderReply } from "../../../../../adapters/channels/slack/render-reply.js";
import type { Answer, Citation, Reply } from "../../../../../bot/index.js";
import { buttonsOf, limitProblems, textOf } from "../../../../support/slack/slack-blocks.js";

// Synthetic texts, longer than any real clause, to push every limit.
const long = (n: number) => "非公務機關保有個人資料檔案者，應採行適當之安全措施 <script> & 防止個人資料被竊取。".repeat(Math.ceil(n / 40)).slice(0, n);

function citation(i: number, extra: Partial<Citation> = {}): Citation {
  return {
    id: `I0050021:${27 + i}`,
    articleId: `I0050021:${27 + i}`,
    pcode: "I0050021",
    law: "個人資料保護法",
    lawZh: "個人資料保護法",
    article: String(27 + i),
    path: [],
    label: `《個人資料保護法》第${27 + i}條`,
    quote: long(5000),
    articleText: long(20_000),
    textLang: "zh",
    url: `https://law.moj.gov.tw/LawClass/LawSingle.aspx?pcode=I0050021&flno=${27 + i}`,
    lawUrl: "https://law.moj.gov.tw/LawClass/LawAll.aspx?pcode=I0050021",
    status: "in_force",
    asOf: "2023-05-31",
    score: 1,
    source: "search",
    ...extra,
  };
}

function answer(citations: Citation[]): Answer {
  return { lang: "zh", question: "q", abstained: false, lead: long(5000), citations, cases: [], warnings: [long(4000)], suggestions: [], text: long(50_000) };
}

describe("rendering replies as Block Kit within Slack's limits", () => {
  it("keeps every message within the limits, however long the texts and however many parts", () => {
    const repealed = citation(9, {
      status: "repealed",
      successor: { ids: ["K0010162:19:2"], labels: [long(500)], note: long(3000), repealedOn: "2023-11-21" },
    });
    const reply: Reply = {
      lang: "zh",
      parts: [
        { kind: "answer", answer: answer([...Array.from({ length: 12 }, (_, i) => citation(i)), repealed]), questionId: "q_1" },
        { kind: "notice", text: long(4000), tone: "warning" },
        {
          kind: "checklists",
          checklists: Array.from({ length: 60 }, (_, i) => ({ id: `list-${i}`, title: long(200), description: long(3000), version: "2024.1", items: 10 })),
        },
      ],
    };
    const rendered = renderReply(reply);
    expect(rendered.messages.length).toBeGreaterThan(2);
    for (const message of rendered.messages) expect(limitProblems(message)).toEqual([]);
    expect(rendered.citations).toHaveLength(13);
    // Quotes are excerpts; the whole text is one click away.
    const first = textOf(rendered.messages[0]?.blocks);
    expect(first).toContain("節錄");
    expect(first).toContain("&lt;script&gt; &amp;");
    expect(first).toContain("已於 2023-11-21 廢止");
  });

  it("encodes every button as a value it can decode again", () => {
    const rendered = renderReply({ lang: "zh", parts: [{ kind: "answer", answer: answer([citation(0)]), questionId: "q_2" }] });
    const buttons = buttonsOf(rendered.messages[0]?.blocks);
    expect(buttons.map((b) => decodeButton(b.value)?.k)).toEqual(["clause", "turn", "turn"]);
    expect(decodeButton(buttons[1]?.value)).toEqual({ k: "turn", a: { type: "feedback", questionId: "q_2", value: "up" }, l: "zh" });
    expect(decodeButton("not json")).toBeUndefined();
    expect(decodeButton('{"k":"turn","a":{"type":"feedback","questionId":"q","value":"meh"},"l":"zh"}')).toBeUndefined();
  });

  it("splits a whole long clause over the sections of a modal", () => {
    const view = clauseModal(citation(0), "zh");
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(limitProblems({ text: "modal", blocks: view.blocks }, 100)).toEqual([]);
    expect(textOf(view.blocks).replace(/\s/g, "").length).toBeGreaterThan(19_000);
  });

  it("keeps the Home tab within 100 blocks", () => {
    const assessments = Array.from({ length: 80 }, (_, i) => ({
      id: `A${i}`,
      label: long(300),
      checklistTitle: "t",
      answered: i % 10,
      total: 10,
      status: "active" as const,
      updatedAt: "2024-01-01T00:00:00Z",
      shared: false,
      owned: true,
    }));
    const checklists = Array.from({ length: 40 }, (_, i) => ({ id: `c${i}`, title: "t", description: "d", version: "2024.1", items: 3 }));
    const view = homeView(assessments, checklists, "zh", new Date());
    expect(limitProblems({ text: "home", blocks: view.blocks }, 100)).toEqual([]);
  });

  it("reads the user's text: the bot mention removed, Slack markup undone, cut at the limit", () => {
    expect(incomingText("<@UBOT01> 個資法第27條", { botUserId: "UBOT01" }).text).toBe("個資法第27條");
    expect(incomingText("<@UBOT01|bot> 問 <@UOTHER> 看 <https://example.com|這份> &amp; &lt;x&gt;", { mention: true }).text).toBe(
      "問 <@UOTHER> 看 這份 (https://example.com) & <x>",
    );
    const cut = incomingText(`<@UBOT01> ${"字".repeat(40_000)}`, { botUserId: "UBOT01" });
    expect(cut).toMatchObject({ cut: true });
    expect(Array.from(cut.text)).toHaveLength(MAX_TEXT_CHARS);
  });
});
