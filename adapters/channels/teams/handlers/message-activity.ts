import type { TurnContext } from "botbuilder";
import type { Turn } from "../../../../bot/index.js";
import type { Lang } from "../../../../knowledge/index.js";
import { type CardDataResult, MAX_NOTE, parseCardData } from "../card-data.js";
import { deliverReply } from "../deliver-reply.js";
import type { TeamsHandlerDeps } from "../handler-deps.js";
import { messageText, turnBase } from "../payload-to-turn.js";
import { requestScope } from "../request-scope.js";
import { runTurn } from "../run-turn.js";
import { teamsTexts } from "../texts.js";

/**
 * A message activity: typed text (the bot's @mention removed) or an Action.Submit click,
 * whose `value` is the button's data with the card's inputs merged in. An answer from an
 * item card updates that card in place with what was recorded.
 */
export async function onMessageActivity(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const { activity } = context;
  const base = turnBase(activity);
  const text = messageText(activity);
  let turn: Turn = { ...base, text };
  if (activity.value !== undefined && activity.value !== null) {
    const parsed = parseCardData(activity.value);
    if (parsed.ok) turn = { ...base, action: parsed.action };
    else if (parsed.reason !== "not_ours" || text === "") return rejectCardData(context, parsed, base.lang ?? "zh");
  }
  const updateCardId = turn.action?.type === "answer" ? activity.replyToId : undefined;
  await runTurn(deps, context, turn, {
    deliver: async (reply) => {
      await deliverReply(context, deps, reply, turn, { send: true, ...(updateCardId ? { updateCardId } : {}) });
    },
  });
}

async function rejectCardData(context: TurnContext, parsed: Extract<CardDataResult, { ok: false }>, lang: Lang): Promise<void> {
  const scope = requestScope(context);
  scope.logger.warn({ reason: parsed.reason, detail: parsed.detail }, "card submission rejected");
  const t = teamsTexts(lang);
  await context.sendActivity({ type: "message", text: parsed.reason === "note_too_long" ? t.noteTooLong(MAX_NOTE) : t.invalidCard(scope.requestId) });
}
