/** The part of the `heic-decode` npm package (2.x, no bundled types) that Simpul uses. */
declare module 'heic-decode' {
  /** Decodes a HEIC's primary image to RGBA pixels, turned as the file says (libheif, WASM). */
  export default function decode(input: { buffer: Uint8Array }): Promise<{ width: number; height: number; data: Uint8ClampedArray }>;
}
