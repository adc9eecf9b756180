/**
 * Ports the conversation engine declares for what lies outside it. Implementations live in
 * adapters/ (clock, logger, stores); tests use small fakes. Retrieval and the knowledge
 * source are declared by knowledge/ (knowledge/ports.ts).
 */

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  child(bindings: Record<string, unknown>): Logger;
}
