/**
 * A fake model server for tests: speaks the OpenAI and Gemini (Generative Language API) wire
 * protocols over loopback so the real `openai` and `@google/genai` SDKs can be pointed at it.
 *
 * Replies are scripted with `enqueue()` / `setDefault()`; every request is recorded in `requests`.
 * Nothing here ever talks to a real model API.
 */
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { runInThisContext } from 'node:vm';

export interface FakeToolCall {
  name: string;
  arguments: Record<string, unknown>;
}

export interface FakeReply {
  /** Assistant text (OpenAI chat / Gemini generateContent). */
  text?: string;
  /** Convenience: `JSON.stringify(json)` becomes the text. */
  json?: unknown;
  /** OpenAI `tool_calls` / Gemini `functionCall` parts. */
  toolCalls?: FakeToolCall[];
  /** Explicit stream chunks; otherwise the text is split per word (see `chunkText`). */
  chunks?: string[];
  /** Answer with this HTTP error instead, in the API's own error body format. */
  status?: number;
  /** Seconds; sent as `Retry-After` (and as a google.rpc.RetryInfo detail for Gemini). */
  retryAfter?: number;
  errorMessage?: string;
  /** Wait this long before sending the response headers / first byte. */
  firstTokenDelayMs?: number;
  /** Delay between stream chunks. */
  chunkDelayMs?: number;
  /** Streaming only: after this many content chunks, destroy the socket (no final chunk). */
  cutAfterChunks?: number;
  /** Reported usage; defaults to the word count of the prompt text / of the reply text. */
  usage?: { input: number; output: number };
}

export interface RecordedRequest {
  api: 'openai' | 'gemini';
  kind: 'chat' | 'embeddings' | 'models';
  method: string;
  /** e.g. `/v1/chat/completions`, `/v1/models/gemini-2.0-flash:streamGenerateContent`. */
  path: string;
  model: string | undefined;
  stream: boolean;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed JSON, shape is per-API
  headers: Record<string, string | string[] | undefined>;
  /** The client went away before the response finished (not set for scripted cuts). */
  closedEarly: boolean;
  /** `performance.now()` when the request arrived and when its response closed (benchmarks). */
  receivedAt: number;
  closedAt?: number;
}

export interface FakeModelServer {
  readonly url: string;
  readonly openaiBaseURL: string;
  readonly geminiBaseURL: string;
  enqueue(...replies: FakeReply[]): void;
  setDefault(reply: FakeReply | ((req: RecordedRequest) => FakeReply)): void;
  readonly requests: RecordedRequest[];
  reset(): void;
  waitFor(predicate: (reqs: RecordedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

type Api = RecordedRequest['api'];
type Kind = RecordedRequest['kind'];
type DefaultReply = FakeReply | ((req: RecordedRequest) => FakeReply);
type Json = Record<string, unknown>;

interface Route {
  api: Api;
  kind: Kind;
  /** Gemini carries the model (and streaming) in the URL; OpenAI in the body. */
  pathModel?: string;
  geminiMethod?: string;
}

/** A reply normalised into what both protocols need. */
interface Script {
  text: string | null;
  chunks: string[];
  toolCalls: FakeToolCall[];
  usage: { input: number; output: number };
}

/** Pre-serialised SSE frames; only `body` frames count towards `cutAfterChunks`. */
interface SseFrames {
  head: string[];
  body: string[];
  tail: string[];
}

interface ServerState {
  queue: FakeReply[];
  fallback: DefaultReply;
  requests: RecordedRequest[];
  sockets: Set<Socket>;
  /** Cancels pending delays so `close()` never waits on a scripted sleep. */
  pendingWaits: Set<() => void>;
  /** Responses the server cuts on purpose, so they are not reported as client aborts. */
  cutResponses: WeakSet<ServerResponse>;
  closing: boolean;
  nextId: number;
}

const INITIAL_DEFAULT: FakeReply = { text: 'Hello from the fake model.' };
/** As many as the content index's budget names; a real model's are many more. */
const DEFAULT_EMBEDDING_DIMS = 256;
const MAX_CHUNK_CHARS = 16;
const WAIT_POLL_MS = 10;
const UNDICI_DISPATCHER = Symbol.for('undici.globalDispatcher.1');

const OPENAI_MODELS = ['gpt-4o-mini', 'gpt-4o', 'text-embedding-3-small'];
const GEMINI_MODELS = ['gemini-2.0-flash', 'gemini-2.5-pro', 'text-embedding-004'];

const GEMINI_ROUTE =
  /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent|embedContent|batchEmbedContents)$/;
const GEMINI_LIST_ROUTE = /^\/(v1|v1beta|v1alpha)\/models$/;
const GEMINI_CHAT_METHODS = new Set(['generateContent', 'streamGenerateContent']);

const GOOGLE_STATUS: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ABORTED',
  429: 'RESOURCE_EXHAUSTED',
  499: 'CANCELLED',
  500: 'INTERNAL',
  501: 'NOT_IMPLEMENTED',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

const OPENAI_ERROR_KIND: Record<number, { type: string; code: string | null }> = {
  400: { type: 'invalid_request_error', code: null },
  401: { type: 'invalid_request_error', code: 'invalid_api_key' },
  403: { type: 'invalid_request_error', code: 'unsupported_country_region_territory' },
  404: { type: 'invalid_request_error', code: 'model_not_found' },
  429: { type: 'requests', code: 'rate_limit_exceeded' },
};

// ---------------------------------------------------------------------------------------------
// Small pure helpers
// ---------------------------------------------------------------------------------------------

function countWords(text: string): number {
  return text.split(/\s+/).filter((word) => word.length > 0).length;
}

/** Collects prompt text from `content` / `text` keys only, so roles and ids are not counted. */
function collectPromptText(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    node.forEach((item) => collectPromptText(item, out));
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string' && (key === 'content' || key === 'text')) out.push(value);
      else if (typeof value === 'object') collectPromptText(value, out);
    }
  }
  return out;
}

function promptWordCount(api: Api, body: unknown): number {
  if (body === null || typeof body !== 'object') return 0;
  const source = body as Json;
  const parts = api === 'openai' ? [source.messages] : [source.contents, source.systemInstruction];
  return countWords(collectPromptText(parts).join(' '));
}

/**
 * Splits text per word (keeping trailing whitespace) and caps long words, so JSON without
 * spaces still streams in several pieces. Joining the result gives back exactly `text`.
 */
export function chunkText(text: string): string[] {
  const words = text.match(/^\s+|\S+\s*/g) ?? [];
  return words.flatMap((word) => {
    const pieces: string[] = [];
    for (let i = 0; i < word.length; i += MAX_CHUNK_CHARS) {
      pieces.push(word.slice(i, i + MAX_CHUNK_CHARS));
    }
    return pieces;
  });
}

/**
 * A deterministic, unit-length embedding that means something: each word (lower-cased, its first
 * six letters, so "refunds" and "refund" meet) adds its own pseudo-random direction, so texts
 * sharing words point alike, as a real model's vectors do for texts sharing meaning. Values are
 * rounded to float32 so the OpenAI SDK's default base64 (float32) encoding decodes identically.
 */
export function fakeEmbedding(text: string, dims: number = DEFAULT_EMBEDDING_DIMS): number[] {
  const sum = new Array<number>(dims).fill(0);
  const words = text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [text];
  for (const word of words) {
    const digest = createHash('sha256').update(word.slice(0, 6)).digest();
    for (let i = 0; i < dims; i += 1) {
      // Each byte's bits pick the sign of one dimension: a ±1 vector per word.
      sum[i]! += (digest[i % digest.length]! >> (Math.floor(i / digest.length) % 8)) & 1 ? 1 : -1;
    }
  }
  const norm = Math.sqrt(sum.reduce((total, value) => total + value * value, 0)) || 1;
  return sum.map((value) => Math.fround(value / norm));
}

function toBase64Float32(values: number[]): string {
  return Buffer.from(new Float32Array(values).buffer).toString('base64');
}

function replyText(reply: FakeReply): string | null {
  if (reply.text !== undefined) return reply.text;
  if (reply.json !== undefined) return JSON.stringify(reply.json);
  if (reply.chunks !== undefined) return reply.chunks.join('');
  // A pure tool-call reply has no content at all (OpenAI sends `content: null`).
  return reply.toolCalls?.length ? null : '';
}

function toScript(reply: FakeReply, api: Api, body: unknown): Script {
  const text = replyText(reply);
  return {
    text,
    chunks: reply.chunks ?? chunkText(text ?? ''),
    toolCalls: reply.toolCalls ?? [],
    usage: reply.usage ?? {
      input: promptWordCount(api, body),
      output: countWords(text ?? ''),
    },
  };
}

function sseFrame(payload: unknown, separator = '\n\n'): string {
  return `data: ${typeof payload === 'string' ? payload : JSON.stringify(payload)}${separator}`;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

// ---------------------------------------------------------------------------------------------
// OpenAI payloads
// ---------------------------------------------------------------------------------------------

function openaiUsage(usage: Script['usage']): Json {
  return {
    prompt_tokens: usage.input,
    completion_tokens: usage.output,
    total_tokens: usage.input + usage.output,
  };
}

function toolCallId(id: string, index: number): string {
  return `call_${id}_${index}`;
}

function openaiToolCalls(id: string, calls: FakeToolCall[]): Json[] {
  return calls.map((call, index) => ({
    id: toolCallId(id, index),
    type: 'function',
    function: { name: call.name, arguments: JSON.stringify(call.arguments) },
  }));
}

/** Opening delta carries id and name; the arguments JSON follows in small pieces, as upstream. */
function openaiToolCallDeltas(id: string, calls: FakeToolCall[]): Json[] {
  return calls.flatMap((call, index) => [
    {
      tool_calls: [
        {
          index,
          id: toolCallId(id, index),
          type: 'function',
          function: { name: call.name, arguments: '' },
        },
      ],
    },
    ...chunkText(JSON.stringify(call.arguments)).map((piece) => ({
      tool_calls: [{ index, function: { arguments: piece } }],
    })),
  ]);
}

function openaiCompletion(id: string, model: string, script: Script): Json {
  const message: Json = { role: 'assistant', content: script.text, refusal: null, annotations: [] };
  if (script.toolCalls.length > 0) message.tool_calls = openaiToolCalls(id, script.toolCalls);
  return {
    id: `chatcmpl-${id}`,
    object: 'chat.completion',
    created: nowSeconds(),
    model,
    system_fingerprint: 'fp_fake',
    choices: [
      {
        index: 0,
        message,
        logprobs: null,
        finish_reason: script.toolCalls.length > 0 ? 'tool_calls' : 'stop',
      },
    ],
    usage: openaiUsage(script.usage),
  };
}

function openaiStreamFrames(id: string, model: string, script: Script, body: Json): SseFrames {
  const includeUsage = (body.stream_options as Json | undefined)?.include_usage === true;
  const frame = (fields: Json): string =>
    sseFrame({
      id: `chatcmpl-${id}`,
      object: 'chat.completion.chunk',
      created: nowSeconds(),
      model,
      system_fingerprint: 'fp_fake',
      // The real API sends `usage: null` on every chunk once usage reporting is requested.
      ...(includeUsage ? { usage: null } : {}),
      ...fields,
    });
  const delta = (value: Json, finishReason: string | null = null): string =>
    frame({ choices: [{ index: 0, delta: value, logprobs: null, finish_reason: finishReason }] });

  const tail = [delta({}, script.toolCalls.length > 0 ? 'tool_calls' : 'stop')];
  if (includeUsage) tail.push(frame({ choices: [], usage: openaiUsage(script.usage) }));
  tail.push(sseFrame('[DONE]'));

  return {
    head: [delta({ role: 'assistant', content: script.text === null ? null : '' })],
    body: [
      ...script.chunks.map((content) => delta({ content })),
      ...openaiToolCallDeltas(id, script.toolCalls).map((value) => delta(value)),
    ],
    tail,
  };
}

function openaiEmbeddingInputs(input: unknown): string[] {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.every((item) => typeof item === 'number')) {
    return [JSON.stringify(input)]; // a single pre-tokenised input
  }
  if (Array.isArray(input)) {
    return input.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
  }
  return [];
}

function openaiEmbeddings(body: Json): Json {
  const inputs = openaiEmbeddingInputs(body.input);
  const dims = typeof body.dimensions === 'number' ? body.dimensions : DEFAULT_EMBEDDING_DIMS;
  const base64 = body.encoding_format === 'base64';
  const tokens = inputs.reduce((sum, text) => sum + countWords(text), 0);
  return {
    object: 'list',
    data: inputs.map((text, index) => {
      const vector = fakeEmbedding(text, dims);
      return { object: 'embedding', index, embedding: base64 ? toBase64Float32(vector) : vector };
    }),
    model: typeof body.model === 'string' ? body.model : 'text-embedding-3-small',
    usage: { prompt_tokens: tokens, total_tokens: tokens },
  };
}

function openaiModelList(): Json {
  return {
    object: 'list',
    data: OPENAI_MODELS.map((id) => ({
      id,
      object: 'model',
      created: 1700000000,
      owned_by: 'openai',
    })),
  };
}

function openaiError(status: number, message: string): Json {
  const kind = OPENAI_ERROR_KIND[status] ?? { type: 'server_error', code: null };
  return { error: { message, type: kind.type, param: null, code: kind.code } };
}

// ---------------------------------------------------------------------------------------------
// Gemini payloads
// ---------------------------------------------------------------------------------------------

function geminiUsage(usage: Script['usage']): Json {
  return {
    promptTokenCount: usage.input,
    candidatesTokenCount: usage.output,
    totalTokenCount: usage.input + usage.output,
  };
}

function geminiParts(text: string | null, calls: FakeToolCall[]): Json[] {
  const parts: Json[] = text === null || text === '' ? [] : [{ text }];
  calls.forEach((call) => parts.push({ functionCall: { name: call.name, args: call.arguments } }));
  return parts.length > 0 ? parts : [{ text: '' }];
}

function geminiResponse(id: string, model: string, parts: Json[], final?: Script['usage']): Json {
  const candidate: Json = { content: { parts, role: 'model' }, index: 0 };
  if (final) candidate.finishReason = 'STOP';
  return {
    candidates: [candidate],
    ...(final ? { usageMetadata: geminiUsage(final) } : {}),
    modelVersion: model,
    responseId: id,
  };
}

function geminiStreamFrames(id: string, model: string, script: Script): SseFrames {
  // Gemini's SSE uses CRLF framing; the SDK accepts both, this stays close to the real thing.
  const frame = (payload: Json): string => sseFrame(payload, '\r\n\r\n');
  const textFrames = script.chunks.map((text) => frame(geminiResponse(id, model, [{ text }])));
  const toolFrames = script.toolCalls.map((call) =>
    frame(geminiResponse(id, model, geminiParts(null, [call]))),
  );
  return {
    head: [],
    body: [...textFrames, ...toolFrames],
    tail: [frame(geminiResponse(id, model, [{ text: '' }], script.usage))],
  };
}

interface GeminiEmbedRequest {
  content?: unknown;
  outputDimensionality?: unknown;
}

function geminiEmbedValues(request: GeminiEmbedRequest): { values: number[] } {
  const text = collectPromptText(request.content).join(' ');
  const dims =
    typeof request.outputDimensionality === 'number'
      ? request.outputDimensionality
      : DEFAULT_EMBEDDING_DIMS;
  return { values: fakeEmbedding(text, dims) };
}

function geminiEmbeddings(method: string, body: Json): Json {
  if (method === 'embedContent') return { embedding: geminiEmbedValues(body) };
  const requests = Array.isArray(body.requests) ? (body.requests as GeminiEmbedRequest[]) : [];
  return { embeddings: requests.map(geminiEmbedValues) };
}

function geminiModelList(): Json {
  return {
    models: GEMINI_MODELS.map((name) => ({
      name: `models/${name}`,
      version: '001',
      displayName: name,
      inputTokenLimit: 1048576,
      outputTokenLimit: 8192,
      supportedGenerationMethods: name.includes('embedding')
        ? ['embedContent', 'batchEmbedContents']
        : ['generateContent', 'countTokens'],
    })),
  };
}

function geminiError(status: number, message: string, retryAfter?: number): Json {
  const details =
    retryAfter === undefined
      ? []
      : [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${retryAfter}s` }];
  return { error: { code: status, message, status: GOOGLE_STATUS[status] ?? 'UNKNOWN', details } };
}

// ---------------------------------------------------------------------------------------------
// Routing and recording
// ---------------------------------------------------------------------------------------------

function isGeminiClient(headers: IncomingHttpHeaders): boolean {
  return headers['x-goog-api-key'] !== undefined || headers['x-goog-api-client'] !== undefined;
}

function matchRoute(method: string, path: string, headers: IncomingHttpHeaders): Route | undefined {
  const [, , model = '', geminiMethod = ''] = GEMINI_ROUTE.exec(path) ?? [];
  if (geminiMethod && method === 'POST') {
    const kind: Kind = GEMINI_CHAT_METHODS.has(geminiMethod) ? 'chat' : 'embeddings';
    return { api: 'gemini', kind, pathModel: decodeURIComponent(model), geminiMethod };
  }
  // `GET /v1/models` is shared by both APIs (the Gemini SDK defaults to v1), so ask the headers.
  const listVersion = GEMINI_LIST_ROUTE.exec(path)?.[1];
  if (listVersion && method === 'GET') {
    const api: Api = listVersion !== 'v1' || isGeminiClient(headers) ? 'gemini' : 'openai';
    return { api, kind: 'models' };
  }
  if (method === 'POST' && path === '/v1/chat/completions') return { api: 'openai', kind: 'chat' };
  if (method === 'POST' && path === '/v1/embeddings') return { api: 'openai', kind: 'embeddings' };
  return undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  if (raw.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

function asObject(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Json)
    : {};
}

function recordRequest(
  state: ServerState,
  req: IncomingMessage,
  res: ServerResponse,
  route: Route,
  body: unknown,
  path: string,
): RecordedRequest {
  const fields = asObject(body);
  const record: RecordedRequest = {
    api: route.api,
    kind: route.kind,
    method: req.method ?? 'GET',
    path,
    model: route.pathModel ?? (typeof fields.model === 'string' ? fields.model : undefined),
    stream:
      route.api === 'gemini'
        ? route.geminiMethod === 'streamGenerateContent'
        : fields.stream === true,
    body,
    headers: { ...req.headers },
    closedEarly: false,
    receivedAt: performance.now(),
  };
  res.on('close', () => {
    record.closedAt = performance.now();
    if (!res.writableFinished && !state.cutResponses.has(res) && !state.closing) {
      record.closedEarly = true;
    }
  });
  state.requests.push(record);
  return record;
}

// ---------------------------------------------------------------------------------------------
// Response writing
// ---------------------------------------------------------------------------------------------

/** Resolves `true` after `ms`, or `false` as soon as the connection goes away. */
function waitUnlessClosed(state: ServerState, res: ServerResponse, ms: number): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const finish = (open: boolean): void => {
      clearTimeout(timer);
      res.off('close', cancel);
      state.pendingWaits.delete(cancel);
      resolve(open);
    };
    const cancel = (): void => finish(false);
    const timer = setTimeout(() => finish(true), ms);
    res.once('close', cancel);
    state.pendingWaits.add(cancel);
  });
}

/** Writes one frame and resolves once it reached the socket, so a later cut cannot drop it. */
function writeFrame(res: ServerResponse, frame: string): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onClose = (): void => resolve(false);
    res.once('close', onClose);
    res.write(frame, () => {
      res.off('close', onClose);
      resolve(!res.destroyed);
    });
  });
}

function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

function defaultErrorMessage(api: Api, status: number): string {
  if (status === 429) {
    return api === 'openai'
      ? 'Rate limit reached for requests (fake model server).'
      : 'Resource has been exhausted (e.g. check quota). (fake model server)';
  }
  return `Fake model server error ${status}.`;
}

function sendApiError(res: ServerResponse, api: Api, status: number, reply: FakeReply): void {
  const message = reply.errorMessage ?? defaultErrorMessage(api, status);
  const headers: Record<string, string> = {};
  if (reply.retryAfter !== undefined) headers['retry-after'] = String(reply.retryAfter);
  const payload =
    api === 'openai'
      ? openaiError(status, message)
      : geminiError(status, message, reply.retryAfter);
  sendJson(res, status, payload, headers);
}

function cutConnection(state: ServerState, res: ServerResponse): void {
  state.cutResponses.add(res);
  res.socket?.destroy();
}

async function streamFrames(
  state: ServerState,
  res: ServerResponse,
  frames: SseFrames,
  reply: FakeReply,
): Promise<void> {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
  });
  for (const frame of frames.head) {
    if (!(await writeFrame(res, frame))) return;
  }
  const delay = reply.chunkDelayMs ?? 0;
  let sent = 0;
  for (const frame of frames.body) {
    if (reply.cutAfterChunks !== undefined && sent >= reply.cutAfterChunks) break;
    if (sent > 0 && !(await waitUnlessClosed(state, res, delay))) return;
    if (!(await writeFrame(res, frame))) return;
    sent += 1;
  }
  if (reply.cutAfterChunks !== undefined) {
    cutConnection(state, res);
    return;
  }
  if (sent > 0 && !(await waitUnlessClosed(state, res, delay))) return;
  for (const frame of frames.tail) {
    if (!(await writeFrame(res, frame))) return;
  }
  res.end();
}

// ---------------------------------------------------------------------------------------------
// Handlers
// ---------------------------------------------------------------------------------------------

function takeReply(state: ServerState, record: RecordedRequest): FakeReply {
  const queued = state.queue.shift();
  if (queued) return queued;
  return typeof state.fallback === 'function' ? state.fallback(record) : state.fallback;
}

async function handleChat(
  state: ServerState,
  res: ServerResponse,
  record: RecordedRequest,
): Promise<void> {
  const reply = takeReply(state, record);
  if (!(await waitUnlessClosed(state, res, reply.firstTokenDelayMs ?? 0))) return;
  if (reply.status !== undefined) {
    sendApiError(res, record.api, reply.status, reply);
    return;
  }
  const script = toScript(reply, record.api, record.body);
  const id = `fake${state.nextId++}`;
  const model = record.model ?? 'fake-model';
  const body = asObject(record.body);
  if (record.api === 'openai') {
    if (record.stream) {
      await streamFrames(state, res, openaiStreamFrames(id, model, script, body), reply);
    } else {
      sendJson(res, 200, openaiCompletion(id, model, script), { 'x-request-id': `req_${id}` });
    }
    return;
  }
  if (record.stream) await streamFrames(state, res, geminiStreamFrames(id, model, script), reply);
  else
    sendJson(
      res,
      200,
      geminiResponse(id, model, geminiParts(script.text, script.toolCalls), script.usage),
    );
}

/** Models and embeddings ignore the reply script: they always answer deterministically. */
function handleStatic(res: ServerResponse, record: RecordedRequest, route: Route): void {
  const body = asObject(record.body);
  if (route.kind === 'models') {
    sendJson(res, 200, route.api === 'openai' ? openaiModelList() : geminiModelList());
  } else if (route.api === 'openai') {
    sendJson(res, 200, openaiEmbeddings(body));
  } else {
    sendJson(res, 200, geminiEmbeddings(route.geminiMethod ?? 'batchEmbedContents', body));
  }
}

async function handleRequest(
  state: ServerState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const raw = await readBody(req);
  const method = req.method ?? 'GET';
  const path = new URL(req.url ?? '/', 'http://fake.invalid').pathname;
  const route = matchRoute(method, path, req.headers);
  if (!route) {
    // Unknown routes are not recorded (they have no api/kind); the message says what was missed.
    const message = `fake-model-server: no route for ${method} ${path}`;
    const api: Api = isGeminiClient(req.headers) ? 'gemini' : 'openai';
    sendJson(res, 404, api === 'openai' ? openaiError(404, message) : geminiError(404, message));
    return;
  }
  const parsed = parseJson(raw);
  const record = recordRequest(state, req, res, route, parsed.ok ? parsed.value : raw, path);
  if (!parsed.ok) {
    sendApiError(res, route.api, 400, {
      errorMessage: 'fake-model-server: body is not valid JSON',
    });
    return;
  }
  if (route.kind === 'chat') await handleChat(state, res, record);
  else handleStatic(res, record, route);
}

// ---------------------------------------------------------------------------------------------
// Server lifecycle
// ---------------------------------------------------------------------------------------------

function describeRequests(requests: RecordedRequest[]): string {
  if (requests.length === 0) return 'no requests recorded';
  return requests
    .map((r) => `${r.method} ${r.path} (${r.api}/${r.kind}, closedEarly=${r.closedEarly})`)
    .join('; ');
}

function waitForRequests(
  state: ServerState,
  predicate: (reqs: RecordedRequest[]) => boolean,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const poll = (): void => {
      if (predicate(state.requests)) {
        resolve();
      } else if (Date.now() >= deadline) {
        reject(
          new Error(
            `fake-model-server: waitFor timed out after ${timeoutMs}ms; ${describeRequests(state.requests)}`,
          ),
        );
      } else {
        setTimeout(poll, WAIT_POLL_MS);
      }
    };
    poll();
  });
}

function listen(server: Server, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });
}

function closeServer(state: ServerState, server: Server): Promise<void> {
  state.closing = true;
  [...state.pendingWaits].forEach((cancel) => cancel());
  return new Promise((resolve) => {
    server.close(() => resolve());
    state.sockets.forEach((socket) => socket.destroy());
  });
}

/**
 * Jest runs each test file in a vm context whose `globalThis` lacks the undici dispatcher that
 * Node's fetch registers on the main context. `@google/genai` 3.x looks it up on `globalThis`
 * and fails with "Undici globalDispatcher is not available", so share the main one. Outside a
 * sandbox both globals are the same object and this changes nothing.
 */
export function shareUndiciDispatcherWithSandbox(): void {
  const sandbox = globalThis as unknown as Record<symbol, unknown>;
  if (sandbox[UNDICI_DISPATCHER] !== undefined) return;
  // `new Headers()` forces Node's lazy undici initialisation in the main context.
  const main = runInThisContext('new Headers(); globalThis') as Record<symbol, unknown>;
  if (main[UNDICI_DISPATCHER] !== undefined) sandbox[UNDICI_DISPATCHER] = main[UNDICI_DISPATCHER];
}

export async function startFakeModelServer(
  options: { port?: number; host?: string } = {},
): Promise<FakeModelServer> {
  const state: ServerState = {
    queue: [],
    fallback: INITIAL_DEFAULT,
    requests: [],
    sockets: new Set(),
    pendingWaits: new Set(),
    cutResponses: new WeakSet(),
    closing: false,
    nextId: 1,
  };
  shareUndiciDispatcherWithSandbox();

  const server = createServer((req, res) => {
    handleRequest(state, req, res).catch((error: unknown) => {
      // A handler bug must fail the test loudly, not hang the SDK waiting for a response.
      if (!res.headersSent) sendJson(res, 500, openaiError(500, String(error)));
      else res.destroy();
    });
  });
  server.on('connection', (socket: Socket) => {
    state.sockets.add(socket);
    socket.once('close', () => state.sockets.delete(socket));
  });

  const address = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  let closed: Promise<void> | undefined;

  return {
    url,
    openaiBaseURL: `${url}/v1`,
    geminiBaseURL: url,
    get requests() {
      return state.requests;
    },
    enqueue: (...replies) => {
      state.queue.push(...replies);
    },
    setDefault: (reply) => {
      state.fallback = reply;
    },
    reset: () => {
      state.queue.length = 0;
      state.requests.length = 0;
      state.fallback = INITIAL_DEFAULT;
    },
    waitFor: (predicate, timeoutMs = 5000) => waitForRequests(state, predicate, timeoutMs),
    close: () => (closed ??= closeServer(state, server)),
  };
}
