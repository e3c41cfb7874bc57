/**
 * A worker process for the crash test: it consumes with the shared test handler id, writes the
 * effect, reports that it is inside the handler, and hangs there until the test kills it.
 * Usage: node crash-worker.fixture.ts <database-url> <transport> <redis-prefix> [claim-timeout-seconds]
 */
import { sql } from 'kysely';
import { openDatabase } from '../db/database.ts';
import { defineHandler } from './event-handler.ts';
import { createTestBus, testEvents, type TransportName } from './test-support.ts';

const [url, transport, redisPrefix, claimTimeout] = process.argv.slice(2);
const db = await openDatabase({ driver: 'postgres', url, poolSize: 2 });
const hangingHandler = defineHandler(testEvents, {
  id: 'test.crash-effect',
  on: ['test.step.recorded'],
  async handle(event, { trx }) {
    await sql`insert into test_effects (tenant_id, handler_id, event_id, label)
      values (${event.tenantId}, 'test.crash-effect', ${event.id}, 'killed-worker')`.execute(trx);
    process.stdout.write(`IN_HANDLER ${event.id}\n`);
    await new Promise(() => undefined); // never commits: the test kills this process here
  },
});
const { bus } = createTestBus({
  db: Object.assign(db, { url }),
  transport: transport as TransportName,
  handlers: [hangingHandler],
  redisPrefix,
  claimTimeoutSeconds: claimTimeout ? Number(claimTimeout) : undefined,
});
await bus.start({ consume: true, relay: false });
process.stdout.write('READY\n');
