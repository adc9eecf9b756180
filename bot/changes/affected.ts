import { articleIdOf, type Lang } from "../../knowledge/clause.js";
import type { CorpusChange, KnowledgeSource } from "../../knowledge/index.js";
import { labelOf } from "../answer/labels.js";

export type ChangeReason = "changed" | "deleted" | "repealed" | "removed";

/** A clause an answer or an item relied on, touched by a later sync. */
export interface AffectedClause {
  id: string;
  reason: ChangeReason;
  /** The corpus version that brought the change. */
  version: string;
  /** Where the duty lives now (knowledge/content/successors.yaml), for a repealed regulation. */
  successor?: { ids: string[]; labels: string[] };
}

/** Which version or moment an answer was given against: changes after it matter. */
export interface AnsweredAgainst {
  version?: string;
  at?: string;
}

/** The clauses among `ids` that a sync after `against` changed, deleted, or whose regulation it repealed or removed. */
export function affectedClauses(ids: string[], changes: CorpusChange[], against: AnsweredAgainst, knowledge: KnowledgeSource, lang: Lang): AffectedClause[] {
  const out = new Map<string, AffectedClause>();
  for (const change of changes) {
    if (!change.previous) continue;
    if (against.version ? change.version <= against.version : against.at ? change.syncedAt <= against.at : false) continue;
    for (const id of ids) {
      if (out.has(id)) continue;
      const [pcode] = id.split(":");
      const regulation = change.regulations.find((r) => r.pcode === pcode);
      if (!regulation) continue;
      const articleId = articleIdOf(id);
      const reason: ChangeReason | undefined = regulation.kinds.includes("removed")
        ? "removed"
        : regulation.kinds.includes("repealed")
          ? "repealed"
          : regulation.articles.deleted.includes(articleId)
            ? "deleted"
            : regulation.articles.changed.includes(articleId)
              ? "changed"
              : undefined;
      if (!reason) continue;
      const link = knowledge.successorsOf(id, lang) ?? knowledge.successorsOf(articleId, lang);
      const successor = link
        ? {
            ids: link.to,
            labels: link.to.map((to) => {
              const clause = knowledge.clause(to, lang);
              return clause ? labelOf(clause, lang) : to;
            }),
          }
        : undefined;
      out.set(id, { id, reason, version: change.version, ...(successor ? { successor } : {}) });
    }
  }
  return [...out.values()];
}

/** Every PCODE a list of changes touches in a way that can affect an answer. */
export function touchedPcodes(changes: CorpusChange[]): string[] {
  const pcodes = new Set<string>();
  for (const change of changes) {
    if (!change.previous) continue;
    for (const r of change.regulations) {
      if (r.kinds.some((k) => k === "repealed" || k === "removed") || r.articles.changed.length + r.articles.deleted.length > 0) pcodes.add(r.pcode);
    }
  }
  return [...pcodes];
}
