import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { type Engine, type Logger, type Reply, renderReplyText } from "../../../bot/index.js";
import { detectLang } from "../../../knowledge/index.js";
import { renderReport } from "../../report/write-report.js";
import { newRequestId } from "../shared/request-id.js";
import { createTurnRunner } from "../shared/run-turn.js";

interface TerminalOptions {
  engine: Engine;
  logger: Logger;
  userId: string;
  /** Lines sent before reading input ("開始自評 security-plan"). */
  opening?: string[];
  /** Where reports asked for in the conversation are written (xlsx). */
  reportDir: string;
  /** TURN_TIMEOUT_MS: longest wait for one turn before the user is told to try again. */
  timeoutMs: number;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/**
 * The terminal as a chat channel: each line is a turn of the same engine Slack and Teams
 * drive. Interactive with history on a TTY; line by line from a pipe, so it can be scripted.
 * Every reply is printed only after the engine has committed it to the answer log; a
 * failure or a turn longer than TURN_TIMEOUT_MS prints a short message with the request id.
 */
export async function runTerminalConversation(options: TerminalOptions): Promise<void> {
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const interactive = Boolean((input as NodeJS.ReadStream).isTTY);
  const rl = createInterface({ input, output, prompt: "> ", historySize: 200, terminal: interactive });
  const runTurn = createTurnRunner({ engine: options.engine, timeoutMs: options.timeoutMs, redeliverAfterMs: 0 });
  const send = async (text: string) => {
    const requestId = newRequestId("cli");
    await runTurn(
      {
        turn: { channel: "cli", userId: options.userId, userName: options.userId, conversationId: "terminal", messageId: randomUUID(), text },
        requestId,
        lang: detectLang(text),
        log: options.logger.child({ requestId, channel: "cli" }),
      },
      {
        deliver: async (reply) => {
          output.write(`${renderReplyText(reply)}\n`);
          await deliverReports(reply, options, output);
          output.write("\n");
        },
        tellFailure: async (message) => {
          output.write(`${message}\n\n`);
        },
      },
    );
  };
  for (const line of options.opening ?? []) {
    if (!interactive) output.write(`> ${line}\n`);
    await send(line);
  }
  if (interactive) rl.prompt();
  for await (const line of rl) {
    const text = line.trim();
    if (text === "/exit" || text === "/quit") break;
    if (text) {
      if (!interactive) output.write(`> ${text}\n`);
      await send(text);
    }
    if (interactive) rl.prompt();
  }
  rl.close();
}

/** A report part in the terminal becomes an xlsx file whose path is printed. */
async function deliverReports(reply: Reply, options: TerminalOptions, output: NodeJS.WritableStream): Promise<void> {
  for (const part of reply.parts) {
    if (part.kind !== "report") continue;
    const report = await options.engine.report(part.assessmentId, reply.lang);
    if (!report) continue;
    mkdirSync(options.reportDir, { recursive: true });
    const path = join(options.reportDir, `${report.assessmentId}-${report.generatedAt.slice(0, 10)}.xlsx`);
    writeFileSync(path, await renderReport(report, "xlsx"));
    output.write(reply.lang === "en" ? `Report written to ${path}\n` : `報告已寫入 ${path}\n`);
  }
}
