import { createHash } from "node:crypto";
import type { ChainHead, ChainVerification } from "../../bot/index.js";

/** The hash before the first record. */
export const GENESIS_HASH = "0".repeat(64);

export type ChainKind = "event" | "question" | "feedback";

/** One chained record as read back from a store: its place in the chain and the domain record. */
export interface ChainEntry {
  seq: number;
  kind: ChainKind;
  /** The row's own key in its table (events.seq, questions.id, feedback.seq): reordering rows changes it. */
  rowId: string;
  record: object;
  prevHash: string;
  hash: string;
}

/**
 * JSON with object keys sorted at every level and undefined/null fields left out, so the
 * same record hashes alike in SQLite and PostgreSQL, and a column added later (null in old
 * rows) does not change the hash of old rows.
 */
/** A stored row of a chained table as a chain entry (both stores read their rows this way). */
export function chainEntryOf(row: Record<string, unknown>, kind: ChainKind, key: string, toRecord: (row: Record<string, unknown>) => object): ChainEntry {
  return {
    seq: row.chain_seq === null || row.chain_seq === undefined ? Number.NaN : Number(row.chain_seq),
    kind,
    rowId: String(row[key]),
    record: toRecord(row),
    prevHash: String(row.prev_hash ?? ""),
    hash: String(row.hash ?? ""),
  };
}

export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const fields = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`);
    return `{${fields.join(",")}}`;
  }
  return JSON.stringify(value);
}

/** sha256 over the previous hash and the canonical serialisation of the entry (its sequence, kind, row id and record). */
export function chainHash(prevHash: string, entry: Pick<ChainEntry, "seq" | "kind" | "rowId" | "record">): string {
  const body = canonicalJson({ seq: entry.seq, kind: entry.kind, rowId: entry.rowId, record: entry.record });
  return createHash("sha256").update(`${prevHash}\n${body}`).digest("hex");
}

/** Human name of a chained record for the verify-log message. */
export function describeEntry(entry: Pick<ChainEntry, "seq" | "kind" | "rowId" | "record">): string {
  const r = entry.record as Record<string, unknown>;
  const detail = [r.assessmentId ?? r.questionId, r.type, r.itemId, r.messageId ? `message ${r.messageId}` : undefined].filter(Boolean).join(" ");
  return `#${entry.seq} ${entry.kind} ${entry.rowId}${detail ? ` (${detail})` : ""}`;
}

/**
 * Checks entries sorted by seq against the stored head: sequence numbers run 1..n without
 * gaps, each entry links to the hash before it, each hash matches its recomputed value, and
 * the last entry is the head (so deleting the newest records is detected too).
 */
export function verifyEntries(entries: ChainEntry[], head: ChainHead): ChainVerification {
  let prev = GENESIS_HASH;
  let expected = 1;
  const fail = (entry: Pick<ChainEntry, "seq" | "kind" | "rowId" | "record">, reason: string): ChainVerification => ({
    ok: false,
    records: entries.length,
    head,
    broken: { seq: entry.seq, record: describeEntry(entry), reason },
  });
  for (const entry of entries) {
    if (Number.isNaN(entry.seq)) return fail(entry, "is not part of the chain (written outside the answer log)");
    if (entry.seq !== expected) {
      return fail(
        entry,
        entry.seq > expected ? `records #${expected}..#${entry.seq - 1} are missing (deleted)` : `sequence #${entry.seq} appears twice or out of order`,
      );
    }
    if (entry.prevHash !== prev) return fail(entry, "does not link to the record before it (removed, inserted or reordered)");
    if (chainHash(prev, entry) !== entry.hash) return fail(entry, "its content does not match its hash (edited or moved)");
    prev = entry.hash;
    expected++;
  }
  const lastSeq = expected - 1;
  if (head.seq !== lastSeq || head.hash !== prev) {
    const seq = lastSeq + 1;
    return {
      ok: false,
      records: entries.length,
      head,
      broken: {
        seq,
        record: `#${seq}`,
        reason:
          head.seq > lastSeq
            ? `the chain head is #${head.seq} but the records end at #${lastSeq} (the newest were deleted)`
            : "the chain head does not match the last record",
      },
    };
  }
  return { ok: true, records: entries.length, head };
}

/** Assigns seq, prev and hash to the records of one turn, continuing from `head`. */
export function extendChain<T extends { kind: ChainKind; rowId: string; record: object }>(
  head: ChainHead,
  records: T[],
): { entries: Array<T & { seq: number; prevHash: string; hash: string }>; head: ChainHead } {
  let current = head;
  const entries = records.map((r) => {
    const seq = current.seq + 1;
    const hash = chainHash(current.hash, { ...r, seq });
    const entry = { ...r, seq, prevHash: current.hash, hash };
    current = { seq, hash };
    return entry;
  });
  return { entries, head: current };
}
