import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { liveEventTypes } from '../web/src/live-events.ts';
import { eventCatalog } from './composition-root.ts';

/**
 * Lists of events kept by hand outside the catalog must say what the catalog and the handler
 * registry say: a new event or handler fails here until the web and the docs know it.
 */

/** The rows of the markdown table whose header begins with `header`, as cells. */
function tableRows(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith(header));
  if (start < 0) throw new Error(`no table "${header}" in ARCHITECTURE.md`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(1, -1).split('|').map((cell) => cell.trim()));
  }
  return rows;
}
/** Backticked names in a cell that look like event types or handler ids (`<module>.<…>`). */
const dottedNames = (cell: string) => [...cell.matchAll(/`([a-z_-]+\.[a-z_.-]+)`/g)].map((m) => m[1]);

const catalogTypes = Object.keys(eventCatalog).sort();
const architecture = readFileSync(new URL('../ARCHITECTURE.md', import.meta.url), 'utf8');

describe('hand-kept event lists', () => {
  // The registry does not depend on the driver: one database is enough to build the app.
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp('pglite');
  });
  afterAll(async () => app?.stop());

  const registry = () =>
    app.bus.operations
      .listTopics()
      .flatMap((topic) => topic.events.map((event) => ({ ...event, topic: topic.topic })))
      .sort((a, b) => a.type.localeCompare(b.type));

  it('the web listens to every event the live feed may send it', () => {
    expect([...liveEventTypes].sort()).toEqual(catalogTypes);
  });

  it("ARCHITECTURE.md's event table lists every catalog event with its topic", () => {
    const documented = tableRows(architecture, '| event | topic |').map(([type, topic]) => ({ type: dottedNames(type)[0], topic: topic.replaceAll('`', '') }));
    expect(documented.sort((a, b) => a.type.localeCompare(b.type))).toEqual(registry().map(({ type, topic }) => ({ type, topic })));
  });

  it("ARCHITECTURE.md's handler table lists every handler with the events it handles", () => {
    const handlers = new Map<string, string[]>();
    for (const { type, handlers: ids } of registry()) for (const id of ids) handlers.set(id, [...(handlers.get(id) ?? []), type].sort());
    const documented = tableRows(architecture, '| handler | on |').map(([id, on]) => [dottedNames(id)[0], dottedNames(on).sort()] as const);
    expect(new Map(documented.sort(([a], [b]) => a.localeCompare(b)))).toEqual(new Map([...handlers].sort(([a], [b]) => a.localeCompare(b))));
  });
});
