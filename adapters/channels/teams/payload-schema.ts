import { z } from "zod";

const account = z.object({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() }).passthrough();

/**
 * The parts of a Bot Framework activity the channel relies on (Bot Framework Activity
 * schema, https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md).
 * Unknown fields pass through to botbuilder untouched.
 */
export const InboundActivitySchema = z
  .object({
    type: z.string().min(1),
    id: z.string().min(1).max(512).optional(),
    serviceUrl: z.string().url(),
    channelId: z.string().min(1),
    conversation: z.object({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional() }).passthrough(),
    from: account.optional(),
    recipient: account.optional(),
    text: z.string().max(40_000).optional(),
    locale: z.string().optional(),
    replyToId: z.string().optional(),
    name: z.string().optional(),
    value: z.unknown().optional(),
    entities: z.array(z.object({ type: z.string() }).passthrough()).optional(),
    channelData: z
      .object({
        team: z.object({ id: z.string() }).passthrough().optional(),
        tenant: z.object({ id: z.string() }).passthrough().optional(),
      })
      .passthrough()
      .optional(),
    membersAdded: z.array(account).optional(),
  })
  .passthrough()
  .superRefine((activity, ctx) => {
    // What a user turn needs: who, and an id to answer once (retries carry the same id).
    if (activity.type === "message" || activity.type === "invoke") {
      if (!activity.id) ctx.addIssue({ code: "custom", path: ["id"], message: "required for message and invoke activities" });
      if (!activity.from) ctx.addIssue({ code: "custom", path: ["from"], message: "required for message and invoke activities" });
      if (!activity.recipient) ctx.addIssue({ code: "custom", path: ["recipient"], message: "required for message and invoke activities" });
    }
  });

/** The value of an `adaptiveCard/action` invoke (Universal Actions for Adaptive Cards). */
export const CardInvokeValueSchema = z
  .object({
    action: z.object({ type: z.literal("Action.Execute"), verb: z.string().optional(), data: z.unknown().optional() }).passthrough(),
  })
  .passthrough();

/** Every problem in one line, for the 400 body and the log. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join(".") || "(activity)"}: ${issue.message}`).join("; ");
}
