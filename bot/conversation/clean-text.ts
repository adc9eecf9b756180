import type { Turn } from "./turn.js";

/**
 * Removes what a terminal, a spreadsheet or a chat client would interpret instead of show:
 * ANSI/ECMA-48 escape sequences (CSI "ESC [ … final", OSC "ESC ] … BEL|ESC \", and
 * two-character ESC sequences), every other C0 and C1 control character but line feed and
 * tab (NUL, BEL, backspace, DEL; CR ends a line like LF), and the Unicode bidirectional
 * overrides, embeddings and isolates of the "Trojan Source" attack (CVE-2021-42574,
 * Unicode TR #9). Zero-width joiners and variation selectors stay: emoji need them.
 * The engine applies it to everything a user typed, at the entry of a turn.
 */
// Built from strings: a regex literal with control characters is exactly what lint rules flag.
const ESC = "\\u001b";
const BEL = "\\u0007";
const ESCAPE_SEQUENCE = new RegExp(
  [
    `${ESC}\\[[0-?]*[ -/]*[@-~]`, // CSI: ESC [ parameters intermediates final
    `${ESC}\\][^${BEL}${ESC}]*(?:${BEL}|${ESC}\\\\)?`, // OSC, ended by BEL or ST
    `${ESC}[PX^_][^${ESC}]*(?:${ESC}\\\\)?`, // DCS, SOS, PM, APC strings
    `${ESC}[ -/]*[0-~]?`, // two-character sequences, and a lone ESC
    "\\u009b[0-?]*[ -/]*[@-~]", // the 8-bit CSI
  ].join("|"),
  "g",
);
/** C0 but LF and tab, DEL, C1, and the bidi marks, embeddings, overrides and isolates. */
function isControl(code: number): boolean {
  if (code < 0x20) return code !== 0x0a && code !== 0x09;
  if (code >= 0x7f && code <= 0x9f) return true;
  return code === 0x061c || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

export function cleanText(text: string): string {
  let out = "";
  for (const ch of text.replace(ESCAPE_SEQUENCE, "").replace(/\r\n?/g, "\n")) if (!isControl(ch.codePointAt(0) ?? 0)) out += ch;
  return out;
}

/** The turn with `cleanText` applied to everything the user typed: text, name, notes. */
export function cleanTurn(turn: Turn): Turn {
  const cleaned: Turn = { ...turn };
  if (turn.text !== undefined) cleaned.text = cleanText(turn.text);
  if (turn.userName !== undefined) cleaned.userName = cleanText(turn.userName);
  const action = turn.action;
  if (action && (action.type === "answer" || action.type === "note") && action.note !== undefined) cleaned.action = { ...action, note: cleanText(action.note) };
  return cleaned;
}
