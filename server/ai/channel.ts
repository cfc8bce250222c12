/**
 * A one-reader queue between a producer that pushes and a consumer that iterates, so that
 * deltas reach the reader as they arrive. `return()` from the reader (a `break`) calls `onCancel`.
 */
export interface Channel<T> extends AsyncIterable<T> {
  push(value: T): void;
  close(error?: unknown): void;
}

export const createChannel = <T>(onCancel: () => void): Channel<T> => {
  const buffer: T[] = [];
  let closed = false;
  let failure: unknown;
  let wake: (() => void) | undefined;

  const notify = () => {
    wake?.();
    wake = undefined;
  };

  return {
    push(value) {
      if (closed) return;
      buffer.push(value);
      notify();
    },
    close(error) {
      if (closed) return;
      closed = true;
      failure = error;
      notify();
    },
    async *[Symbol.asyncIterator]() {
      let completed = false;
      try {
        while (true) {
          if (buffer.length) {
            yield buffer.shift()!;
          } else if (closed) {
            completed = true;
            if (failure) throw failure;
            return;
          } else {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
          }
        }
      } finally {
        if (!completed) onCancel();
      }
    },
  };
};
