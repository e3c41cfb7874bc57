import { v7 } from 'uuid';

/** Time-ordered UUIDv7: ids sort by creation, which keeps indexes and event logs local. */
export const newId = (): string => v7();
