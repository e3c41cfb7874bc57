/** How long a burst of events is gathered before the views it touched refetch (once each). */
export const liveBatchWindowMs = 250;

/**
 * Folds a burst of live events into one refresh: the first event opens a window of `windowMs`;
 * every event inside it only adds its stale key prefixes and itself, and when the window ends
 * `flush` gets each prefix once and the window's events by type. A daily scan's 5,000
 * isolations make an open page refetch each view once, not 5,000 times.
 */
export function createLiveBatch<Key extends readonly unknown[], Event extends { type: string }>(
  windowMs: number,
  flush: (staleKeys: Key[], eventsByType: Map<string, Event[]>) => void,
) {
  let keys = new Map<string, Key>();
  let events = new Map<string, Event[]>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = () => {
    const [staleKeys, byType] = [[...keys.values()], events];
    keys = new Map();
    events = new Map();
    timer = undefined;
    flush(staleKeys, byType);
  };

  return {
    add(event: Event, staleKeys: readonly Key[]) {
      for (const key of staleKeys) keys.set(JSON.stringify(key), key);
      const ofType = events.get(event.type);
      if (ofType) ofType.push(event);
      else events.set(event.type, [event]);
      timer ??= setTimeout(run, windowMs);
    },
    /** Drops what is waiting (the page closed the stream). */
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      keys = new Map();
      events = new Map();
    },
  };
}
