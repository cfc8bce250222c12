/** Where a backlog is kept: a plugin store entry, in the database the saves went to. */
export interface BacklogStore<T> {
  get(): Promise<Record<string, T> | null>;
  set(value: Record<string, T>): Promise<void>;
}

export interface DurableBacklog<T> {
  /** Keeps an item whose job could not be queued; one per key, the latest. */
  add(item: T): Promise<void>;
  /** Queues what is kept, through `send`, and forgets what went; what could not go stays. */
  flush(send: (item: T) => Promise<unknown>): Promise<void>;
}

/**
 * Jobs that could not be queued while Redis was away, kept in the database so they are queued
 * when it is back (by any process: the next job queued, or the next boot) rather than lost. One
 * process's reads and writes of the store take turns; across processes, each write follows its
 * read at once, and a flush forgets only the items it sent, as it sent them.
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

  return {
    add: (item) =>
      inTurn(async () => {
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
        const kept = Object.entries((await store.get()) ?? {});
        if (!kept.length) return;
        const sent = new Map<string, string>();
        let failure: unknown;
        for (const [key, item] of kept) {
          try {
            await send(item);
            sent.set(key, JSON.stringify(item));
          } catch (error) {
            failure = error;
            break;
          }
        }
        if (sent.size) {
          // Kept again since it was sent (saved anew meanwhile): it stays for the next flush.
          const now = (await store.get()) ?? {};
          await store.set(
            Object.fromEntries(
              Object.entries(now).filter(([key, item]) => sent.get(key) !== JSON.stringify(item)),
            ),
          );
        }
        if (failure) throw failure;
      }),
  };
};
