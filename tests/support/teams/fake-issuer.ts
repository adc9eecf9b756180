import { generateKeyPairSync, type KeyObject, randomUUID, sign } from "node:crypto";
import { once } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** Claims of a Bot Framework channel token (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication). */
export interface TokenClaims {
  iss: string;
  aud: string;
  serviceurl?: string;
  nbf: number;
  exp: number;
  iat?: number;
  [claim: string]: unknown;
}

export interface FakeIssuer {
  /** The issuer claim the bot is configured to trust. */
  issuer: string;
  metadataUrl: string;
  /** OAuth 2.0 client-credentials endpoint for the bot's outbound tokens. */
  tokenEndpoint: string;
  /** Form bodies of the token requests received. */
  tokenRequests: Array<Record<string, string>>;
  /** Access tokens handed out. */
  issued: Set<string>;
  /** A token signed with the served key; claims default to a valid channel token. */
  token(claims: Partial<TokenClaims> & { serviceurl: string; aud: string }, options?: { key?: KeyObject; kid?: string; alg?: string }): string;
  close(): Promise<void>;
}

const b64url = (value: unknown) => Buffer.from(typeof value === "string" ? value : JSON.stringify(value)).toString("base64url");

/** Signs a compact JWS with RS256 (or writes `alg` into the header and signs anyway, for alg-confusion tests). */
export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: KeyObject): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${sign("RSA-SHA256", Buffer.from(input), key).toString("base64url")}`;
}

export function newRsaKey(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync("rsa", { modulusLength: 2048 });
}

/**
 * A local stand-in for Bot Framework's OpenID metadata (only jwks_uri is read) with a
 * locally generated RS256 key endorsed for msteams, plus a token endpoint for the bot's
 * outbound calls. A fresh port per instance: botbuilder caches metadata by URL, process-wide.
 */
export async function startFakeIssuer(): Promise<FakeIssuer> {
  const { privateKey, publicKey } = newRsaKey();
  const kid = `kid-${randomUUID()}`;
  const issuer = "https://api.botframework.test";
  const tokenRequests: Array<Record<string, string>> = [];
  const issued = new Set<string>();
  let base = "";
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      res.setHeader("content-type", "application/json");
      if (req.method === "GET" && req.url === "/openid") {
        res.end(JSON.stringify({ issuer, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ["RS256"] }));
      } else if (req.method === "GET" && req.url === "/keys") {
        const jwk = publicKey.export({ format: "jwk" });
        res.end(JSON.stringify({ keys: [{ ...jwk, kid, use: "sig", alg: "RS256", endorsements: ["msteams"] }] }));
      } else if (req.method === "POST" && req.url === "/token") {
        const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString("utf8")));
        tokenRequests.push(form);
        if (form.grant_type !== "client_credentials" || !form.client_secret) {
          res.statusCode = 400;
          res.end(JSON.stringify({ error: "invalid_client" }));
          return;
        }
        const accessToken = `outbound-${randomUUID()}`;
        issued.add(accessToken);
        res.end(JSON.stringify({ token_type: "Bearer", expires_in: 3600, access_token: accessToken }));
      } else {
        res.statusCode = 404;
        res.end("{}");
      }
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    issuer,
    metadataUrl: `${base}/openid`,
    tokenEndpoint: `${base}/token`,
    tokenRequests,
    issued,
    token(claims, options = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload = { iss: issuer, nbf: now - 60, iat: now - 60, exp: now + 3600, ...claims };
      return signJwt({ alg: options.alg ?? "RS256", typ: "JWT", kid: options.kid ?? kid }, payload, options.key ?? privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
