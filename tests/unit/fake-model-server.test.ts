import { ApiError, GoogleGenAI } from '@google/genai';
import OpenAI, { RateLimitError } from 'openai';

import {
  chunkText,
  fakeEmbedding,
  startFakeModelServer,
  type FakeModelServer,
} from '../helpers/fake-model-server';

/** The SDK's API version (`v1` or `v1beta`, as its release chooses) before the method path. */
const geminiPath = (rest: string) =>
  expect.stringMatching(new RegExp(`^/v1(beta)?/${rest.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));

const OPENAI_MODEL = 'gpt-4o-mini';
const GEMINI_MODEL = 'gemini-2.0-flash';

let server: FakeModelServer;
let openai: OpenAI;
let gemini: GoogleGenAI;

beforeAll(async () => {
  server = await startFakeModelServer();
  openai = new OpenAI({ apiKey: 'test-openai-key', baseURL: server.openaiBaseURL, maxRetries: 0 });
  gemini = new GoogleGenAI({
    apiKey: 'test-gemini-key',
    httpOptions: { baseUrl: server.geminiBaseURL },
  });
});

beforeEach(() => {
  server.reset();
});

afterAll(async () => {
  await server.close();
});

/** Collects what a stream yielded before it failed, so tests can assert on both. */
async function drain<T>(stream: AsyncIterable<T>): Promise<{ items: T[]; error?: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of stream) items.push(item);
    return { items };
  } catch (error) {
    return { items, error };
  }
}

/**
 * undici reports a body cut short as `TypeError: terminated`. It is created in Node's main realm,
 * so `toBeInstanceOf(Error)` fails inside Jest's sandbox; match on the message instead.
 */
function expectConnectionDrop(error: unknown): void {
  expect(error).toMatchObject({ name: 'TypeError', message: 'terminated' });
}

/** Indexing that fails loudly, so an empty list is a clear test failure, not a TypeError. */
function first<T>(items: readonly T[]): T {
  if (items.length === 0) throw new Error('expected at least one item');
  return items[0] as T;
}

function last<T>(items: readonly T[]): T {
  return first(items.slice(-1));
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

describe('chunkText', () => {
  it('splits per word, caps long words and joins back to the exact text', () => {
    const text = ' Leading space, {"aVeryLongJsonKeyWithoutSpaces":true}  and  double spaces\n';
    const chunks = chunkText(text);
    expect(chunks.join('')).toBe(text);
    expect(chunks.length).toBeGreaterThan(6);
    expect(Math.max(...chunks.map((c) => c.trim().length))).toBeLessThanOrEqual(16);
  });
});

describe('OpenAI protocol (real openai SDK)', () => {
  it('returns scripted text, usage and records the request', async () => {
    server.enqueue({ text: 'Scripted answer.', usage: { input: 11, output: 2 } });

    const completion = await openai.chat.completions.create({
      model: OPENAI_MODEL,
      messages: [{ role: 'user', content: 'Say something' }],
    });

    expect(first(completion.choices).message.content).toBe('Scripted answer.');
    expect(first(completion.choices).finish_reason).toBe('stop');
    expect(completion.usage).toEqual({ prompt_tokens: 11, completion_tokens: 2, total_tokens: 13 });
    expect(server.requests).toHaveLength(1);
    const recorded = first(server.requests);
    expect(recorded).toMatchObject({
      api: 'openai',
      kind: 'chat',
      method: 'POST',
      path: '/v1/chat/completions',
      model: OPENAI_MODEL,
      stream: false,
      closedEarly: false,
    });
    expect(recorded.body.messages).toEqual([{ role: 'user', content: 'Say something' }]);
    expect(recorded.headers.authorization).toBe('Bearer test-openai-key');
  });

  it('uses the initial default, then a default function, and estimates usage from words', async () => {
    const initial = await openai.chat.completions.create({
      model: OPENAI_MODEL,
      messages: [{ role: 'user', content: 'one two three' }],
    });
    expect(first(initial.choices).message.content).toBe('Hello from the fake model.');
    expect(initial.usage).toMatchObject({ prompt_tokens: 3, completion_tokens: 5 });

    server.setDefault((req) => ({ text: `echo ${String(req.model)}` }));
    const custom = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'hi' }],
    });
    expect(first(custom.choices).message.content).toBe('echo gpt-4o');
  });

  it('serialises json replies and passes response_format through', async () => {
    server.enqueue({ json: { title: 'Hello', tags: ['a', 'b'] } });

    const completion = await openai.chat.completions.create({
      model: OPENAI_MODEL,
      messages: [{ role: 'user', content: 'json please' }],
      response_format: { type: 'json_object' },
    });

    expect(JSON.parse(first(completion.choices).message.content ?? '')).toEqual({
      title: 'Hello',
      tags: ['a', 'b'],
    });
    expect(first(server.requests).body.response_format).toEqual({ type: 'json_object' });
  });

  it('streams deltas that join to the scripted text, with a usage chunk', async () => {
    const text = 'The quick brown fox jumps over the lazy dog.';
    server.enqueue({ text });

    const stream = await openai.chat.completions.create({
      model: OPENAI_MODEL,
      messages: [{ role: 'user', content: 'stream it' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const { items, error } = await drain(stream);

    expect(error).toBeUndefined();
    const deltas = items.map((chunk) => chunk.choices[0]?.delta.content ?? '');
    expect(deltas.join('')).toBe(text);
    expect(deltas.filter((d) => d.length > 0).length).toBe(9);
    expect(items.map((chunk) => chunk.choices[0]?.finish_reason).filter(Boolean)).toEqual(['stop']);
    const final = last(items);
    expect(final.choices).toEqual([]);
    expect(final.usage).toEqual({ prompt_tokens: 2, completion_tokens: 9, total_tokens: 11 });
    expect(first(server.requests)).toMatchObject({ stream: true, closedEarly: false });
  });

  it('returns tool calls, non-streaming and streaming', async () => {
    const call = { name: 'get_weather', arguments: { city: 'Paris', units: 'metric' } };
    server.enqueue({ toolCalls: [call] }, { toolCalls: [call] });
    const params = {
      model: OPENAI_MODEL,
      messages: [{ role: 'user' as const, content: 'weather?' }],
      tools: [
        {
          type: 'function' as const,
          function: { name: 'get_weather', parameters: { type: 'object', properties: {} } },
        },
      ],
    };

    const completion = await openai.chat.completions.create(params);
    const choice = first(completion.choices);
    expect(choice.finish_reason).toBe('tool_calls');
    expect(choice.message.content).toBeNull();
    const toolCall = choice.message.tool_calls?.[0];
    expect(toolCall?.type).toBe('function');
    if (toolCall?.type !== 'function') throw new Error('expected a function tool call');
    expect(toolCall.function.name).toBe('get_weather');
    expect(JSON.parse(toolCall.function.arguments)).toEqual(call.arguments);

    const { items } = await drain(
      await openai.chat.completions.create({ ...params, stream: true }),
    );
    const argumentDeltas = items.flatMap((chunk) =>
      (chunk.choices[0]?.delta.tool_calls ?? []).map((d) => d.function?.arguments ?? ''),
    );
    expect(argumentDeltas.length).toBeGreaterThan(2);
    expect(JSON.parse(argumentDeltas.join(''))).toEqual(call.arguments);
    expect(first(first(items).choices).delta.tool_calls).toBeUndefined();
    expect(
      items.some((c) => c.choices[0]?.delta.tool_calls?.[0]?.function?.name === 'get_weather'),
    ).toBe(true);
    expect(first(last(items).choices).finish_reason).toBe('tool_calls');
  });

  it('returns deterministic normalised embeddings (default base64 and explicit float)', async () => {
    const base64 = await openai.embeddings.create({
      model: 'text-embedding-3-small',
      input: ['alpha', 'beta'],
    });
    const float = await openai.embeddings.create({
      model: 'text-embedding-3-small',
      input: 'alpha',
      encoding_format: 'float',
    });

    expect(base64.data.map((d) => d.embedding)).toEqual([
      fakeEmbedding('alpha'),
      fakeEmbedding('beta'),
    ]);
    expect(first(float.data).embedding).toEqual(fakeEmbedding('alpha'));
    expect(fakeEmbedding('alpha')).not.toEqual(fakeEmbedding('beta'));
    const norm = Math.hypot(...first(base64.data).embedding);
    expect(norm).toBeCloseTo(1, 5);
    expect(first(base64.data).embedding).toHaveLength(256);
    expect(base64.usage.prompt_tokens).toBe(2);
    expect(server.requests.map((r) => r.kind)).toEqual(['embeddings', 'embeddings']);
  });

  it('lists models', async () => {
    const page = await openai.models.list();
    expect(page.data.map((m) => m.id)).toContain('gpt-4o-mini');
    expect(first(server.requests)).toMatchObject({ api: 'openai', kind: 'models', method: 'GET' });
  });

  it('surfaces a scripted 429 as RateLimitError with status and Retry-After', async () => {
    server.enqueue({ status: 429, retryAfter: 7, errorMessage: 'slow down' });

    const error = await caught(
      openai.chat.completions.create({
        model: OPENAI_MODEL,
        messages: [{ role: 'user', content: 'x' }],
      }),
    );

    expect(error).toBeInstanceOf(RateLimitError);
    const rateLimit = error as RateLimitError;
    expect(rateLimit.status).toBe(429);
    expect(rateLimit.headers.get('retry-after')).toBe('7');
    expect(rateLimit.message).toContain('slow down');
    expect(rateLimit.code).toBe('rate_limit_exceeded');
    expect(server.requests).toHaveLength(1);
  });

  it('makes the stream iterator throw after the chunks sent before a cut', async () => {
    server.enqueue({ chunks: ['one ', 'two ', 'three ', 'four'], cutAfterChunks: 2 });

    const stream = await openai.chat.completions.create({
      model: OPENAI_MODEL,
      messages: [{ role: 'user', content: 'count' }],
      stream: true,
    });
    const { items, error } = await drain(stream);

    expectConnectionDrop(error);
    expect(items.map((c) => c.choices[0]?.delta.content ?? '').join('')).toBe('one two ');
    expect(items.some((c) => c.choices[0]?.finish_reason)).toBe(false);
    // A cut made by the server on purpose is not a client abort.
    expect(first(server.requests).closedEarly).toBe(false);
  });

  it('records closedEarly when the client aborts a stream', async () => {
    server.enqueue({ text: 'a b c d e f g h i j', chunkDelayMs: 100 });
    const controller = new AbortController();

    const stream = await openai.chat.completions.create(
      { model: OPENAI_MODEL, messages: [{ role: 'user', content: 'long' }], stream: true },
      { signal: controller.signal },
    );
    const received: string[] = [];
    try {
      for await (const chunk of stream) {
        received.push(chunk.choices[0]?.delta.content ?? '');
        if (received.join('') !== '') controller.abort();
      }
    } catch {
      // Whether the SDK throws or ends quietly on abort is its business; the server side is ours.
    }

    await server.waitFor((reqs) => reqs[0]?.closedEarly === true, 3000);
    expect(received.join('')).toBe('a ');
  });

  it('delays the first token by firstTokenDelayMs', async () => {
    server.enqueue({ text: 'late reply', firstTokenDelayMs: 300 });

    const started = Date.now();
    const stream = await openai.chat.completions.create({
      model: OPENAI_MODEL,
      messages: [{ role: 'user', content: 'wait' }],
      stream: true,
    });
    const iterator = stream[Symbol.asyncIterator]();
    const firstChunk = await iterator.next();
    const elapsed = Date.now() - started;
    await drain({ [Symbol.asyncIterator]: () => iterator });

    expect(firstChunk.done).toBe(false);
    expect(elapsed).toBeGreaterThanOrEqual(280);
  });
});

describe('Gemini protocol (real @google/genai SDK)', () => {
  it('returns scripted text with usage metadata and records the request', async () => {
    server.enqueue({ text: 'Gemini says hi.' });

    const response = await gemini.models.generateContent({
      model: GEMINI_MODEL,
      contents: 'Greet me please',
      config: { systemInstruction: 'Be brief' },
    });

    expect(response.text).toBe('Gemini says hi.');
    expect(response.usageMetadata).toEqual({
      promptTokenCount: 5,
      candidatesTokenCount: 3,
      totalTokenCount: 8,
    });
    expect(first(server.requests)).toMatchObject({
      api: 'gemini',
      kind: 'chat',
      method: 'POST',
      path: geminiPath(`models/${GEMINI_MODEL}:generateContent`),
      model: GEMINI_MODEL,
      stream: false,
    });
    expect(first(server.requests).headers['x-goog-api-key']).toBe('test-gemini-key');
  });

  it('streams chunks that join to the text, usage on the last', async () => {
    const text = 'Streaming from the fake Gemini model.';
    server.enqueue({ text });

    const stream = await gemini.models.generateContentStream({
      model: GEMINI_MODEL,
      contents: 'stream please',
    });
    const { items, error } = await drain(stream);

    expect(error).toBeUndefined();
    expect(items.map((c) => c.text ?? '').join('')).toBe(text);
    expect(items.length).toBeGreaterThan(3);
    expect(last(items).usageMetadata?.candidatesTokenCount).toBe(6);
    expect(last(items).candidates?.[0]?.finishReason).toBe('STOP');
    expect(first(server.requests)).toMatchObject({
      path: geminiPath(`models/${GEMINI_MODEL}:streamGenerateContent`),
      stream: true,
      closedEarly: false,
    });
  });

  it('returns function calls, non-streaming and streaming', async () => {
    const call = { name: 'lookup', arguments: { q: 'strapi' } };
    server.enqueue({ toolCalls: [call] }, { toolCalls: [call] });
    const params = {
      model: GEMINI_MODEL,
      contents: 'use a tool',
      config: {
        tools: [{ functionDeclarations: [{ name: 'lookup', description: 'Looks things up' }] }],
      },
    };

    const response = await gemini.models.generateContent(params);
    const { items } = await drain(await gemini.models.generateContentStream(params));

    expect(response.functionCalls).toEqual([{ name: 'lookup', args: { q: 'strapi' } }]);
    expect(items.flatMap((chunk) => chunk.functionCalls ?? [])).toEqual([
      { name: 'lookup', args: { q: 'strapi' } },
    ]);
  });

  it('embeds content through the endpoint the SDK uses', async () => {
    const response = await gemini.models.embedContent({
      model: 'text-embedding-004',
      contents: ['first text', 'second text'],
    });

    expect(response.embeddings?.map((e) => e.values)).toEqual([
      fakeEmbedding('first text'),
      fakeEmbedding('second text'),
    ]);
    expect(first(server.requests)).toMatchObject({
      api: 'gemini',
      kind: 'embeddings',
      path: geminiPath('models/text-embedding-004:batchEmbedContents'),
    });
  });

  it('lists models', async () => {
    const pager = await gemini.models.list();
    expect(pager.page.map((m) => m.name)).toContain(`models/${GEMINI_MODEL}`);
    expect(first(server.requests)).toMatchObject({
      api: 'gemini',
      kind: 'models',
      path: geminiPath('models'),
    });
  });

  it('surfaces a scripted 429 as ApiError with RetryInfo in the body', async () => {
    server.enqueue({ status: 429, retryAfter: 12 });

    const error = await caught(
      gemini.models.generateContent({ model: GEMINI_MODEL, contents: 'x' }),
    );

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(429);
    const body = JSON.parse((error as ApiError).message) as {
      error: { code: number; status: string; details: Array<Record<string, unknown>> };
    };
    expect(body.error.code).toBe(429);
    expect(body.error.status).toBe('RESOURCE_EXHAUSTED');
    expect(body.error.details).toContainEqual({
      '@type': 'type.googleapis.com/google.rpc.RetryInfo',
      retryDelay: '12s',
    });
  });

  it('makes the stream iterator throw after the chunks sent before a cut', async () => {
    server.enqueue({ chunks: ['alpha ', 'beta ', 'gamma'], cutAfterChunks: 1 });

    const stream = await gemini.models.generateContentStream({
      model: GEMINI_MODEL,
      contents: 'cut me',
    });
    const { items, error } = await drain(stream);

    expectConnectionDrop(error);
    expect(items.map((c) => c.text)).toEqual(['alpha ']);
  });
});

describe('server utilities', () => {
  it('waitFor rejects with a descriptive message on timeout', async () => {
    await expect(server.waitFor((reqs) => reqs.length > 0, 50)).rejects.toThrow(
      /waitFor timed out after 50ms; no requests recorded/,
    );
  });

  it('answers unknown routes with a 404 that names the route', async () => {
    const response = await fetch(`${server.url}/v1/responses`, { method: 'POST', body: '{}' });
    const body = (await response.json()) as { error: { message: string } };
    expect(response.status).toBe(404);
    expect(body.error.message).toContain('POST /v1/responses');
  });
});
