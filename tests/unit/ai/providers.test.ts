import { z } from 'zod';
import { createAiClient, type AiClient } from '../../../server/ai/client';
import { InvalidOutputError, ProviderError, StreamCutError } from '../../../server/ai/errors';
import { createGeminiAdapter } from '../../../server/ai/gemini-adapter';
import { createOpenAIAdapter } from '../../../server/ai/openai-adapter';
import type { ProviderAdapter, UsageRecord } from '../../../server/ai/types';
import {
  fakeEmbedding,
  startFakeModelServer,
  type FakeModelServer,
} from '../../helpers/fake-model-server';

let fake: FakeModelServer;
beforeAll(async () => {
  fake = await startFakeModelServer();
});
beforeEach(() => fake.reset());
afterAll(() => fake.close());

const adapters = {
  openai: (): ProviderAdapter =>
    createOpenAIAdapter({
      apiKey: 'sk-test',
      baseURL: fake.openaiBaseURL,
      models: {},
      timeoutMs: 5000,
    }),
  gemini: (): ProviderAdapter =>
    createGeminiAdapter({
      apiKey: 'g-test',
      baseURL: fake.geminiBaseURL,
      models: {},
      timeoutMs: 5000,
    }),
};

const clientOf = (
  names: (keyof typeof adapters)[],
  usage: UsageRecord[] = [],
  streamIdleTimeoutMs = 2000,
): AiClient =>
  createAiClient({
    adapters: names.map((name) => adapters[name]()),
    retry: { maxRetries: 2, baseMs: 5, maxMs: 1500 },
    streamIdleTimeoutMs,
    onUsage: (record) => {
      usage.push(record);
    },
  });

const ask = { messages: [{ role: 'user' as const, content: 'Write one line about tea.' }] };
const context = { feature: 'writer' as const, userId: 7 };

describe.each(['openai', 'gemini'] as const)('%s through the real SDK', (name) => {
  it('generates text and reports usage to the audit sink', async () => {
    const usage: UsageRecord[] = [];
    fake.enqueue({ text: 'Tea is a quiet kind of warmth.', usage: { input: 11, output: 7 } });
    const result = await clientOf([name], usage).generateText(ask, context);
    expect(result).toMatchObject({
      text: 'Tea is a quiet kind of warmth.',
      provider: name,
      usage: { input: 11, output: 7 },
    });
    expect(usage).toEqual([
      expect.objectContaining({
        action: 'generateText',
        provider: name,
        outcome: 'success',
        userId: 7,
        usage: expect.objectContaining({ input: 11, output: 7 }),
      }),
    ]);
    expect(fake.requests[0]).toMatchObject({ api: name, kind: 'chat', stream: false });
  });

  it('streams deltas that join to the whole text, then settles the result', async () => {
    fake.enqueue({ text: 'One cup, then another, then the afternoon is gone.' });
    const stream = clientOf([name]).streamText(ask, context);
    const deltas: string[] = [];
    for await (const delta of stream) deltas.push(delta);
    expect(deltas.length).toBeGreaterThan(3);
    expect(deltas.join('')).toBe('One cup, then another, then the afternoon is gone.');
    expect((await stream.result).text).toBe(deltas.join(''));
    expect(fake.requests[0]).toMatchObject({ stream: true });
  });

  it('returns a JSON object validated by the zod schema', async () => {
    const schema = z.object({ title: z.string(), tags: z.array(z.string()).min(1) });
    fake.enqueue({ json: { title: 'Tea', tags: ['drinks'] } });
    const result = await clientOf([name]).generateObject(
      { ...ask, schema, schemaName: 'post' },
      context,
    );
    expect(result.object).toEqual({ title: 'Tea', tags: ['drinks'] });
    expect(result.repaired).toBe(false);
    const body = fake.requests[0]!.body;
    if (name === 'openai') expect(body.response_format.type).toBe('json_schema');
    else expect(body.generationConfig.responseMimeType).toBe('application/json');
  });

  it('repairs an invalid JSON answer once, showing the model what was wrong', async () => {
    const schema = z.object({ title: z.string(), tags: z.array(z.string()).min(1) });
    fake.enqueue(
      { text: '{"title": "Tea", "tags": []}' },
      { json: { title: 'Tea', tags: ['drinks'] } },
    );
    const result = await clientOf([name]).generateObject({ ...ask, schema }, context);
    expect(result).toMatchObject({ object: { title: 'Tea', tags: ['drinks'] }, repaired: true });
    expect(JSON.stringify(fake.requests[1]!.body)).toContain('tags');
  });

  it('repairs once an answer that breaks a limit the schema cannot say, naming it', async () => {
    const schema = z.object({ post: z.string() });
    const check = ({ post }: { post: string }) =>
      post.length > 20 ? `post is ${post.length} characters; at most 20` : undefined;
    fake.enqueue({ json: { post: 'x'.repeat(25) } }, { json: { post: 'Short enough.' } });
    const result = await clientOf([name]).generateObject({ ...ask, schema, check }, context);
    expect(result).toMatchObject({ object: { post: 'Short enough.' }, repaired: true });
    expect(JSON.stringify(fake.requests[1]!.body)).toContain('post is 25 characters; at most 20');

    fake.enqueue({ json: { post: 'y'.repeat(30) } }, { json: { post: 'z'.repeat(22) } });
    await expect(
      clientOf([name]).generateObject({ ...ask, schema, check }, context),
    ).rejects.toThrow('post is 22 characters; at most 20');
  });

  it('streams a JSON object as it is written, then validates it', async () => {
    const schema = z.object({ title: z.string(), tags: z.array(z.string()).min(1) });
    fake.enqueue({ json: { title: 'Green tea at dawn', tags: ['tea', 'morning'] } });
    const stream = clientOf([name]).streamObject({ ...ask, schema, schemaName: 'post' }, context);
    const deltas: string[] = [];
    for await (const delta of stream) deltas.push(delta);
    expect(deltas.length).toBeGreaterThan(1);
    expect(JSON.parse(deltas.join(''))).toEqual({
      title: 'Green tea at dawn',
      tags: ['tea', 'morning'],
    });
    expect(await stream.result).toMatchObject({
      object: { title: 'Green tea at dawn', tags: ['tea', 'morning'] },
      repaired: false,
    });
    const body = fake.requests[0]!.body;
    expect(fake.requests[0]).toMatchObject({ stream: true });
    if (name === 'openai') expect(body.response_format.type).toBe('json_schema');
    else expect(body.generationConfig.responseMimeType).toBe('application/json');
  });

  it('repairs a streamed object that breaks a limit, once', async () => {
    const schema = z.object({ post: z.string() });
    const check = ({ post }: { post: string }) =>
      post.length > 20 ? `post is ${post.length} characters; at most 20` : undefined;
    fake.enqueue({ json: { post: 'x '.repeat(15).trim() } }, { json: { post: 'Short.' } });
    const stream = clientOf([name]).streamObject({ ...ask, schema, check }, context);
    for await (const _delta of stream) void _delta;
    expect(await stream.result).toMatchObject({ object: { post: 'Short.' }, repaired: true });
    expect(fake.requests).toHaveLength(2);
  });

  it('fails with a clear error when the repair is invalid too', async () => {
    const schema = z.object({ title: z.string() });
    fake.enqueue({ text: 'not json at all' }, { text: '{"headline": 1}' });
    await expect(clientOf([name]).generateObject({ ...ask, schema }, context)).rejects.toThrow(
      InvalidOutputError,
    );
    expect(fake.requests).toHaveLength(2);
  });

  it('embeds texts', async () => {
    const result = await clientOf([name]).embed(['alpha', 'beta'], context);
    expect(result.vectors).toHaveLength(2);
    expect(result.vectors[0]![0]).toBeCloseTo(fakeEmbedding('alpha')[0]!, 5);
    expect(result.vectors[1]![0]).toBeCloseTo(fakeEmbedding('beta')[0]!, 5);
  });

  it('retries a 429 that asks to wait, and succeeds', async () => {
    fake.enqueue({ status: 429, retryAfter: 1 }, { text: 'Patience pays.' });
    const usage: UsageRecord[] = [];
    const result = await clientOf([name], usage).generateText(ask, context);
    expect(result.text).toBe('Patience pays.');
    expect(fake.requests.filter((r) => r.kind === 'chat')).toHaveLength(2);
    expect(usage.map((u) => u.outcome)).toEqual(['success']);
  });

  it('retries server errors with backoff, then gives up with the status in our own words', async () => {
    fake.setDefault({ status: 503, errorMessage: 'overloaded: provider body text' });
    const usage: UsageRecord[] = [];
    const failure = await clientOf([name], usage)
      .generateText(ask, context)
      .catch((error: ProviderError) => error);
    expect(failure).toMatchObject({ status: 503 });
    expect(fake.requests).toHaveLength(3);
    // The record names provider, model and status; the provider's own text stays out of it.
    expect(usage).toEqual([
      expect.objectContaining({
        outcome: 'error',
        error: expect.stringMatching(/^(OpenAI|Gemini) \(.+\) was unavailable \(HTTP 503\)\.$/),
      }),
    ]);
    expect(JSON.stringify(usage)).not.toContain('provider body text');
    expect((failure as Error).message).not.toContain('provider body text');
  });

  it('does not retry a request the provider rejects as bad', async () => {
    fake.enqueue({ status: 400, errorMessage: 'bad request' });
    await expect(clientOf([name]).generateText(ask, context)).rejects.toBeInstanceOf(ProviderError);
    expect(fake.requests).toHaveLength(1);
  });

  it('reports a cut stream as an error that keeps the partial text', async () => {
    fake.enqueue({ text: 'The kettle sings and the leaves unfurl slowly', cutAfterChunks: 3 });
    const stream = clientOf([name]).streamText(ask, context);
    const deltas: string[] = [];
    const failure = await (async () => {
      try {
        for await (const delta of stream) deltas.push(delta);
      } catch (error) {
        return error;
      }
    })();
    expect(failure).toBeInstanceOf(StreamCutError);
    expect((failure as StreamCutError).partial).toBe(deltas.join(''));
    expect(deltas.join('')).toBe('The kettle sings ');
    await expect(stream.result).rejects.toBeInstanceOf(StreamCutError);
    // Text already delivered is never requested again.
    expect(fake.requests).toHaveLength(1);
  });

  it('aborts the upstream request when the reader stops', async () => {
    fake.enqueue({ text: 'a b c d e f g h i j k l m n o p', chunkDelayMs: 100 });
    const stream = clientOf([name]).streamText(ask, context);
    for await (const delta of stream) {
      expect(delta).toBe('a ');
      break;
    }
    await fake.waitFor((requests) => requests[0]?.closedEarly === true, 3000);
  });
});

describe('fallback provider', () => {
  it('takes over when the default provider stays down', async () => {
    fake.setDefault((request) =>
      request.api === 'openai' ? { status: 500 } : { text: 'From Gemini.' },
    );
    const usage: UsageRecord[] = [];
    const result = await clientOf(['openai', 'gemini'], usage).generateText(ask, context);
    expect(result).toMatchObject({ text: 'From Gemini.', provider: 'gemini' });
    expect(usage.map((u) => `${u.provider}:${u.outcome}`)).toEqual([
      'openai:error',
      'gemini:success',
    ]);
  });

  it('is not used for a request the first provider rejected as invalid', async () => {
    fake.setDefault((request) =>
      request.api === 'openai' ? { status: 422 } : { text: 'From Gemini.' },
    );
    await expect(clientOf(['openai', 'gemini']).generateText(ask, context)).rejects.toMatchObject({
      status: 422,
    });
    expect(fake.requests.every((r) => r.api === 'openai')).toBe(true);
  });
});

describe('stream idle timeout', () => {
  it('fails a stream that goes silent, keeping what arrived', async () => {
    fake.enqueue({ chunks: ['Hello ', 'there ', 'friend'], chunkDelayMs: 800 });
    const stream = clientOf(['openai'], [], 300).streamText(ask, context);
    const deltas: string[] = [];
    await expect(
      (async () => {
        for await (const delta of stream) deltas.push(delta);
      })(),
    ).rejects.toThrow(/OpenAI sent no data for 300 ms/);
    expect(deltas).toEqual(['Hello ']);
  });
});

describe('vision input through the real SDKs', () => {
  // A 1×1 PNG.
  const PIXEL =
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
  const look = {
    messages: [
      { role: 'system' as const, content: 'You describe images.' },
      {
        role: 'user' as const,
        content: [
          { type: 'text' as const, text: 'What is this?' },
          { type: 'image' as const, mimeType: 'image/png', data: PIXEL },
        ],
      },
    ],
  };

  it('sends the picture to OpenAI as an image_url data part beside the text', async () => {
    fake.enqueue({ text: 'A single white pixel.' });
    const result = await clientOf(['openai']).generateText(look, context);
    expect(result.text).toBe('A single white pixel.');
    expect(fake.requests[0]!.body.messages).toEqual([
      { role: 'system', content: 'You describe images.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'What is this?' },
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PIXEL}` } },
        ],
      },
    ]);
  });

  it('sends it to Gemini as inlineData, the system prompt apart', async () => {
    fake.enqueue({ text: 'A single white pixel.' });
    const result = await clientOf(['gemini']).generateText(look, context);
    expect(result.text).toBe('A single white pixel.');
    const body = fake.requests[0]!.body;
    expect(body.contents).toEqual([
      {
        role: 'user',
        parts: [{ text: 'What is this?' }, { inlineData: { mimeType: 'image/png', data: PIXEL } }],
      },
    ]);
    expect(JSON.stringify(body.systemInstruction)).toContain('You describe images.');
  });
});

describe.each(['openai', 'gemini'] as const)('%s tool calling through the real SDK', (name) => {
  const tools = [
    {
      name: 'search_entries',
      description: 'Searches the entries.',
      parameters: {
        type: 'object',
        properties: { query: { type: 'string' } },
        required: ['query'],
      },
    },
  ];
  const call = { name: 'search_entries', arguments: { query: 'pricing' } };

  it.each([false, true])(
    'answers the calls the model asks for (streamed: %s)',
    async (streamed) => {
      fake.enqueue({ toolCalls: [call] });
      const client = clientOf([name]);
      const request = { ...ask, tools };
      let result;
      if (streamed) {
        const stream = client.streamText(request, context);
        for await (const _ of stream) void _;
        result = await stream.result;
      } else {
        result = await client.generateText(request, context);
      }
      expect(result.toolCalls).toEqual([
        { id: expect.any(String), name: 'search_entries', arguments: { query: 'pricing' } },
      ]);
      const sent = JSON.stringify(fake.requests[0]!.body);
      expect(sent).toContain('search_entries');
      expect(sent).toContain('Searches the entries.');
    },
  );

  it("sends the tool's result back in the provider's own shape", async () => {
    fake.enqueue({ text: 'We found a pricing page.' });
    const result = await clientOf([name]).generateText(
      {
        tools,
        messages: [
          ...ask.messages,
          { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', ...call }] },
          { role: 'tool', toolCallId: 'call_1', name: 'search_entries', content: '{"hits":1}' },
        ],
      },
      context,
    );
    expect(result.text).toBe('We found a pricing page.');
    const body = fake.requests[0]!.body;
    if (name === 'openai') {
      expect(body.messages.slice(1)).toEqual([
        expect.objectContaining({
          role: 'assistant',
          tool_calls: [
            {
              id: 'call_1',
              type: 'function',
              function: { name: 'search_entries', arguments: '{"query":"pricing"}' },
            },
          ],
        }),
        { role: 'tool', tool_call_id: 'call_1', content: '{"hits":1}' },
      ]);
    } else {
      expect(body.contents.slice(1)).toEqual([
        {
          role: 'model',
          parts: [{ functionCall: { name: 'search_entries', args: { query: 'pricing' } } }],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'search_entries', response: { result: '{"hits":1}' } } },
          ],
        },
      ]);
    }
  });
});

describe('gemini with two tool calls in one turn', () => {
  it('sends both function responses back in one content', async () => {
    fake.enqueue({ text: 'Both done.' });
    await clientOf(['gemini']).generateText(
      {
        messages: [
          ...ask.messages,
          {
            role: 'assistant',
            content: '',
            toolCalls: [
              { id: 'a', name: 'first', arguments: {} },
              { id: 'b', name: 'second', arguments: {} },
            ],
          },
          { role: 'tool', toolCallId: 'a', name: 'first', content: '1' },
          { role: 'tool', toolCallId: 'b', name: 'second', content: '2' },
        ],
      },
      context,
    );
    expect(fake.requests[0]!.body.contents.slice(2)).toEqual([
      {
        role: 'user',
        parts: [
          { functionResponse: { name: 'first', response: { result: '1' } } },
          { functionResponse: { name: 'second', response: { result: '2' } } },
        ],
      },
    ]);
  });
});
