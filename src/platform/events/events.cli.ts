import { parseArgs } from 'node:util';
import type { EventOperations } from './event-operations.ts';

/**
 * `replay-dead-letters [--handler <id>] [--event <id>] [--type <event type>] [--limit <n>] [--all]`:
 * sends dead letters to their handlers again. Refuses to replay everything without `--all`.
 * Returns the process exit code.
 */
export async function replayDeadLettersCommand(operations: EventOperations, argv: string[], print: (line: string) => void): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      handler: { type: 'string' },
      event: { type: 'string' },
      type: { type: 'string' },
      limit: { type: 'string' },
      all: { type: 'boolean', default: false },
    },
  });
  if (!values.handler && !values.event && !values.type && !values.all) {
    print('Choose what to replay: --handler <id>, --event <id>, --type <event type>, or --all for every dead letter.');
    return 2;
  }
  const { replayed } = await operations.replayDeadLetters({
    handlerId: values.handler,
    eventId: values.event,
    eventType: values.type,
    limit: values.limit ? Number(values.limit) : undefined,
  });
  print(`Replayed ${replayed} dead letter${replayed === 1 ? '' : 's'}.`);
  return 0;
}
