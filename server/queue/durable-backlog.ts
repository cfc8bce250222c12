import { randomUUID } from 'node:crypto';

/** An item as kept: stamped, so one kept again after it was sent is told from the one sent. */
export interface Kept<T> {
  item: T;
  stamp: string;
}

/** Where a backlog is kept: a plugin store entry, in the database the saves went to. */
export interface BacklogStore<T> {
  get(): Promise<Record<string, Kept<T>> | null>;
  set(value: Record<string, Kept<T>>): Promise<void>;
}

export interface DurableBacklog<T> {
  /** Keeps an item whose job could not be queued; one per key, the latest. */
  add(item: T): Promise<void>;
  /**
   * Queues what is kept, through `send`, and forgets what went; what could not go stays, and
   * the first refusal is thrown once every item was tried.
   */
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
        await store.set({ ...kept, [key]: { item, stamp: randomUUID() } });
      }),

    flush: (send) =>
      inTurn(async () => {
        const kept = Object.entries((await store.get()) ?? {});
        if (!kept.length) return;
        const sent = new Map<string, string>();
        let failure: unknown;
        for (const [key, { item, stamp }] of kept) {
          try {
            await send(item);
            sent.set(key, stamp);
          } catch (error) {
            failure ??= error;
          }
        }
        if (sent.size) {
          // Kept again since it was sent (saved anew meanwhile): it stays for the next flush.
          const now = (await store.get()) ?? {};
          await store.set(
            Object.fromEntries(
              Object.entries(now).filter(([key, { stamp }]) => sent.get(key) !== stamp),
            ),
          );
        }
        if (failure) throw failure;
      }),
  };
};
