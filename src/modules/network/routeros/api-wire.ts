/**
 * RouterOS API wire format: a sentence is a list of words ended by a zero-length word; each
 * word is its byte length (1–5 bytes, high bits tell how many) followed by its bytes.
 *
 *   length            bytes  first byte
 *   0x00–0x7F           1    0xxxxxxx
 *   0x80–0x3FFF         2    10xxxxxx
 *   0x4000–0x1FFFFF     3    110xxxxx
 *   0x200000–0xFFFFFFF  4    1110xxxx
 *   ≥ 0x10000000        5    0xF0, then 4 bytes
 *
 * A first byte ≥ 0xF8 is a reserved control byte. Words are bytes; RouterOS itself has no
 * charset, so strings cross as latin1 (byte-for-byte).
 */

export const encodeLength = (length: number): Buffer => {
  if (!Number.isInteger(length) || length < 0 || length > 0xffffffff) throw new RangeError(`bad word length ${length}`);
  if (length < 0x80) return Buffer.from([length]);
  if (length < 0x4000) return Buffer.from([(length >> 8) | 0x80, length & 0xff]);
  if (length < 0x200000) return Buffer.from([(length >> 16) | 0xc0, (length >> 8) & 0xff, length & 0xff]);
  if (length < 0x10000000) {
    return Buffer.from([(length >>> 24) | 0xe0, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff]);
  }
  return Buffer.from([0xf0, length >>> 24, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff]);
};

/** Decodes a length prefix at `offset`; null when the buffer ends inside the prefix. */
export const decodeLength = (buffer: Buffer, offset: number): { length: number; size: number } | null => {
  if (offset >= buffer.length) return null;
  const first = buffer[offset];
  const size = first < 0x80 ? 1 : first < 0xc0 ? 2 : first < 0xe0 ? 3 : first < 0xf0 ? 4 : first < 0xf8 ? 5 : -1;
  if (size === -1) throw new ApiWireError(`reserved control byte 0x${first.toString(16)}`);
  if (offset + size > buffer.length) return null;
  if (size === 1) return { length: first, size };
  if (size === 5) return { length: buffer.readUInt32BE(offset + 1), size };
  let length = first & (0xff >> size); // drop the size marker bits
  for (let i = 1; i < size; i++) length = length * 256 + buffer[offset + i];
  return { length, size };
};

export const encodeWord = (word: Buffer | string): Buffer => {
  const bytes = typeof word === 'string' ? Buffer.from(word, 'latin1') : word;
  return Buffer.concat([encodeLength(bytes.length), bytes]);
};

export const encodeSentence = (words: readonly (Buffer | string)[]): Buffer =>
  Buffer.concat([...words.map(encodeWord), Buffer.from([0])]);

export class ApiWireError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiWireError';
  }
}

/**
 * Incremental decoder: feed socket chunks split anywhere (inside a prefix, a word or between
 * sentences); returns the sentences completed so far. Empty sentences are dropped, as RouterOS does.
 */
export class SentenceDecoder {
  private pending: Buffer = Buffer.alloc(0);
  private words: Buffer[] = [];
  private readonly maxWordBytes: number;

  constructor(options: { maxWordBytes?: number } = {}) {
    this.maxWordBytes = options.maxWordBytes ?? 1 << 20;
  }

  /** Bytes of an unfinished sentence are waiting (a peer that closes now spoke no RouterOS API). */
  get holdsPartial(): boolean {
    return this.pending.length > 0 || this.words.length > 0;
  }

  push(chunk: Buffer): Buffer[][] {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    const sentences: Buffer[][] = [];
    let offset = 0;
    for (;;) {
      const prefix = decodeLength(this.pending, offset);
      if (!prefix) break;
      if (prefix.length > this.maxWordBytes) throw new ApiWireError(`word of ${prefix.length} bytes is over the limit`);
      const end = offset + prefix.size + prefix.length;
      if (end > this.pending.length) break;
      if (prefix.length === 0) {
        if (this.words.length > 0) sentences.push(this.words);
        this.words = [];
      } else {
        this.words.push(this.pending.subarray(offset + prefix.size, end));
      }
      offset = end;
    }
    this.pending = this.pending.subarray(offset);
    return sentences;
  }
}
