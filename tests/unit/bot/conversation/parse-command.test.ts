import { describe, expect, it } from "vitest";
import { parseCommand } from "../../../../bot/conversation/parse-command.js";

describe("parseCommand", () => {
  it.each([
    ["跳過", "skip"],
    ["上一題", "back"],
    ["暫停", "pause"],
    ["繼續", "resume"],
    ["進度", "status"],
    ["為什麼", "why"],
    ["說明", "help"],
    ["結束", "quit"],
    ["/skip", "skip"],
    ["Why is this asked?", "why"],
    ["STATUS", "status"],
    ["法規更新", "changes"],
    ["What changed?", "changes"],
  ])("%s -> %s", (text, command) => expect(parseCommand(text)).toEqual({ command }));

  it("reads an argument after start, resume and report", () => {
    expect(parseCommand("開始自評 資安基本查核")).toEqual({ command: "start", argument: "資安基本查核" });
    expect(parseCommand("assess security-plan")).toEqual({ command: "start", argument: "security-plan" });
    expect(parseCommand("繼續 A7K3Q2")).toEqual({ command: "resume", argument: "A7K3Q2" });
    expect(parseCommand("report A7K3Q2")).toEqual({ command: "report", argument: "A7K3Q2" });
    expect(parseCommand("進度 A7K3Q2")).toEqual({ command: "status", argument: "A7K3Q2" });
  });

  it("leaves questions alone", () => {
    expect(parseCommand("這題的委外是指什麼？")).toBeUndefined();
    expect(parseCommand("help me understand Article 27")).toBeUndefined();
    expect(parseCommand("個資法最近的法規更新有哪些？")).toBeUndefined();
  });
});
