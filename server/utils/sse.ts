import { PassThrough } from 'node:stream';
import type { Context } from 'koa';

export interface EventStream {
  send(event: string, data: unknown): void;
  close(): void;
  /** Resolves when the client goes away or the stream is closed. */
  readonly closed: Promise<void>;
}

const HEARTBEAT_MS = 15_000;

/** Opens a `text/event-stream` response on a Koa context. */
export const openEventStream = (ctx: Context): EventStream => {
  const body = new PassThrough();
  ctx.req.socket.setTimeout(0);
  ctx.req.socket.setNoDelay(true);
  ctx.set({
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    // Tells proxies such as nginx not to buffer the stream.
    'X-Accel-Buffering': 'no',
  });
  ctx.status = 200;
  ctx.body = body;

  let done = false;
  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  const heartbeat = setInterval(() => body.write(': keep-alive\n\n'), HEARTBEAT_MS);
  const finish = () => {
    if (done) return;
    done = true;
    clearInterval(heartbeat);
    body.end();
    resolveClosed();
  };
  // The response, not the request: a request's 'close' may have fired once its body was read.
  ctx.res.on('close', finish);
  body.on('close', finish);

  return {
    send(event, data) {
      if (!done) body.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close: finish,
    closed,
  };
};
