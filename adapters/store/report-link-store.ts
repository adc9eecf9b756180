import type { Lang } from "../../knowledge/index.js";

/** A report download link (Teams): what it opens, for whom, until when. Only the sha256 of the token is kept. */
export interface ReportLinkRecord {
  tokenHash: string;
  assessmentId: string;
  lang: Lang;
  userId: string;
  teamId: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * Where report links live. In the answer log (both stores implement it), so a link made by
 * one replica opens on any other; in memory only where no answer log is passed (tests).
 */
export interface ReportLinkStore {
  saveReportLink(link: ReportLinkRecord): Promise<void>;
  /** The link, unless unknown or expired at `now`. */
  reportLink(tokenHash: string, now: number): Promise<ReportLinkRecord | undefined>;
}

/** Links in this process's memory, oldest dropped beyond `max`. */
export function createMemoryLinkStore(max = 5_000): ReportLinkStore {
  const links = new Map<string, ReportLinkRecord>();
  return {
    async saveReportLink(link) {
      for (const [hash, l] of links) if (l.expiresAt <= Date.now()) links.delete(hash);
      // Oldest first (Map keeps insertion order).
      for (const hash of links.keys()) {
        if (links.size < max) break;
        links.delete(hash);
      }
      links.set(link.tokenHash, link);
    },
    async reportLink(tokenHash, now) {
      const link = links.get(tokenHash);
      return link && link.expiresAt > now ? link : undefined;
    },
  };
}

export const toReportLink = (row: Record<string, unknown>): ReportLinkRecord => ({
  tokenHash: String(row.token_hash),
  assessmentId: String(row.assessment_id),
  lang: row.lang as Lang,
  userId: String(row.user_id),
  teamId: String(row.team_id),
  expiresAt: Number(row.expires_at),
});
