import type { TurnContext } from "botbuilder";
import type { Reply, Turn } from "../../../bot/index.js";
import { detectLang, type Lang } from "../../../knowledge/index.js";
import type { TurnResult } from "../shared/run-turn.js";
import type { TeamsHandlerDeps } from "./handler-deps.js";
import { requestScope } from "./request-scope.js";

interface TeamsTurnOptions {
  /** Sends the reply; throws when it did not reach the user (then a retry of the activity re-sends it). */
  deliver(reply: Reply): Promise<void>;
  /** Where the failure message goes; default a new message in the conversation. */
  tellFailure?(text: string): Promise<void>;
}

/**
 * One Teams turn through the shared runner (engine with a timeout, delivery, delivered
 * mark), one at a time per conversation, so a redelivered activity waits for the turn it
 * repeats and then sends only what did not arrive.
 */
export function runTurn(deps: TeamsHandlerDeps, context: TurnContext, turn: Turn, options: TeamsTurnOptions): Promise<TurnResult> {
  const scope = requestScope(context);
  return deps.serial(turn.conversationId, () =>
    deps.runTurn(
      { turn, requestId: scope.requestId, lang: turnLang(turn), log: scope.logger },
      {
        deliver: options.deliver,
        tellFailure:
          options.tellFailure ??
          (async (text) => {
            await context.sendActivity({ type: "message", text });
          }),
      },
    ),
  );
}

/** The language of our own messages before the engine has answered. */
function turnLang(turn: Turn): Lang {
  return turn.text ? detectLang(turn.text) : (turn.lang ?? "zh");
}
