import { defineErrors } from '../../platform/errors/app-error.ts';

/** The maps module's refusals, with their HTTP statuses. */
export const mapsErrors = defineErrors('maps', {
  /** A topology field the database would accept but the network cannot have: unknown parent, port out of range, … (details.fields). */
  TOPOLOGY_INVALID: 422,
  /** The ODP port already holds another customer. */
  PORT_TAKEN: 409,
  /** An ODC with ODPs, or an ODP with customers, cannot be deleted. */
  ELEMENT_IN_USE: 409,
  /** A CSV import with row errors: nothing was imported (details.rows). */
  IMPORT_INVALID: 422,
  OUTAGE_ALREADY_OPEN: 409,
  OUTAGE_ALREADY_CLEARED: 409,
  SUGGESTION_CLOSED: 409,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleErrorCodes extends Record<keyof typeof mapsErrors, true> {}
}
