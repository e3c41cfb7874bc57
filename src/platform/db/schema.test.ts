import { readFile } from 'node:fs/promises';
import { expect, it } from 'vitest';
import { generateSchemaSource, regenerateCommand, schemaFile } from '../../../scripts/gen-db-types.ts';
import { openTestDatabase } from '../../../test/harness.ts';

it('schema.ts holds the row types of the schema the migrations build', async () => {
  const db = await openTestDatabase('postgres');
  try {
    const current = await generateSchemaSource(db.owner);
    const committed = await readFile(schemaFile, 'utf8');
    expect(committed === current, `src/platform/db/schema.ts is stale: run \`${regenerateCommand}\` and commit it`).toBe(true);
  } finally {
    await db.drop();
  }
});
