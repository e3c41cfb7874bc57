import { describe, expect, it } from 'vitest';
import { generateApiTypes, readCommittedApiTypes } from '../scripts/gen-api-types.ts';

describe('web API types', () => {
  it('should match the server routes (web/src/api/schema.d.ts is generated from /openapi.json)', async () => {
    const fresh = await generateApiTypes();
    const committed = await readCommittedApiTypes();
    expect(committed === fresh, 'web/src/api/schema.d.ts is stale: run npm run gen:api').toBe(true);
  });
});
