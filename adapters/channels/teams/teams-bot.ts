import { ActivityHandler, type InvokeResponse, type TurnContext } from "botbuilder";
import type { Engine, Reply, Turn } from "../../../bot/index.js";
import { detectLang, type Lang } from "../../../knowledge/index.js";
import { type CardDataResult, MAX_NOTE, parseCardData } from "./card-data.js";
import type { AdaptiveCard } from "./cards/adaptive-card.js";
import { welcomeCard, welcomeText } from "./cards/welcome-card.js";
import { deliverReply } from "./deliver-reply.js";
import { CardInvokeValueSchema, describeIssues } from "./payload-schema.js";
import { langOf, messageText, turnBase } from "./payload-to-turn.js";
import { cardActivity } from "./render-reply.js";
import type { ReportLinks } from "./report-links.js";
import { requestScope } from "./request-scope.js";
import { teamsTexts } from "./texts.js";

export interface TeamsBotDeps {
  engine: Engine;
  reportLinks: ReportLinks;
}

/** Universal Actions invoke response types (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards). */
const CARD_RESPONSE = "application/vnd.microsoft.card.adaptive";
const MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message";
const ERROR_RESPONSE = "application/vnd.microsoft.error";

/**
 * The Teams bot: maps messages (typed text, @mentions, Action.Submit values), Universal
 * Actions invokes and "bot added" updates onto engine turns, and the engine's replies back
 * onto Adaptive Cards. Knows nothing of HTTP or authentication.
 */
export class TeamsBot extends ActivityHandler {
  constructor(private readonly deps: TeamsBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.onUserMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.onAdded(context);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== "adaptiveCard/action") return super.onInvokeActivity(context);
    return this.onCardAction(context);
  }

  private async onUserMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const base = turnBase(activity);
    const text = messageText(activity);
    let turn: Turn = { ...base, text };
    if (activity.value !== undefined && activity.value !== null) {
      // Action.Submit: the button's data with the card's inputs merged in.
      const parsed = parseCardData(activity.value);
      if (parsed.ok) turn = { ...base, action: parsed.action };
      else if (parsed.reason !== "not_ours" || text === "") return this.rejectCardData(context, parsed, base.lang ?? "zh");
    }
    const reply = await this.ask(context, turn);
    if (!reply) return;
    if (reply.duplicate) {
      requestScope(context).logger.info({ message: turn.messageId }, "duplicate delivery: nothing sent");
      return;
    }
    const updateCardId = turn.action?.type === "answer" ? activity.replyToId : undefined;
    await deliverReply(context, this.deps, reply, turn, { send: true, ...(updateCardId ? { updateCardId } : {}) });
  }

  /** Action.Execute: answered in the same HTTP response, with the replacement card when an answer was recorded. */
  private async onCardAction(context: TurnContext): Promise<InvokeResponse> {
    const scope = requestScope(context);
    const base = turnBase(context.activity);
    const lang = base.lang ?? "zh";
    const invoke = CardInvokeValueSchema.safeParse(context.activity.value);
    if (!invoke.success) {
      scope.logger.warn({ issues: describeIssues(invoke.error) }, "malformed adaptiveCard/action invoke");
      return errorResponse(teamsTexts(lang).invalidCard(scope.requestId));
    }
    const parsed = parseCardData(invoke.data.action.data);
    if (!parsed.ok) {
      scope.logger.warn({ reason: parsed.reason, detail: parsed.detail }, "card action data rejected");
      return errorResponse(parsed.reason === "note_too_long" ? teamsTexts(lang).noteTooLong(MAX_NOTE) : teamsTexts(lang).invalidCard(scope.requestId));
    }
    const turn: Turn = { ...base, action: parsed.action };
    const reply = await this.ask(context, turn, false);
    if (!reply) return messageResponse(teamsTexts(lang).failed(scope.requestId));
    // Feedback is acknowledged in the response alone; a duplicate gets the same response and sends nothing.
    const send = !reply.duplicate && parsed.action.type !== "feedback";
    const delivered = await deliverReply(context, this.deps, reply, turn, { send, returnReplacement: true });
    if (delivered.replacement) return cardResponse(delivered.replacement);
    return messageResponse(delivered.firstText ?? teamsTexts(reply.lang).done);
  }

  private async onAdded(context: TurnContext): Promise<void> {
    const { activity } = context;
    // Greet once, when the bot itself joins; not for every person added to a team later.
    if (!(activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id)) return;
    const lang = langOf(activity.locale) ?? "zh";
    await context.sendActivity(cardActivity(welcomeCard(this.deps.engine.checklists(lang), lang), welcomeText(lang)));
    requestScope(context).logger.info({ lang }, "welcome card sent");
  }

  /** The engine's reply, or undefined after telling the user (with the request id) that it failed. */
  private async ask(context: TurnContext, turn: Turn, tellUser = true): Promise<Reply | undefined> {
    const scope = requestScope(context);
    const started = performance.now();
    try {
      const reply = await this.deps.engine.handle(turn);
      scope.logger.info(
        { message: turn.messageId, action: turn.action?.type, duplicate: Boolean(reply.duplicate), ms: Math.round(performance.now() - started) },
        "engine replied",
      );
      return reply;
    } catch (error) {
      const err = error as Error;
      scope.logger.error({ message: turn.messageId, err: err.message, code: (err as { code?: string }).code, stack: err.stack }, "engine failed");
      if (tellUser) await context.sendActivity({ type: "message", text: teamsTexts(turnLang(turn)).failed(scope.requestId) });
      return undefined;
    }
  }

  private async rejectCardData(context: TurnContext, parsed: Extract<CardDataResult, { ok: false }>, lang: Lang): Promise<void> {
    const scope = requestScope(context);
    scope.logger.warn({ reason: parsed.reason, detail: parsed.detail }, "card submission rejected");
    const l = teamsTexts(lang);
    await context.sendActivity({ type: "message", text: parsed.reason === "note_too_long" ? l.noteTooLong(MAX_NOTE) : l.invalidCard(scope.requestId) });
  }
}

function turnLang(turn: Turn): Lang {
  return turn.text ? detectLang(turn.text) : (turn.lang ?? "zh");
}

function cardResponse(card: AdaptiveCard): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: CARD_RESPONSE, value: card } };
}

function messageResponse(text: string): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: MESSAGE_RESPONSE, value: text } };
}

function errorResponse(message: string): InvokeResponse {
  return { status: 400, body: { statusCode: 400, type: ERROR_RESPONSE, value: { code: "BadRequest", message } } };
}
