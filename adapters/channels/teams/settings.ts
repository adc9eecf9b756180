import { readFileSync } from "node:fs";
import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory } from "botbuilder";
import type { Logger } from "../../../bot/index.js";
import { AppError, ErrorCodes } from "../../../knowledge/index.js";
import type { Env } from "../../config.js";
import { type CredentialsFactory, createTokenEndpointCredentials } from "./token-endpoint-credentials.js";

interface TeamsAuth {
  authentication: ConfigurationBotFrameworkAuthentication;
  /** TEAMS_EMULATOR=true: unauthenticated requests, accepted from and answered to loopback addresses only. */
  emulator: boolean;
}

type TeamsMode = "off" | "emulator" | "authenticated";

/** Teams is on with an app id (every request's token verified) or when the emulator mode is asked for explicitly. */
export function teamsMode(env: Env): TeamsMode {
  if (!env.TEAMS_ENABLED) return "off";
  if (env.MicrosoftAppId) return "authenticated";
  return env.TEAMS_EMULATOR ? "emulator" : "off";
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Inbound and outbound authentication of the Teams channel. With MicrosoftAppId, botbuilder
 * validates every request's JWT against the OpenID metadata keys (signature, issuer,
 * audience = app id, expiry, serviceurl claim); the metadata URL and issuer are
 * configurable so tests can use a local issuer.
 */
export function createTeamsAuth(env: Env, logger: Logger): TeamsAuth {
  const appId = env.MicrosoftAppId;
  if (appId && env.TEAMS_EMULATOR) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, "Teams: TEAMS_EMULATOR=true and MicrosoftAppId are both set.", {
      hint: "Unset TEAMS_EMULATOR to verify every request against the app registration, or unset MicrosoftAppId to use the Bot Framework Emulator locally.",
    });
  }
  if (!appId) {
    if (!env.TEAMS_EMULATOR) {
      throw new AppError(ErrorCodes.CONFIG_INVALID, "Teams: MicrosoftAppId is not set.", {
        hint: "Register the bot in Azure and set MicrosoftAppId and MicrosoftAppPassword (README, Microsoft Teams); or set TEAMS_EMULATOR=true to try it with the Bot Framework Emulator on this machine.",
      });
    }
    if (env.NODE_ENV === "production") {
      throw new AppError(ErrorCodes.CONFIG_INVALID, "Teams: TEAMS_EMULATOR=true is refused when NODE_ENV=production (the emulator mode is unauthenticated).", {
        hint: "Register the bot in Azure and set MicrosoftAppId and MicrosoftAppPassword (README, Microsoft Teams), or unset TEAMS_EMULATOR to run without Teams.",
      });
    }
    logger.warn(
      { mode: "emulator" },
      "TEAMS EMULATOR MODE (TEAMS_EMULATOR=true): POST /api/messages accepts UNAUTHENTICATED requests from loopback addresses only, and replies only to loopback service URLs. For the Bot Framework Emulator on this machine; set MicrosoftAppId and MicrosoftAppPassword for Teams.",
    );
    return { authentication: new ConfigurationBotFrameworkAuthentication({}), emulator: true };
  }
  const problems = credentialProblems(env, appId);
  if (problems.length > 0) {
    throw new AppError(ErrorCodes.CONFIG_INVALID, `Invalid Teams configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`, {
      hint: "See .env.example (Microsoft Teams) and the README section on registering the bot in Azure.",
    });
  }
  const settings = {
    MicrosoftAppId: appId,
    ...(env.MicrosoftAppTenantId ? { MicrosoftAppTenantId: env.MicrosoftAppTenantId } : {}),
    ...(env.TEAMS_OPENID_METADATA_URL ? { ToBotFromChannelOpenIdMetadataUrl: env.TEAMS_OPENID_METADATA_URL } : {}),
    ...(env.TEAMS_TOKEN_ISSUER ? { ToBotFromChannelTokenIssuer: env.TEAMS_TOKEN_ISSUER } : {}),
  };
  logger.info({ mode: "authenticated", appType: env.MicrosoftAppType ?? "MultiTenant" }, "Teams requests are authenticated");
  return { authentication: new ConfigurationBotFrameworkAuthentication(settings, credentialsFactory(env, appId)), emulator: false };
}

function credentialsFactory(env: Env, appId: string): CredentialsFactory {
  if (env.TEAMS_TOKEN_ENDPOINT && env.MicrosoftAppPassword) {
    return createTokenEndpointCredentials({ appId, password: env.MicrosoftAppPassword, tokenEndpoint: env.TEAMS_TOKEN_ENDPOINT });
  }
  // botbuilder's own factory: password, certificate or user-assigned managed identity (MSAL).
  return new ConfigurationServiceClientCredentialFactory({
    MicrosoftAppId: appId,
    ...(env.MicrosoftAppPassword ? { MicrosoftAppPassword: env.MicrosoftAppPassword } : {}),
    ...(env.MicrosoftAppType ? { MicrosoftAppType: env.MicrosoftAppType } : {}),
    ...(env.MicrosoftAppTenantId ? { MicrosoftAppTenantId: env.MicrosoftAppTenantId } : {}),
    ...(env.TEAMS_CERTIFICATE_THUMBPRINT ? { CertificateThumbprint: env.TEAMS_CERTIFICATE_THUMBPRINT } : {}),
    ...(env.TEAMS_CERTIFICATE_KEY_FILE ? { CertificatePrivateKey: readFileSync(env.TEAMS_CERTIFICATE_KEY_FILE, "utf8") } : {}),
  });
}

/** The combinations botbuilder accepts, checked here so the operator gets a list instead of an assertion. */
function credentialProblems(env: Env, appId: string): string[] {
  const problems: string[] = [];
  const type = env.MicrosoftAppType ?? "MultiTenant";
  const certificate = Boolean(env.TEAMS_CERTIFICATE_THUMBPRINT || env.TEAMS_CERTIFICATE_KEY_FILE);
  if (!GUID.test(appId)) problems.push("MicrosoftAppId: expected the bot's Microsoft App ID, a GUID such as 00000000-0000-0000-0000-000000000000");
  if ((type === "SingleTenant" || type === "UserAssignedMSI") && !env.MicrosoftAppTenantId) {
    problems.push(`MicrosoftAppTenantId: required when MicrosoftAppType=${type}`);
  }
  if (type === "UserAssignedMSI") {
    if (env.MicrosoftAppPassword)
      problems.push("MicrosoftAppPassword: must not be set when MicrosoftAppType=UserAssignedMSI (the managed identity has no secret)");
    if (env.TEAMS_TOKEN_ENDPOINT) problems.push("TEAMS_TOKEN_ENDPOINT: works with a password only, not with MicrosoftAppType=UserAssignedMSI");
  } else if (!env.MicrosoftAppPassword && !certificate) {
    problems.push("MicrosoftAppPassword: required with MicrosoftAppId (or TEAMS_CERTIFICATE_THUMBPRINT and TEAMS_CERTIFICATE_KEY_FILE)");
  }
  if (certificate && !(env.TEAMS_CERTIFICATE_THUMBPRINT && env.TEAMS_CERTIFICATE_KEY_FILE)) {
    problems.push("TEAMS_CERTIFICATE_THUMBPRINT and TEAMS_CERTIFICATE_KEY_FILE: set both to use a certificate");
  }
  if (env.TEAMS_CERTIFICATE_KEY_FILE) {
    try {
      readFileSync(env.TEAMS_CERTIFICATE_KEY_FILE, "utf8");
    } catch {
      problems.push(`TEAMS_CERTIFICATE_KEY_FILE: cannot read ${env.TEAMS_CERTIFICATE_KEY_FILE}`);
    }
  }
  if (env.TEAMS_TOKEN_ENDPOINT && !env.MicrosoftAppPassword) problems.push("TEAMS_TOKEN_ENDPOINT: needs MicrosoftAppPassword (client credentials)");
  return problems;
}
