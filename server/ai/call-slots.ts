import { AbortedError } from './errors';

/**
 * Waits for a model-call slot and answers the function that gives it back. A call holds its slot
 * for one attempt only: a retry's backoff, and the job's own work between calls, hold none.
 */
export type CallGate = (signal?: AbortSignal) => Promise<() => void>;

interface Waiter {
  /** Calls its job has had so far, then the job's claim order: lower goes first. */
  rank: [number, number];
  grant(): void;
}

const before = (a: Waiter['rank'], b: Waiter['rank']) =>
  a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/**
 * At most `limit` model calls at once, shared by one queue's jobs in this process. A worker holds
 * more jobs than there are slots, so that while one job saves its draft another's call goes out.
 * When several wait, the job that has had the fewest calls goes first (then the one claimed
 * first): held jobs advance together, so a batch does not end with its last jobs running alone
 * on one slot each while the others stand idle.
 */
export const createCallSlots = (limit: number) => {
  let free = limit;
  // Kept sorted by priority, lowest first; equal priorities in arrival order.
  const waiting: Waiter[] = [];

  const handBack = () => {
    const next = waiting.shift();
    if (next) next.grant();
    else free += 1;
  };

  /** Each slot is given back once, however often its release is called. */
  const releaser = () => {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      handBack();
    };
  };

  return {
    /** A gate for one job; `order` is when it was claimed, lower first. */
    gate(order: number): CallGate {
      let calls = 0;
      return (signal) =>
        new Promise((resolve, reject) => {
          const rank: Waiter['rank'] = [calls, order];
          calls += 1;
          if (signal?.aborted) {
            reject(new AbortedError(signal.reason));
            return;
          }
          if (free > 0) {
            free -= 1;
            resolve(releaser());
            return;
          }
          const onAbort = () => {
            const index = waiting.indexOf(waiter);
            if (index >= 0) waiting.splice(index, 1);
            reject(new AbortedError(signal?.reason));
          };
          const waiter: Waiter = {
            rank,
            grant: () => {
              signal?.removeEventListener('abort', onAbort);
              resolve(releaser());
            },
          };
          const at = waiting.findIndex((other) => before(rank, other.rank));
          waiting.splice(at < 0 ? waiting.length : at, 0, waiter);
          signal?.addEventListener('abort', onAbort, { once: true });
        });
    },
    /** Slots free right now and calls waiting for one (for tests and diagnostics). */
    state: () => ({ free, waiting: waiting.length }),
  };
};

export type CallSlots = ReturnType<typeof createCallSlots>;
