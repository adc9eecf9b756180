import { ActivityHandler, type InvokeResponse, type TurnContext } from "botbuilder";
import type { TeamsHandlerDeps } from "./handler-deps.js";
import { onCardAction } from "./handlers/card-action.js";
import { onMembersAdded } from "./handlers/members-added.js";
import { onMessageActivity } from "./handlers/message-activity.js";

/**
 * The Teams bot: botbuilder's ActivityHandler routing each activity type to its handler in
 * handlers/ (as Slack's create-slack-channel registers handlers/ with Bolt). Knows nothing
 * of HTTP or authentication.
 */
export class TeamsBot extends ActivityHandler {
  constructor(private readonly deps: TeamsHandlerDeps) {
    super();
    this.onMessage(async (context, next) => {
      await onMessageActivity(deps, context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await onMembersAdded(deps, context);
      await next();
    });
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== "adaptiveCard/action") return super.onInvokeActivity(context);
    return onCardAction(this.deps, context);
  }
}
