import { z } from 'zod';
import type { Feature, ProviderName } from '../../contracts/config';
import {
  AbortedError,
  InvalidOutputError,
  PROVIDER_LABELS,
  ProviderError,
  StreamCutError,
  describeAiError,
  isAbortError,
} from './errors';
import { createChannel } from './channel';
import { repairInstruction, validateJsonOutput } from './json-output';
import { type RetryPolicy, isRetryable, withRetries } from './retry';
import type {
  CallContext,
  EmbedResult,
  ObjectRequest,
  ObjectResult,
  ObjectStream,
  ProviderAdapter,
  TextRequest,
  TextResult,
  TextStream,
  TokenUsage,
  UsageRecord,
  UsageSink,
} from './types';
import { ZERO_USAGE } from './types';

export interface AiClientOptions {
  /** In order of preference: the default provider first, the fallback after it. */
  adapters: ProviderAdapter[];
  retry: RetryPolicy;
  /** Longest silence allowed between two stream chunks. */
  streamIdleTimeoutMs: number;
  onUsage?: UsageSink;
}

export interface AiClient {
  readonly providers: ProviderName[];
  generateText(request: TextRequest, context: CallContext): Promise<TextResult>;
  streamText(request: TextRequest, context: CallContext): TextStream;
  generateObject<T>(request: ObjectRequest<T>, context: CallContext): Promise<ObjectResult<T>>;
  streamObject<T>(request: ObjectRequest<T>, context: CallContext): ObjectStream<T>;
  embed(input: string[], context: CallContext & { model?: string }): Promise<EmbedResult>;
}

const addUsage = (a: TokenUsage, b: TokenUsage): TokenUsage => ({
  input: a.input + b.input,
  output: a.output + b.output,
  total: a.total + b.total,
});

/** A fallback helps only when the first provider is down, not when the request itself is wrong. */
const shouldFallBack = (error: unknown) =>
  error instanceof ProviderError &&
  (isRetryable(error) || error.status === 401 || error.status === 403);

// Output schemas are module constants: convert each once, not on every call's way to the model.
const jsonSchemas = new WeakMap<z.ZodType, Record<string, unknown>>();
const jsonSchemaOf = (schema: z.ZodType) => {
  let json = jsonSchemas.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
    jsonSchemas.set(schema, json);
  }
  return json;
};

export const createAiClient = (options: AiClientOptions): AiClient => {
  const { adapters, retry } = options;

  const report = async (
    record: Omit<UsageRecord, 'subjectDocumentId'> & Pick<CallContext, 'subjectDocumentId'>,
  ) => {
    try {
      const subject = record.subjectDocumentId;
      await options.onUsage?.({
        ...record,
        subjectDocumentId: typeof subject === 'function' ? await subject() : subject,
      });
    } catch {
      // Accounting must never fail the user's call.
    }
  };

  /** Tries each provider in turn, each with retries, reporting every attempt's outcome. */
  const run = async <R extends { usage: TokenUsage; model: string }>(
    action: UsageRecord['action'],
    context: CallContext,
    modelOverride: string | undefined,
    attempt: (adapter: ProviderAdapter, model: string, signal: AbortSignal) => Promise<R>,
  ): Promise<R> => {
    let lastError: unknown;
    for (const [index, adapter] of adapters.entries()) {
      // An explicit model names one vendor's model: it means nothing to the fallback.
      const model = adapter.modelFor(context.feature, index === 0 ? modelOverride : undefined);
      const started = Date.now();
      let waited = 0;
      const signal = context.signal ?? new AbortController().signal;
      // A slot is held for one attempt: a retry's backoff leaves it to another job's call.
      const gated = async () => {
        if (!context.gate) return attempt(adapter, model, signal);
        const waitStarted = Date.now();
        const release = await context.gate(signal);
        waited += Date.now() - waitStarted;
        try {
          return await attempt(adapter, model, signal);
        } finally {
          release();
        }
      };
      // The audit log's latency is the provider's, not the time spent waiting for a slot.
      const latency = () => Date.now() - started - waited;
      try {
        const result = await withRetries(gated, retry, context.signal);
        await report({
          action,
          feature: context.feature,
          provider: adapter.name,
          model: result.model,
          usage: result.usage,
          latencyMs: latency(),
          outcome: 'success',
          userId: context.userId,
          subjectDocumentId: context.subjectDocumentId,
        });
        return result;
      } catch (error) {
        if (error instanceof ProviderError) error.model ??= model;
        lastError = context.signal?.aborted ? new AbortedError(context.signal.reason) : error;
        await report({
          action,
          feature: context.feature,
          provider: adapter.name,
          model,
          usage: ZERO_USAGE,
          latencyMs: latency(),
          outcome: 'error',
          error: describeAiError(lastError) ?? 'Unexpected error (see the server log).',
          userId: context.userId,
          subjectDocumentId: context.subjectDocumentId,
        });
        if (isAbortError(lastError) || !shouldFallBack(lastError)) throw lastError;
      }
    }
    throw lastError;
  };

  const streamText = (request: TextRequest, context: CallContext): TextStream => {
    // Stops the upstream call when the caller aborts or simply stops reading.
    const stop = new AbortController();
    const signal = context.signal ? AbortSignal.any([context.signal, stop.signal]) : stop.signal;
    const channel = createChannel<string>(() => stop.abort('The reader stopped reading.'));
    let partial = '';

    const consume = async (adapter: ProviderAdapter, model: string): Promise<TextResult> => {
      const idle = new AbortController();
      let timer: NodeJS.Timeout | undefined;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => idle.abort(), options.streamIdleTimeoutMs);
      };
      arm();
      try {
        for await (const event of adapter.streamText(request, model, {
          signal: AbortSignal.any([signal, idle.signal]),
        })) {
          arm();
          if (event.type === 'done') {
            return {
              text: partial,
              usage: event.usage,
              provider: adapter.name,
              model: event.model,
              finishReason: event.finishReason,
              ...(event.toolCalls?.length ? { toolCalls: event.toolCalls } : {}),
            };
          }
          partial += event.text;
          channel.push(event.text);
        }
        throw new ProviderError(`${PROVIDER_LABELS[adapter.name]} ended its stream early.`, {
          provider: adapter.name,
          retryable: true,
        });
      } catch (error) {
        if (signal.aborted) throw new AbortedError(signal.reason);
        const cause = idle.signal.aborted
          ? new ProviderError(
              `${PROVIDER_LABELS[adapter.name]} sent no data for ${options.streamIdleTimeoutMs} ms.`,
              { provider: adapter.name, retryable: true },
            )
          : error;
        // Text already handed to the reader cannot be retried without repeating it.
        if (partial) throw new StreamCutError(partial, cause);
        throw cause;
      } finally {
        clearTimeout(timer);
      }
    };

    const result = run('streamText', { ...context, signal }, request.model, (adapter, model) =>
      consume(adapter, model),
    );
    result.then(
      () => channel.close(),
      (error: unknown) => channel.close(error),
    );
    return { result, [Symbol.asyncIterator]: () => channel[Symbol.asyncIterator]() };
  };

  const jsonOf = <T>(request: ObjectRequest<T>) => ({
    schema: jsonSchemaOf(request.schema),
    name: request.schemaName ?? 'result',
  });

  const askForJson = <T>(request: ObjectRequest<T>, context: CallContext) => {
    const json = jsonOf(request);
    return run('generateObject', context, request.model, (adapter, model, signal) =>
      adapter.generateJson({ ...request, jsonSchema: json.schema, schemaName: json.name }, model, {
        signal,
      }),
    );
  };

  /** Validates a first answer; when it is wrong, one repair shows the model what to fix. */
  const settleObject = async <T>(
    request: ObjectRequest<T>,
    context: CallContext,
    first: TextResult,
  ): Promise<ObjectResult<T>> => {
    const parsed = validateJsonOutput(first.text, request.schema, request.check);
    if (parsed.ok) return { ...first, object: parsed.value, repaired: false };
    const second = await askForJson(
      {
        ...request,
        messages: [
          ...request.messages,
          { role: 'assistant', content: first.text },
          { role: 'user', content: repairInstruction(parsed.problem) },
        ],
      },
      context,
    );
    const reparsed = validateJsonOutput(second.text, request.schema, request.check);
    if (!reparsed.ok) {
      // The parser's own words quote the answer; a stored error says only what kind of wrong.
      throw new InvalidOutputError(
        reparsed.kind === 'json'
          ? 'The model answered invalid JSON twice.'
          : `The model's answer was still invalid after one repair. ${reparsed.problem}`,
        second.text,
      );
    }
    return {
      ...second,
      usage: addUsage(first.usage, second.usage),
      object: reparsed.value,
      repaired: true,
    };
  };

  const generateObject = async <T>(
    request: ObjectRequest<T>,
    context: CallContext,
  ): Promise<ObjectResult<T>> => settleObject(request, context, await askForJson(request, context));

  /** The JSON streams as it is written; the repair, if one is needed, is a plain call. */
  const streamObject = <T>(request: ObjectRequest<T>, context: CallContext): ObjectStream<T> => {
    const stream = streamText({ ...request, json: jsonOf(request) }, context);
    const result = stream.result.then((first) => settleObject(request, context, first));
    // Settled by whoever reads it; never an unhandled rejection while the reader is elsewhere.
    result.catch(() => undefined);
    return { result, [Symbol.asyncIterator]: () => stream[Symbol.asyncIterator]() };
  };

  return {
    providers: adapters.map((a) => a.name),
    generateText: (request, context) =>
      run('generateText', context, request.model, (adapter, model, signal) =>
        adapter.generateText(request, model, { signal }),
      ),
    streamText,
    generateObject,
    streamObject,
    embed: (input, context) =>
      run('embed', { ...context, feature: 'embeddings' }, context.model, (adapter, model, signal) =>
        adapter.embed(input, model, { signal }),
      ),
  };
};

export type { Feature };
