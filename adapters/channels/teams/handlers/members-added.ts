import type { TurnContext } from "botbuilder";
import { welcomeCard, welcomeText } from "../cards/welcome-card.js";
import type { TeamsHandlerDeps } from "../handler-deps.js";
import { langOf } from "../payload-to-turn.js";
import { cardActivity } from "../render-reply.js";
import { requestScope } from "../request-scope.js";

/** conversationUpdate with membersAdded: the welcome card, once, when the bot itself joins (not for every person added later). */
export async function onMembersAdded(deps: TeamsHandlerDeps, context: TurnContext): Promise<void> {
  const { activity } = context;
  if (!(activity.membersAdded ?? []).some((member) => member.id === activity.recipient?.id)) return;
  const lang = langOf(activity.locale) ?? "zh";
  await context.sendActivity(cardActivity(welcomeCard(deps.engine.checklists(lang), lang), welcomeText(lang)));
  requestScope(context).logger.info({ lang }, "welcome card sent");
}
