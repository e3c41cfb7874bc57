import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encrypts secrets at rest (router passwords, provider tokens) with AES-256-GCM under the
 * master key. The stored form is `v1.<iv>.<tag>.<ciphertext>` (base64url), so a key rotation
 * can add v2 without guessing.
 */
export type SecretBox = {
  seal(plaintext: string): string;
  open(sealed: string): string;
  /** HMAC-SHA256 (base64url) of `text` under a key derived from the master key for `purpose` (e.g. receipt links). */
  sign(purpose: string, text: string): string;
};

export function createSecretBox(masterKey: Buffer): SecretBox {
  if (masterKey.length !== 32) throw new Error('The master key must be 32 bytes (base64 of 32 random bytes).');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('Not a sealed secret.');
      const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    },
    sign(purpose, text) {
      const key = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), `simpul:${purpose}`, 32));
      return createHmac('sha256', key).update(text, 'utf8').digest('base64url');
    },
  };
}

/**
 * The embedded shape keeps its master key beside its data (created on first start, readable by
 * the owner only); a server must be given SECRET_KEY, so the key never sits in the database.
 */
export function loadOrCreateKeyFile(dataDir: string): Buffer {
  const path = join(dataDir, 'secret.key');
  if (existsSync(path)) return Buffer.from(readFileSync(path, 'utf8').trim(), 'base64');
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32);
  writeFileSync(path, key.toString('base64'), { mode: 0o600 });
  return key;
}
