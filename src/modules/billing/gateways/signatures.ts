import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const sha512Hex = (text: string): string => createHash('sha512').update(text, 'utf8').digest('hex');

export const hmacSha256Hex = (key: string, data: string | Buffer): string => createHmac('sha256', key).update(data).digest('hex');

/**
 * Compares a received secret or signature with the expected one in constant time. Both sides
 * are hashed first so timingSafeEqual always sees equal-length buffers and the comparison
 * reveals neither the content nor the length of the expected value.
 */
export const constantTimeEqual = (received: string, expected: string): boolean => {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(received), digest(expected));
};
