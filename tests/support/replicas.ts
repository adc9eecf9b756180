import { type RunningServer, startServer } from "./server.js";
import type { FakeSlackApi } from "./slack/fake-slack-api.js";
import { SIGNING_SECRET } from "./slack/slack-requests.js";

/** What `npm start` needs to serve Slack against the local fake Web API and one PostgreSQL answer log. */
export function replicaEnv(databaseUrl: string, fake: FakeSlackApi, secret = SIGNING_SECRET): Record<string, string> {
  return { DATABASE_URL: databaseUrl, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_SIGNING_SECRET: secret, SLACK_API_URL: fake.apiUrl };
}

/**
 * Starts `count` `npm start` processes on one DATA_DIR (the index) and one PostgreSQL
 * database (the answer log). The first builds the index; the others start once it is there
 * and open it read-only, as replicas sharing a volume would.
 */
export async function startReplicas(count: number, dataDir: string, env: Record<string, string>): Promise<RunningServer[]> {
  const first = await startServer(dataDir, env, 180_000);
  const rest = await Promise.all(Array.from({ length: count - 1 }, () => startServer(dataDir, env, 120_000)));
  return [first, ...rest];
}
