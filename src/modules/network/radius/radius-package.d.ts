/** The part of the `radius` npm package (1.x, no bundled types) that Simpul uses. */
declare module 'radius' {
  type Attribute = [string | number, ...unknown[]];
  type DecodedPacket = {
    code: string;
    identifier: number;
    length: number;
    authenticator: Buffer;
    attributes: Record<string, any>;
    raw_attributes: [number, Buffer][];
  };
  const radius: {
    add_dictionary(path: string): void;
    unload_dictionaries(): void;
    encode(args: { code: string; secret: string; identifier?: number; attributes?: Attribute[]; add_message_authenticator?: boolean }): Buffer;
    encode_response(args: { packet: DecodedPacket; code: string; secret: string; attributes?: Attribute[] }): Buffer;
    /** Verifies a request's authenticator (throws InvalidSecretError on a mismatch). */
    decode(args: { packet: Buffer; secret: string }): DecodedPacket;
    decode_without_secret(args: { packet: Buffer }): DecodedPacket;
    verify_response(args: { request: Buffer; response: Buffer; secret: string }): boolean;
    InvalidSecretError: new (...args: unknown[]) => Error;
  };
  export default radius;
  export type { Attribute, DecodedPacket };
}
