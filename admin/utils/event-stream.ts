import { attemptTokenRefresh } from '@strapi/strapi/admin';
import { PLUGIN_ID } from '../../contracts/permissions';

/**
 * Server-sent events from the plugin's routes. `EventSource` cannot send the admin's bearer
 * token, so this reads the stream with `fetch` (same origin as the admin) and parses it here.
 */

export interface ServerEvent {
  event: string;
  /** The `data:` lines parsed as JSON, or the raw text when they are not JSON. */
  data: unknown;
}

/** The request was refused, or the stream reported an `error` event; `status` is the HTTP one. */
export class EventStreamError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = 'EventStreamError';
  }
}

const TOKEN_KEY = 'jwtToken';

/** Where Strapi's admin keeps its token: localStorage ("remember me", JSON-encoded) or a cookie. */
const adminToken = (): string | null => {
  const stored = localStorage.getItem(TOKEN_KEY);
  if (stored) {
    try {
      const parsed: unknown = JSON.parse(stored);
      if (typeof parsed === 'string') return parsed;
    } catch {
      return stored;
    }
  }
  const cookie = document.cookie
    .split('; ')
    .find((entry) => entry.startsWith(`${TOKEN_KEY}=`))
    ?.slice(TOKEN_KEY.length + 1);
  return cookie ? decodeURIComponent(cookie) : null;
};

const backendURL = (): string =>
  (window as Window & { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';

const parseData = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** One event block (the lines between blank lines); comments (`: keep-alive`) yield nothing. */
const parseBlock = (block: string): ServerEvent | undefined => {
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  return data.length ? { event, data: parseData(data.join('\n')) } : undefined;
};

const messageOf = async (response: Response): Promise<string> => {
  const body = parseData(await response.text());
  const message =
    typeof body === 'object' && body !== null
      ? (body as { error?: { message?: unknown } }).error?.message
      : undefined;
  return typeof message === 'string' && message
    ? message
    : response.statusText || `HTTP ${response.status}`;
};

export interface StreamRequest {
  method?: 'GET' | 'POST';
  body?: unknown;
  signal?: AbortSignal;
  onEvent: (event: ServerEvent) => void;
}

const send = (route: string, request: StreamRequest, token: string | null) =>
  fetch(`${backendURL()}/${PLUGIN_ID}${route}`, {
    method: request.method ?? 'GET',
    signal: request.signal,
    headers: {
      Accept: 'text/event-stream',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(request.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });

/**
 * Calls a plugin route (`/writers/news/generate`) and hands each event to `onEvent` until the
 * stream ends. Refusals (4xx, 5xx) reject with the server's own message. The admin's access
 * token is short-lived: a 401 gets one refresh, as the admin's own fetch client does.
 */
export const streamEvents = async (route: string, request: StreamRequest): Promise<void> => {
  const token = adminToken();
  let response = await send(route, request, token);
  if (response.status === 401) {
    response = await send(route, request, await attemptTokenRefresh(token));
  }
  if (!response.ok) throw new EventStreamError(await messageOf(response), response.status);
  if (!response.body) throw new EventStreamError('The response has no body.', response.status);

  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += value;
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = blocks.pop() ?? '';
    for (const block of blocks) {
      const event = parseBlock(block);
      if (event) request.onEvent(event);
    }
  }
  const last = parseBlock(buffer);
  if (last) request.onEvent(last);
};

/** An `error` event's data: `{ status, message }`, as the plugin sends it. */
export const streamErrorOf = (data: unknown): EventStreamError => {
  const { status, message } = (data ?? {}) as { status?: unknown; message?: unknown };
  return new EventStreamError(
    typeof message === 'string' ? message : 'The stream failed.',
    typeof status === 'number' ? status : 500,
  );
};

export const isAbort = (error: unknown): boolean =>
  error instanceof DOMException && error.name === 'AbortError';
