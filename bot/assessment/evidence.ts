import type { Lang } from "../../knowledge/clause.js";
import type { AddedNote, ResponseRecord } from "./store.js";

/** Taiwan keeps UTC+8 all year (no daylight saving), so a fixed offset gives local time. */
const TAIPEI_OFFSET_MS = 8 * 60 * 60 * 1000;

function taipeiTime(iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time + TAIPEI_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/** One added note with who wrote it and when (Taipei time). */
export function addedNoteLine(note: AddedNote, lang: Lang): string {
  const who = note.userName ?? note.userId;
  return lang === "en" ? `${note.text} (${who}, ${taipeiTime(note.at)})` : `${note.text}（${who}，${taipeiTime(note.at)}）`;
}

/** The evidence of an answer: the note given with it, then every note added later, oldest first, one per line. */
export function evidenceText(response: Pick<ResponseRecord, "note" | "notes">, lang: Lang): string {
  return [...(response.note ? [response.note] : []), ...(response.notes ?? []).map((n) => addedNoteLine(n, lang))].join("\n");
}
