import { defineErrors } from '../../platform/errors/app-error.ts';

/** The technicians module's refusals, with their HTTP statuses. */
export const techniciansErrors = defineErrors('technicians', {
  /** A status change the flow does not allow (open → assigned → on the way → working → done / cancelled). */
  TASK_STATUS_INVALID: 409,
  /** The task is done or cancelled: nothing more is logged on it. */
  TASK_CLOSED: 409,
  /** A technician acting on a task not assigned to them. */
  TASK_NOT_ASSIGNED: 403,
  /** Closing a task with an unchecked checklist item (details.fields). */
  TASK_CHECKLIST_INCOMPLETE: 422,
  /** An assignee who is not an active technician of the tenant. */
  ASSIGNEE_INVALID: 422,
  /** The outage fix is for outage-fix tasks only, once. */
  OUTAGE_FIX_INVALID: 409,
  /** The photo is bigger than the cap (details.maxBytes). */
  PHOTO_TOO_LARGE: 413,
  /** Not a picture the server can read (JPEG, PNG, HEIC, WebP). */
  PHOTO_FORMAT_UNSUPPORTED: 415,
  /** No file in the upload. */
  PHOTO_MISSING: 400,
  /** A photo link that expired or was not made for this tenant. */
  PHOTO_LINK_INVALID: 403,
});

declare module '../../platform/errors/app-error.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ModuleErrorCodes extends Record<keyof typeof techniciansErrors, true> {}
}
