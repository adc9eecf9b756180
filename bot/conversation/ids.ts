import { randomBytes } from "node:crypto";

// Crockford's base32 without I, L, O, U: codes people can read aloud and type.
const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A short assessment code such as A7K3Q2 (30 bits of randomness; always starts with a letter). */
export function newAssessmentCode(): string {
  const bytes = randomBytes(6);
  let code = ALPHABET[10 + ((bytes[0] ?? 0) % 22)] ?? "A";
  for (let i = 1; i < 6; i++) code += ALPHABET[(bytes[i] ?? 0) % 32];
  return code;
}

/** An opaque id with a prefix, e.g. q_3f9c1a7b2d4e. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString("hex")}`;
}
