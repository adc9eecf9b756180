import type { App } from "@slack/bolt";
import type { TurnAction } from "../../../../bot/index.js";
import { messageIds } from "../../shared/message-ids.js";
import { newRequestId } from "../../shared/request-id.js";
import { NOTE_BLOCK, NOTE_CALLBACK_ID, RESULT_BLOCK } from "../blocks/modals.js";
import type { SlackHandlerDeps } from "../handler-deps.js";
import { NoteOriginSchema, ViewSubmissionSchema } from "../payload-schema.js";
import { conversationIdOf, type Place } from "../places.js";
import { runTurn } from "../run-turn.js";
import { slackTexts } from "../texts.js";

/**
 * The 補充說明 modal submitted: the note (and the result, when the item had none) becomes
 * an engine turn, and the item message it came from is updated to show what was recorded.
 * Any other view is acknowledged and ignored.
 */
export function registerViewSubmission(app: App, rt: SlackHandlerDeps): void {
  app.view(NOTE_CALLBACK_ID, async ({ ack, body }) => {
    const parsed = ViewSubmissionSchema.safeParse(body);
    const origin = parsed.success ? parseOrigin(parsed.data.view.private_metadata) : undefined;
    if (!parsed.success || !origin) {
      await ack();
      rt.logger.warn({}, "slack note modal of unexpected shape ignored");
      return;
    }
    const values = parsed.data.view.state.values;
    const note = values[NOTE_BLOCK]?.value?.value?.trim() ?? "";
    const result = values[RESULT_BLOCK]?.value?.selected_option?.value;
    if (!note && !result) {
      // Keeps the modal open with the message under the field (response_action: errors).
      await ack({ response_action: "errors", errors: { [NOTE_BLOCK]: slackTexts(origin.lang).noteRequired } });
      return;
    }
    await ack();
    const userId = parsed.data.user.id;
    const teamId = origin.teamId ?? parsed.data.team?.id ?? parsed.data.user.team_id;
    const requestId = newRequestId("slack");
    const action: TurnAction =
      result === "yes" || result === "no" || result === "na"
        ? { type: "answer", assessmentId: origin.assessmentId, itemId: origin.itemId, result, ...(note ? { note } : {}) }
        : { type: "note", assessmentId: origin.assessmentId, itemId: origin.itemId, note };
    rt.logger.info({ requestId, user: userId, action: action.type, noteChars: note.length }, "slack note submitted");
    rt.queue.push(async () => {
      const place: Place = origin.channel
        ? { channel: origin.channel, ...(origin.threadTs ? { threadTs: origin.threadTs } : {}) }
        : { channel: await rt.dms.open(userId) };
      const conversationId = conversationIdOf(place);
      await runTurn(rt, {
        requestId,
        lang: origin.lang,
        // A submitted view is submitted once: its id names the delivery.
        turn: {
          userId,
          ...(teamId ? { teamId } : {}),
          conversationId,
          messageId: messageIds.interaction("view", parsed.data.view.id),
          action,
          lang: origin.lang,
        },
        destination: { kind: "post", place },
        conversationId,
        userId,
        ...(teamId ? { teamId } : {}),
        ...(origin.channel && origin.ts
          ? { card: { channel: origin.channel, ts: origin.ts, assessmentId: origin.assessmentId, itemId: origin.itemId, blocks: [] } }
          : {}),
      });
    });
  });

  // Bolt runs every matching listener: the catch-all must not match the note modal too.
  app.view(new RegExp(`^(?!${NOTE_CALLBACK_ID}$)`), async ({ ack, body }) => {
    await ack();
    rt.logger.warn({ callbackId: (body as { view?: { callback_id?: string } }).view?.callback_id?.slice(0, 80) }, "unknown slack view ignored");
  });
}

function parseOrigin(metadata: string) {
  try {
    const parsed = NoteOriginSchema.safeParse(JSON.parse(metadata));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
