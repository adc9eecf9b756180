import { findImpact, renderChanges, renderImpact } from "../../bot/index.js";
import type { Lang } from "../../knowledge/index.js";
import type { Services } from "../runtime.js";

/** `npm run cli -- changes [--since DATE]`: the change reports of the syncs after DATE, with their impact. */
export async function listChanges(services: Services, since: string | undefined, lang: Lang): Promise<{ text: string; json: Record<string, unknown> }> {
  const history = services.history;
  if (!history) {
    const text =
      lang === "en"
        ? "No sync has run yet, or the corpus in use is not the synced one: run `npm run cli -- sync`."
        : "尚未同步，或目前使用的不是同步的法規資料：請執行 `npm run cli -- sync`。";
    return { text, json: { changes: [], message: text } };
  }
  const changes = history.changes(since);
  const impact = await findImpact(changes, services.store, services.index.kb, lang);
  return {
    text: [renderChanges(changes, lang), renderImpact(impact, lang)].join("\n\n"),
    json: { current: history.currentVersion(), changes, impact },
  };
}
