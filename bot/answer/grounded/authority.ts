import type { RegulationRecord } from "../../../knowledge/clause.js";

/**
 * The authority that issued a regulation, from its 法規類別 ("行政＞數位發展部＞數位產業目"
 * -> 數位發展部; "廢止法規＞數位發展部" -> 數位發展部; 院本部 is the Executive Yuan itself).
 * A clause's 本部 / 主管機關 means this authority, so a sentence naming it is supported.
 */
export function issuingAuthority(regulation: Pick<RegulationRecord, "category"> | undefined): string | undefined {
  const parts = regulation?.category?.split("＞").map((p) => p.trim()) ?? [];
  const body = parts[1];
  if (!body) return undefined;
  return body === "院本部" ? "行政院" : body;
}
