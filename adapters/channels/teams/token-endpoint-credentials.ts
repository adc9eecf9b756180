import type { ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { z } from "zod";
import { AppError, ErrorCodes } from "../../../knowledge/index.js";

/** botbuilder's ServiceClientCredentialsFactory, named through the constructor that takes it (the class lives in botframework-connector). */
export type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;

interface TokenEndpointOptions {
  appId: string;
  password: string;
  /** An OAuth 2.0 token endpoint, e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token. */
  tokenEndpoint: string;
  /** Refresh this long before the token expires. */
  refreshMarginMs?: number;
}

const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
});

/** Audience of the Bot Connector service when the inbound request names none (public cloud). */
const DEFAULT_AUDIENCE = "https://api.botframework.com";

/**
 * Outbound credentials from a configured token endpoint (OAuth 2.0 client credentials,
 * RFC 6749 §4.4), used when TEAMS_TOKEN_ENDPOINT is set. botbuilder's own factory goes
 * through MSAL, which insists on Microsoft's login hosts and an instance-discovery call, so
 * configuration alone cannot point it at a private cloud or a local fake. Tokens are cached
 * per channel instance, not process-wide.
 */
export function createTokenEndpointCredentials(options: TokenEndpointOptions): CredentialsFactory {
  const margin = options.refreshMarginMs ?? 5 * 60_000;
  const cache = new Map<string, { token: string; expiresAt: number }>();
  const inFlight = new Map<string, Promise<string>>();

  async function requestToken(scope: string): Promise<string> {
    let response: Response;
    try {
      response = await fetch(options.tokenEndpoint, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ grant_type: "client_credentials", client_id: options.appId, client_secret: options.password, scope }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw new AppError(ErrorCodes.AUTH_REJECTED, `Teams: the token endpoint ${options.tokenEndpoint} cannot be reached`, { cause: error });
    }
    const body: unknown = await response.json().catch(() => undefined);
    const parsed = TokenResponseSchema.safeParse(body);
    if (!response.ok || !parsed.success) {
      throw new AppError(ErrorCodes.AUTH_REJECTED, `Teams: the token endpoint refused the bot's credentials (HTTP ${response.status})`, {
        hint: "Check MicrosoftAppId, MicrosoftAppPassword and TEAMS_TOKEN_ENDPOINT.",
      });
    }
    cache.set(scope, { token: parsed.data.access_token, expiresAt: Date.now() + parsed.data.expires_in * 1000 });
    return parsed.data.access_token;
  }

  async function token(scope: string): Promise<string> {
    const cached = cache.get(scope);
    if (cached && cached.expiresAt - margin > Date.now()) return cached.token;
    // One request per scope at a time: a burst of replies shares the same token.
    const pending = inFlight.get(scope) ?? requestToken(scope).finally(() => inFlight.delete(scope));
    inFlight.set(scope, pending);
    return pending;
  }

  return {
    isValidAppId: async (appId: string) => appId === options.appId,
    isAuthenticationDisabled: async () => false,
    createCredentials: async (appId: string, audience: string | undefined) => {
      if (appId !== options.appId) throw new AppError(ErrorCodes.AUTH_REJECTED, "Teams: credentials requested for an unknown app id");
      const scope = `${audience || DEFAULT_AUDIENCE}/.default`;
      return {
        async signRequest(resource) {
          resource.headers.set("authorization", `Bearer ${await token(scope)}`);
          return resource;
        },
      };
    },
  };
}
