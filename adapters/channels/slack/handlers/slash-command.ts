import type { App } from "@slack/bolt";
import type { TurnAction } from "../../../../bot/index.js";
import { detectLang, type Lang } from "../../../../knowledge/index.js";
import { messageIds } from "../../shared/message-ids.js";
import { newRequestId } from "../../shared/request-id.js";
import { channelTexts } from "../../shared/texts.js";
import { cut } from "../blocks/limits.js";
import { escapeText, who } from "../blocks/mrkdwn.js";
import { errorSummary } from "../bot-identity.js";
import type { SlackHandlerDeps } from "../handler-deps.js";
import { CommandSchema } from "../payload-schema.js";
import { incomingText, MAX_TEXT_CHARS } from "../payload-to-turn.js";
import { conversationIdOf, type Destination, isDmChannel, type Place } from "../places.js";
import { runTurn, sendFailure, type TurnJob } from "../run-turn.js";
import { slackTexts } from "../texts.js";

type Subcommand = "ask" | "assess" | "status" | "report" | "help";

const SUBCOMMANDS: Record<string, Subcommand> = {
  ask: "ask",
  問: "ask",
  提問: "ask",
  assess: "assess",
  自評: "assess",
  開始自評: "assess",
  status: "status",
  進度: "status",
  report: "report",
  報告: "report",
  help: "help",
  說明: "help",
};

/** `here` at the end of `assess`: run the assessment in a thread of this channel instead of the DM. */
const HERE = /(^|\s)(here|這裡|此處|本頻道)$/i;

/** Errors of chat.postMessage that mean the bot is not a member of the channel. */
const NOT_MEMBER = new Set(["not_in_channel", "channel_not_found", "is_archived", "restricted_action"]);

type Command = ReturnType<typeof CommandSchema.parse>;

/**
 * /compliance ask|assess|status|report|help (any command name routes here, so the one in the
 * manifest can be renamed). Acknowledged at once with an empty body; Slack does not retry
 * commands, and the work runs after the acknowledgement.
 */
export function registerSlashCommand(app: App, rt: SlackHandlerDeps): void {
  app.command(/.*/, async ({ ack, body }) => {
    await ack();
    const parsed = CommandSchema.safeParse(body);
    if (!parsed.success) {
      rt.logger.warn({ issues: parsed.error.issues.slice(0, 3) }, "slack command of unexpected shape ignored");
      return;
    }
    const command = parsed.data;
    const requestId = newRequestId("slack");
    const [word = "", ...rest] = command.text.trim().split(/\s+/);
    const sub = SUBCOMMANDS[word.toLowerCase()] ?? (word ? "ask" : "help");
    const argument = SUBCOMMANDS[word.toLowerCase()] ? rest.join(" ") : command.text;
    rt.logger.info({ requestId, user: command.user_id, subcommand: sub, chars: argument.length }, "slack command received");
    const ephemeral: Destination = {
      kind: "ephemeral",
      channel: command.channel_id,
      user: command.user_id,
      ...(command.response_url ? { responseUrl: command.response_url } : {}),
    };
    rt.queue.push(async () => {
      try {
        await FLOWS[sub](rt, command, argument, requestId, ephemeral);
      } catch (error) {
        rt.logger.error({ requestId, error: errorSummary(error) }, "slack command failed");
        await sendFailure(rt, ephemeral, channelTexts(detectLang(argument)).failed(requestId), rt.logger.child({ requestId }));
      }
    });
  });
}

type Flow = (rt: SlackHandlerDeps, command: Command, argument: string, requestId: string, ephemeral: Destination) => Promise<void>;

const FLOWS: Record<Subcommand, Flow> = {
  help: async (rt, command, _argument, requestId, ephemeral) => {
    const lang: Lang = "zh";
    const place = { channel: command.channel_id };
    await runTurn(rt, {
      ...base(command, requestId, lang, conversationIdOf(place), ephemeral),
      turn: { ...turnBase(command, `cmd:${command.trigger_id}`, conversationIdOf(place)), action: { type: "command", command: "help" }, lang },
      notices: [{ text: slackTexts(lang).slashHelp, tone: "info" }],
    });
  },

  ask: async (rt, command, argument, requestId, ephemeral) => {
    const { text, cut: wasCut } = incomingText(argument);
    const lang = detectLang(text);
    const t = slackTexts(lang);
    if (!text) return FLOWS.help(rt, command, "", requestId, ephemeral);
    const notices: TurnJob["notices"] = wasCut ? [{ text: t.tooLong(MAX_TEXT_CHARS), tone: "warning" }] : [];
    let place: Place | undefined = (await botDm(rt, command)) ? { channel: command.channel_id } : undefined;
    let root: string | undefined;
    if (!place) {
      // The question gets a thread of its own: a root message, the answer inside it.
      root = await postRoot(rt, command.channel_id, t.asking(who(command.user_id)));
      if (root) place = { channel: command.channel_id, threadTs: root };
      else notices.push({ text: t.notInChannel, tone: "info" });
    }
    const destination: Destination = place ? { kind: "post", place } : ephemeral;
    const conversationId = conversationIdOf(place ?? { channel: command.channel_id });
    const messageId = messageIds.interaction("cmd", command.trigger_id);
    const reply = await runTurn(rt, {
      ...base(command, requestId, lang, conversationId, destination),
      turn: { ...turnBase(command, messageId, conversationId), text },
      notices,
    });
    const answer = reply?.parts.find((p) => p.kind === "answer");
    if (root && answer?.kind === "answer") {
      // The masked question (the engine removes personal data) replaces the placeholder.
      await rt.poster.update(command.channel_id, root, { text: t.asked(who(command.user_id), escapeText(cut(answer.answer.question, 500))) });
    }
  },

  assess: async (rt, command, argument, requestId, ephemeral) => {
    const here = HERE.test(argument) && !isDmChannel(command.channel_id);
    const name = argument.replace(HERE, "").trim();
    // A checklist id (security-plan) or a code is no sign of English: Chinese unless a phrase is.
    const lang: Lang = /[a-z]{2,}\s+[a-z]{2,}/i.test(name) ? detectLang(name) : "zh";
    const t = slackTexts(lang);
    let place: Place | undefined;
    if (here) {
      const root = await postRoot(rt, command.channel_id, t.assessHere(who(command.user_id)));
      if (root) place = { channel: command.channel_id, threadTs: root };
    }
    if (!place) {
      const dm = await rt.dms.open(command.user_id);
      place = { channel: dm };
      if (command.channel_id !== dm) await rt.poster.send(ephemeral, { text: t.assessInDm });
    }
    const conversationId = conversationIdOf(place);
    const messageId = messageIds.interaction("cmd", command.trigger_id);
    await runTurn(rt, {
      ...base(command, requestId, lang, conversationId, { kind: "post", place }),
      // The engine decides: resume the named or open assessment, or start the named checklist.
      turn: { ...turnBase(command, messageId, conversationId), action: { type: "assess", ...(name ? { name } : {}) }, lang },
    });
  },

  status: (rt, command, _argument, requestId, ephemeral) => inDm(rt, command, requestId, ephemeral, { action: { type: "command", command: "status" } }),

  report: (rt, command, argument, requestId, ephemeral) => {
    const code = argument.trim().split(/\s+/)[0];
    return inDm(rt, command, requestId, ephemeral, { action: { type: "command", command: "report", ...(code ? { assessmentId: code.toUpperCase() } : {}) } });
  },
};

/** status and report act on the assessment of the user's DM session; shown in the DM, or privately where asked. */
async function inDm(rt: SlackHandlerDeps, command: Command, requestId: string, ephemeral: Destination, input: { action: TurnAction }): Promise<void> {
  const dm = await rt.dms.open(command.user_id);
  const destination: Destination = command.channel_id === dm ? { kind: "post", place: { channel: dm } } : ephemeral;
  const messageId = messageIds.interaction("cmd", command.trigger_id);
  await runTurn(rt, { ...base(command, requestId, "zh", dm, destination), turn: { ...turnBase(command, messageId, dm), ...input } });
}

/** True when the command was typed in the user's DM with the bot (not a DM with someone else). */
async function botDm(rt: SlackHandlerDeps, command: Command): Promise<boolean> {
  return isDmChannel(command.channel_id) && (await rt.dms.open(command.user_id)) === command.channel_id;
}

/** Posts the root of a new thread; undefined when the bot cannot post in the channel. */
async function postRoot(rt: SlackHandlerDeps, channel: string, text: string): Promise<string | undefined> {
  try {
    return await rt.poster.post({ channel }, { text });
  } catch (error) {
    const code = (error as { data?: { error?: string } }).data?.error;
    if (code && NOT_MEMBER.has(code)) return undefined;
    throw error;
  }
}

function turnBase(command: Command, messageId: string, conversationId: string) {
  return { userId: command.user_id, ...(command.team_id ? { teamId: command.team_id } : {}), conversationId, messageId };
}

function base(command: Command, requestId: string, lang: Lang, conversationId: string, destination: Destination) {
  return { requestId, lang, destination, conversationId, userId: command.user_id, ...(command.team_id ? { teamId: command.team_id } : {}) };
}
