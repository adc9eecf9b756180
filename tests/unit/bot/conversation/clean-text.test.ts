import { describe, expect, it } from "vitest";
import { cleanText } from "../../../../bot/conversation/clean-text.js";

describe("cleanText", () => {
  it.each([
    ["colour and cursor sequences", "\u001b[31m紅字\u001b[0m\u001b[2J\u001b[1;1H", "紅字"],
    ["an OSC window title and hyperlink", "\u001b]0;pwned\u0007a\u001b]8;;https://x.invalid\u001b\\link\u001b]8;;\u001b\\", "alink"],
    ["a lone ESC and two-character sequences", "a\u001bcb\u001b(Bc\u001b", "abc"],
    ["NUL, BEL, backspace, DEL", "是\u0000\u0007\u0008\u007f，已公告", "是，已公告"],
    ["C1 controls incl. the 8-bit CSI", "a\u0085b\u009b31mc\u0090d", "abcd"],
    ["bidi overrides and isolates", "note \u202eexe.txt\u202c \u2066x\u2069 \u200f", "note exe.txt x "],
    ["CR line ends", "第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"],
  ])("removes %s", (_what, input, expected) => {
    expect(cleanText(input)).toBe(expected);
  });

  it("keeps text, line feeds, tabs and emoji sequences", () => {
    const text = "是\t已公告\n👍🏻 ✔️ 👨‍👩‍👧 個資法第27條 N/A = +1 @team";
    expect(cleanText(text)).toBe(text);
  });
});
