import { z } from "zod";

/**
 * The Teams app manifest, schema v1.17
 * (https://developer.microsoft.com/json-schemas/teams/v1.17/MicrosoftTeams.schema.json),
 * written as zod for the properties this app uses. Objects are strict, like the schema's
 * `additionalProperties: false`; lengths, patterns and enums follow the schema.
 */
const guid = z.string().regex(/^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/, "expected a GUID");
const httpsUrl = z
  .string()
  .max(2048)
  .regex(/^[Hh][Tt][Tt][Pp][Ss]:\/\/[^\s]+$/, "expected an https URL");
const relativePath = z
  .string()
  .min(1)
  .max(2048)
  .refine((p) => !/^[a-z]+:\/\//i.test(p) && !p.startsWith("/"), "expected a path relative to the package root");
const semver = z
  .string()
  .max(256)
  .regex(/^([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)\.([0-9]|[1-9][0-9]*)$/, "expected a version such as 1.0.0");
const botScope = z.enum(["team", "personal", "groupChat"]);

export const TeamsManifestSchema = z
  .object({
    $schema: z.string().url().optional(),
    manifestVersion: z.literal("1.17"),
    version: semver,
    id: guid,
    packageName: z.string().max(64).optional(),
    developer: z
      .object({
        name: z.string().min(1).max(32),
        mpnId: z.string().max(10).optional(),
        websiteUrl: httpsUrl,
        privacyUrl: httpsUrl,
        termsOfUseUrl: httpsUrl,
      })
      .strict(),
    name: z.object({ short: z.string().min(1).max(30), full: z.string().max(100).optional() }).strict(),
    description: z.object({ short: z.string().min(1).max(80), full: z.string().min(1).max(4000) }).strict(),
    icons: z.object({ outline: relativePath, color: relativePath }).strict(),
    accentColor: z.string().regex(/^#[0-9a-fA-F]{6}$/, "expected a colour such as #4464ee"),
    bots: z
      .array(
        z
          .object({
            botId: guid,
            needsChannelSelector: z.boolean().optional(),
            isNotificationOnly: z.boolean().optional(),
            supportsFiles: z.boolean().optional(),
            supportsCalling: z.boolean().optional(),
            supportsVideo: z.boolean().optional(),
            scopes: z.array(botScope).min(1).max(3),
            commandLists: z
              .array(
                z
                  .object({
                    scopes: z.array(botScope).min(1).max(3),
                    commands: z
                      .array(z.object({ title: z.string().min(1).max(32), description: z.string().min(1).max(128) }).strict())
                      .min(1)
                      .max(10),
                  })
                  .strict(),
              )
              .max(3)
              .optional(),
          })
          .strict(),
      )
      .max(1)
      .optional(),
    permissions: z.array(z.enum(["identity", "messageTeamMembers"])).optional(),
    validDomains: z.array(z.string().max(2048)).max(16).optional(),
  })
  .strict()
  .superRefine((manifest, ctx) => {
    for (const [i, bot] of (manifest.bots ?? []).entries()) {
      if (new Set(bot.scopes).size !== bot.scopes.length) ctx.addIssue({ code: "custom", path: ["bots", i, "scopes"], message: "scopes must be unique" });
    }
  });

export type TeamsManifest = z.infer<typeof TeamsManifestSchema>;
