import type { App } from "@slack/bolt";
import { homeView } from "../blocks/home-view.js";
import { errorSummary } from "../bot-identity.js";
import type { SlackHandlerDeps } from "../handler-deps.js";
import { EventEnvelopeSchema, HomeOpenedEventSchema } from "../payload-schema.js";

/** The App Home tab, published each time the user opens it (app_home_opened → views.publish). */
export function registerAppHome(app: App, rt: SlackHandlerDeps): void {
  app.event("app_home_opened", async ({ body }) => {
    const envelope = EventEnvelopeSchema.safeParse(body);
    const event = envelope.success ? HomeOpenedEventSchema.safeParse(envelope.data.event) : undefined;
    if (!envelope.success || !event?.success || (event.data.tab && event.data.tab !== "home")) return;
    const userId = event.data.user;
    const teamId = envelope.data.team_id;
    rt.queue.push(async () => {
      try {
        await publishHome(rt, userId, teamId);
      } catch (error) {
        rt.logger.error({ user: userId, error: errorSummary(error) }, "slack home tab not published");
      }
    });
  });
}

/** Renders and publishes a user's Home tab. */
async function publishHome(rt: SlackHandlerDeps, userId: string, teamId?: string): Promise<void> {
  const lang = "zh";
  const assessments = await rt.engine.assessments({ channel: "slack", userId, ...(teamId ? { teamId } : {}) }, lang);
  await rt.client.views.publish({ user_id: userId, view: homeView(assessments, rt.engine.checklists(lang), lang, rt.clock.now()) });
  rt.logger.info({ user: userId, assessments: assessments.length }, "slack home tab published");
}
