import { createHmac, randomUUID } from "node:crypto";
import autocannon from "autocannon";

/**
 * The load side of `npm run bench:slack`, run as its own process so the client does not
 * share the server's event loop. Prints one JSON line with autocannon's numbers.
 */
interface LoadPlan {
  url: string;
  secret: string;
  kind: "healthz" | "unsigned" | "challenge" | "mention";
  connections: number;
  duration?: number;
  amount?: number;
  /** Distinguishes load processes running at once (and scenarios): part of the channel id, so threads never collide. */
  salt?: string;
}

const QUESTIONS = [
  "個資法第27條",
  "委外物流要怎麼監督？",
  "個資外洩要在幾小時內通報？",
  "施行細則第12條第2項",
  "會員資料可以拿去做行銷嗎？",
  "PDPA Article 20",
];

const plan = JSON.parse(process.argv[2] ?? "{}") as LoadPlan;
let n = 0;

/** A fresh app_mention envelope: its own event id, message id and thread, so each one is answered. */
function mentionBody(): string {
  n++;
  const ts = `${Math.floor(Date.now() / 1000)}.${String(n).padStart(6, "0")}`;
  return JSON.stringify({
    team_id: "TBENCH",
    api_app_id: "ABENCH",
    type: "event_callback",
    event_id: `EvBENCH${process.pid}${n}`,
    event_time: Math.floor(Date.now() / 1000),
    event: {
      type: "app_mention",
      user: `UBENCH${n % 50}`,
      text: `<@UBOT0001> ${QUESTIONS[n % QUESTIONS.length]}`,
      ts,
      channel: `CBENCH${(plan.salt ?? "").replace(/[^0-9A-Za-z]/g, "X")}`,
      client_msg_id: randomUUID(),
    },
    authorizations: [{ user_id: "UBOT0001", is_bot: true }],
  });
}

function signed(body: string): Record<string, string> {
  const timestamp = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", plan.secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return { "content-type": "application/json", "x-slack-request-timestamp": String(timestamp), "x-slack-signature": signature };
}

const base = { connections: plan.connections, ...(plan.amount ? { amount: plan.amount } : { duration: plan.duration ?? 5 }) };
const options =
  plan.kind === "healthz"
    ? { ...base, url: `${plan.url}/healthz` }
    : plan.kind === "unsigned"
      ? { ...base, url: `${plan.url}/slack/events`, method: "POST", headers: { "content-type": "application/json" }, body: mentionBody() }
      : {
          ...base,
          url: `${plan.url}/slack/events`,
          method: "POST",
          requests: [
            {
              method: "POST",
              setupRequest: (request: { headers?: Record<string, string> }) => {
                const body = plan.kind === "mention" ? mentionBody() : JSON.stringify({ type: "url_verification", challenge: `c${n++}`, token: "t" });
                return { ...request, method: "POST", body, headers: signed(body) };
              },
            },
          ],
        };

const result = await autocannon(options);
process.stdout.write(
  `${JSON.stringify({
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    perSecond: result.requests.average,
    sent: result.requests.sent,
    durationS: result.duration,
    errors: result.errors + result.timeouts,
    statuses: Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count])),
  })}\n`,
);
