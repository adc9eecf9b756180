/**
 * Ports the conversation engine declares for what lies outside it. Implementations live in
 * adapters/ (clock, logger, stores); tests use small fakes. Retrieval and the knowledge
 * source are declared by knowledge/ (knowledge/ports.ts).
 */

/** Where the engine reads the time (a fixed clock in tests, the system clock in adapters/runtime.ts). */
export interface Clock {
  now(): Date;
}

/** The system clock. */
export const systemClock: Clock = { now: () => new Date() };

export interface Logger {
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
  child(bindings: Record<string, unknown>): Logger;
}
