import type { Logger } from "../../bot/index.js";

export interface LogEntry {
  level: "info" | "warn" | "error";
  fields: Record<string, unknown>;
  message: string;
}

/** A Logger that keeps every entry, to assert on what is (and is not) logged. */
export function recordingLogger(entries: LogEntry[] = [], bindings: Record<string, unknown> = {}): Logger & { entries: LogEntry[] } {
  const at = (level: LogEntry["level"]) => (fields: Record<string, unknown>, message: string) => {
    entries.push({ level, fields: { ...bindings, ...fields }, message });
  };
  return { entries, info: at("info"), warn: at("warn"), error: at("error"), child: (more) => recordingLogger(entries, { ...bindings, ...more }) };
}
