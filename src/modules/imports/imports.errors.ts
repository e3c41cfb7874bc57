import { defineErrors } from '../../platform/errors/app-error.ts';

/** The importers' refusals. */
export const importsErrors = defineErrors('imports', {
  IMPORT_HAS_ERRORS: 422,
  IMPORT_FILE_UNREADABLE: 400,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- declaration merging adds this module's codes
  interface ModuleErrorCodes extends Record<keyof typeof importsErrors, true> {}
}
