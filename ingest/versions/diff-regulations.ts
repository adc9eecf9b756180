import type { RegulationChange, RegulationChangeKind } from "../../knowledge/index.js";

/** A regulation's Chinese text as the change report compares it: name, status and article texts. */
export interface RegulationState {
  pcode: string;
  name: string;
  status: string;
  modified: string;
  /** article number -> verbatim text */
  articles: Map<string, string>;
}

const DELETED = /^[（(]\s*刪除\s*[）)]$/;

/**
 * What changed from `before` to `after` for one regulation: added, removed, repealed,
 * renamed, amended (articles added, changed, deleted). An article whose text became
 * （刪除） counts as deleted, not changed. Undefined when only dates or categories moved.
 */
export function diffRegulation(before: RegulationState | undefined, after: RegulationState | undefined): RegulationChange | undefined {
  const state = after ?? before;
  if (!state) return undefined;
  const kinds: RegulationChangeKind[] = [];
  const articles = { added: [] as string[], changed: [] as string[], deleted: [] as string[] };
  if (!before) kinds.push("added");
  else if (!after) kinds.push("removed");
  else {
    if (before.status !== "repealed" && after.status === "repealed") kinds.push("repealed");
    if (before.name !== after.name) kinds.push("renamed");
    for (const [article, text] of after.articles) {
      const old = before.articles.get(article);
      if (old === undefined) articles.added.push(`${state.pcode}:${article}`);
      else if (old !== text) (DELETED.test(text.trim()) && !DELETED.test(old.trim()) ? articles.deleted : articles.changed).push(`${state.pcode}:${article}`);
    }
    for (const article of before.articles.keys()) if (!after.articles.has(article)) articles.deleted.push(`${state.pcode}:${article}`);
    if (articles.added.length + articles.changed.length + articles.deleted.length > 0) kinds.push("amended");
  }
  if (kinds.length === 0) return undefined;
  return {
    pcode: state.pcode,
    name: state.name,
    ...(before && after && before.name !== after.name ? { previousName: before.name } : {}),
    kinds,
    ...(after ? { modified: after.modified } : {}),
    articles,
  };
}
