// Secrets that travel by mail (sign-in codes, links, status and draft links) are stored only as hashes.
import crypto from "node:crypto";

export function newToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString("base64url");
}

export function newId(): string {
  return crypto.randomUUID();
}

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** A six-digit code with a uniform distribution (no modulo bias). */
export function newNumericCode(): string {
  return crypto.randomInt(0, 1_000_000).toString().padStart(6, "0");
}
