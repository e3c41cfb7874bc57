/** node-postgres's own parameter serialisation (untyped in @types/pg), reused by the PGlite dialect. */
declare module 'pg/lib/utils.js' {
  const utils: { prepareValue(value: unknown): string | Buffer | null };
  export default utils;
}
