import type { Context } from 'koa';
import { streamFailureOf } from './http-errors';
import { openEventStream } from './sse';

export interface StreamedCall {
  signal: AbortSignal;
  onDelta?: (text: string) => void;
  /** Other events the stream carries (citations, tool results), by name; none when not streamed. */
  onEvent?: (event: string, data: unknown) => void;
}

/**
 * Answers a model call that can stream: with `Accept: text/event-stream`, `delta` events as the
 * text is written, then `result` (or `error`); otherwise `{ data }` once done. Either way the
 * client going away aborts the call. Checks that need no model call belong before this, so
 * they still answer with their own status.
 */
export const answerStreamed = async <T>(
  ctx: Context,
  run: (call: StreamedCall) => Promise<T>,
): Promise<void> => {
  const aborted = new AbortController();
  if (ctx.get('accept').includes('text/event-stream')) {
    const stream = openEventStream(ctx);
    void stream.closed.then(() => aborted.abort('The client went away.'));
    // Koa pipes the stream once the handler returns: the writing goes on after it.
    void run({
      signal: aborted.signal,
      onDelta: (text) => stream.send('delta', { text }),
      onEvent: (event, data) => stream.send(event, data),
    })
      .then(
        (result) => stream.send('result', result),
        (error: unknown) => stream.send('error', streamFailureOf(error)),
      )
      .finally(() => stream.close());
    return;
  }
  // The response closing before it was written means the client went away.
  ctx.res.on('close', () => {
    if (!ctx.res.writableFinished) aborted.abort('The client went away.');
  });
  ctx.body = { data: await run({ signal: aborted.signal }) };
};
