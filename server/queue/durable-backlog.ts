/** Where a backlog is kept: a plugin store entry, in the database the saves went to. */
export interface BacklogStore<T> {
  get(): Promise<Record<string, T> | null>;
  set(value: Record<string, T>): Promise<void>;
}

export interface DurableBacklog<T> {
  /** Keeps an item whose job could not be queued; one per key, the latest. */
  add(item: T): Promise<void>;
  /**
   * Queues what is kept, through `send`, and forgets it once all went; what could not go stays.
   * Reads the store only while something may be kept: after a miss here, or once after boot.
   */
  flush(send: (item: T) => Promise<unknown>): Promise<void>;
}

/**
 * Jobs that could not be queued while Redis was away, kept in the database so they are queued
 * when it is back (the next job queued, or the next boot) rather than lost. One process's
 * reads and writes of the store take turns, so none overwrites another's.
 */
export const durableBacklog = <T>(
  store: BacklogStore<T>,
  keyOf: (item: T) => string,
  { limit, onOverflow }: { limit: number; onOverflow(item: T): void },
): DurableBacklog<T> => {
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <R>(work: () => Promise<R>): Promise<R> => {
    const next = turn.then(work, work);
    turn = next.catch(() => undefined);
    return next;
  };
  let maybeKept = true;

  return {
    add: (item) =>
      inTurn(async () => {
        maybeKept = true;
        const kept = (await store.get()) ?? {};
        const key = keyOf(item);
        if (!(key in kept) && Object.keys(kept).length >= limit) {
          onOverflow(item);
          return;
        }
        await store.set({ ...kept, [key]: item });
      }),

    flush: (send) =>
      inTurn(async () => {
        if (!maybeKept) return;
        const kept = (await store.get()) ?? {};
        const left: Record<string, T> = {};
        let failure: unknown;
        for (const [key, item] of Object.entries(kept)) {
          if (failure) {
            left[key] = item;
            continue;
          }
          try {
            await send(item);
          } catch (error) {
            failure = error;
            left[key] = item;
          }
        }
        if (Object.keys(kept).length) await store.set(left);
        maybeKept = Boolean(failure);
        if (failure) throw failure;
      }),
  };
};
