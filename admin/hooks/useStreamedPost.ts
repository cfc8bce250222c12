import { useCallback, useEffect, useRef, useState } from 'react';
import { isAbort, streamErrorOf, streamEvents } from '../utils/event-stream';

export type StreamStatus = 'idle' | 'streaming' | 'done' | 'stopped' | 'failed';

export interface StreamState<R> {
  status: StreamStatus;
  /** The `delta` chunks so far, joined: a live preview of what is being written. */
  text: string;
  result?: R;
  error?: string;
}

export type Outcome<R> =
  { status: 'done'; result: R } | { status: 'stopped' } | { status: 'failed'; error: string };

const IDLE = { status: 'idle', text: '' } as const;

/**
 * A POST answered with `delta` events, then `result` or `error` (the short writers, the
 * content manager's rewrite). `stop()` aborts the request, and leaving the page does too: the
 * server stops its model call when the reader goes away.
 */
export const useStreamedPost = <R>() => {
  const [state, setState] = useState<StreamState<R>>(IDLE);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const stop = useCallback(() => controller.current?.abort(), []);
  const reset = useCallback(() => {
    const current = controller.current;
    controller.current = null;
    current?.abort();
    setState(IDLE);
  }, []);

  /** Resolves with how it ended, so the caller can announce a result or a failure. */
  const start = useCallback(async (route: string, body: unknown): Promise<Outcome<R>> => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    setState({ status: 'streaming', text: '' });
    let result: R | undefined;
    try {
      await streamEvents(route, {
        method: 'POST',
        body,
        signal: current.signal,
        onEvent: ({ event, data }) => {
          if (event === 'delta') {
            const chunk = (data as { text?: unknown } | null)?.text;
            if (typeof chunk === 'string') {
              setState((previous) => ({ ...previous, text: previous.text + chunk }));
            }
          } else if (event === 'result') {
            result = data as R;
          } else if (event === 'error') {
            throw streamErrorOf(data);
          }
        },
      });
      if (result === undefined) throw new Error('The stream ended without a result.');
      const final = result;
      setState((previous) => ({ ...previous, status: 'done', result: final }));
      return { status: 'done', result: final };
    } catch (error) {
      if (current.signal.aborted && (isAbort(error) || result === undefined)) {
        // A newer request replaced this one, or the user pressed Stop: keep the preview.
        if (controller.current === current) {
          setState((previous) => ({ ...previous, status: 'stopped' }));
        }
        return { status: 'stopped' };
      }
      const message = error instanceof Error ? error.message : String(error);
      setState((previous) => ({ ...previous, status: 'failed', error: message }));
      return { status: 'failed', error: message };
    } finally {
      if (controller.current === current) controller.current = null;
    }
  }, []);

  return { ...state, start, stop, reset };
};
