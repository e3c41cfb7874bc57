import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from './secret-box.ts';

describe('secret box', () => {
  const box = createSecretBox(randomBytes(32));

  it('should open what it sealed, and never store the plaintext', () => {
    const sealed = box.seal('SB-Mid-server-rahasia');
    expect(sealed).not.toContain('rahasia');
    expect(box.seal('SB-Mid-server-rahasia')).not.toBe(sealed); // a fresh IV each time
    expect(box.open(sealed)).toBe('SB-Mid-server-rahasia');
  });

  it('should refuse a tampered secret or another key', () => {
    const sealed = box.seal('token');
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow();
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow();
  });
});
