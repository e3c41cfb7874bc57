import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiWireError, decodeLength, encodeLength, encodeSentence, SentenceDecoder } from './api-wire.ts';

describe('RouterOS API word length encoding', () => {
  it.each([
    [0, [0x00]],
    [0x7f, [0x7f]],
    [0x80, [0x80, 0x80]],
    [0x3fff, [0xbf, 0xff]],
    [0x4000, [0xc0, 0x40, 0x00]],
    [0x1fffff, [0xdf, 0xff, 0xff]],
    [0x200000, [0xe0, 0x20, 0x00, 0x00]],
    [0xfffffff, [0xef, 0xff, 0xff, 0xff]],
    [0x10000000, [0xf0, 0x10, 0x00, 0x00, 0x00]],
  ])('encodes %i as %j and back', (length, bytes) => {
    expect([...encodeLength(length)]).toEqual(bytes);
    expect(decodeLength(Buffer.from(bytes), 0)).toEqual({ length, size: bytes.length });
  });

  it('round-trips every length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), (length) => {
        const encoded = encodeLength(length);
        expect(decodeLength(encoded, 0)).toEqual({ length, size: encoded.length });
      }),
    );
  });

  it('refuses reserved control bytes', () => {
    expect(() => decodeLength(Buffer.from([0xf8]), 0)).toThrow(ApiWireError);
  });

  it('waits for the rest of a prefix split across chunks', () => {
    expect(decodeLength(Buffer.from([0xc0, 0x40]), 0)).toBeNull();
  });
});

describe('sentence decoder', () => {
  it.each([0x7f, 0x80, 0x3fff, 0x4000])('decodes a word of %i bytes at the length boundaries', (size) => {
    const word = Buffer.alloc(size, 0x61);
    expect(new SentenceDecoder().push(encodeSentence(['!re', word]))).toEqual([[Buffer.from('!re'), word]]);
  });

  it('decodes the same sentences however the stream is split', () => {
    const word = fc.uint8Array({ minLength: 1, maxLength: 300 }).map((bytes) => Buffer.from(bytes));
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), fc.array(fc.nat(), { maxLength: 8 }), (sentences, cuts) => {
        const stream = Buffer.concat(sentences.map((words) => encodeSentence(words)));
        const points = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
        const decoder = new SentenceDecoder();
        const decoded: Buffer[][] = [];
        let from = 0;
        for (const point of [...points, stream.length]) {
          decoded.push(...decoder.push(stream.subarray(from, point)));
          from = point;
        }
        expect(decoded).toEqual(sentences);
      }),
    );
  });

  it('skips empty sentences and refuses words over the limit', () => {
    expect(new SentenceDecoder().push(Buffer.from([0, 0]))).toEqual([]);
    expect(() => new SentenceDecoder({ maxWordBytes: 10 }).push(encodeLength(11))).toThrow(/over the limit/);
  });
});
