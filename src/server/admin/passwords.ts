// Password hashing: argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane).
import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the package exports it as an ambient const enum, which this build cannot import.
const ARGON2ID = 2;

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);
export const verifyPassword = (hashed: string, password: string): Promise<boolean> =>
  verify(hashed, password);

export const MIN_PASSWORD_LENGTH = 12;
