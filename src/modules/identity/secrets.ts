import { hash, verify } from '@node-rs/argon2';
import { createHash, randomBytes } from 'node:crypto';

// @node-rs/argon2 ships prebuilt binaries in its npm package (no node-gyp, no download at install).
// Parameters: OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
/** Algorithm.Argon2id; the package declares it as a const enum, which type stripping can't read. */
const argon2id = 2;
const argonOptions = { algorithm: argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, argonOptions);

export const verifyPassword = async (passwordHash: string, password: string) => {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
};

/** A hash to verify against when the user doesn't exist, so timing doesn't reveal which emails are registered. */
export const dummyPasswordHash = await hashPassword(randomBytes(16).toString('hex'));

/** Opaque bearer secret (session cookie or API token). Only its SHA-256 is stored. */
export const newSecretToken = (prefix: string) => `${prefix}_${randomBytes(32).toString('base64url')}`;
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
