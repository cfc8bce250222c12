import type { z } from 'zod';
import type { Feature, ProviderName } from '../../contracts/config';
import type { CallGate } from './call-slots';

export type { ChatMessage, ToolCall } from '../../contracts/messages';
import type { ChatMessage, ToolCall } from '../../contracts/messages';

/** A tool the model may call: a function with a JSON-schema for its arguments. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface TextRequest {
  messages: ChatMessage[];
  /** Overrides the feature's configured model. */
  model?: string;
  temperature?: number;
  maxOutputTokens?: number;
  /** Asks for JSON matching this schema (structured output), streamed or not. */
  json?: { schema: Record<string, unknown>; name: string };
  /** Tools offered through the provider's own tool-calling API (OpenAI tools, Gemini functions). */
  tools?: ToolSpec[];
}

export interface ObjectRequest<T> extends TextRequest {
  schema: z.ZodType<T>;
  /** Names the schema for providers that want one (OpenAI json_schema). */
  schemaName?: string;
  /**
   * Limits a schema cannot say (characters counted the way a network counts them): a problem
   * described here gets the same single repair as invalid JSON, naming what to fix.
   */
  check?(value: T): string | undefined;
}

export interface TokenUsage {
  input: number;
  output: number;
  total: number;
}

export interface TextResult {
  text: string;
  usage: TokenUsage;
  provider: ProviderName;
  model: string;
  finishReason?: string;
  /** The tools the model asked to run instead of (or besides) answering. */
  toolCalls?: ToolCall[];
}

export interface ObjectResult<T> extends Omit<TextResult, 'text'> {
  object: T;
  text: string;
  repaired: boolean;
}

export interface EmbedResult {
  vectors: number[][];
  usage: TokenUsage;
  provider: ProviderName;
  model: string;
}

/** Who and what a call is for: drives model choice, cancellation and the audit log. */
export interface CallContext {
  feature: Feature;
  userId?: number | null;
  /**
   * The result document the call works for (generation, audit...), for the audit log; a function
   * when the document is only written once the call is under way, so the first token is not
   * kept waiting for it.
   */
  subjectDocumentId?: string | (() => Promise<string>);
  signal?: AbortSignal;
  /** A job's share of its queue's model-call slots (see `call-slots.ts`); none outside jobs. */
  gate?: CallGate;
}

/**
 * A stream of text deltas. Iterate it for the deltas; `result` settles when the stream ends
 * (rejecting with a `StreamCutError` carrying the partial text when it breaks mid-way).
 */
export interface TextStream extends AsyncIterable<string> {
  readonly result: Promise<TextResult>;
}

/** The JSON text as it streams, then the validated (and if need be once repaired) object. */
export interface ObjectStream<T> extends AsyncIterable<string> {
  readonly result: Promise<ObjectResult<T>>;
}

/** One attempt against one vendor: no retries, no fallback, no accounting. */
export interface ProviderAdapter {
  readonly name: ProviderName;
  modelFor(feature: Feature, override?: string): string;
  generateText(request: TextRequest, model: string, options: AttemptOptions): Promise<TextResult>;
  streamText(
    request: TextRequest,
    model: string,
    options: AttemptOptions,
  ): AsyncIterable<StreamEvent>;
  generateJson(
    request: TextRequest & { jsonSchema: Record<string, unknown>; schemaName: string },
    model: string,
    options: AttemptOptions,
  ): Promise<TextResult>;
  embed(input: string[], model: string, options: AttemptOptions): Promise<EmbedResult>;
  /** The cheapest real call that proves the key and base URL work. */
  ping(options: AttemptOptions): Promise<{ model: string }>;
}

export interface AttemptOptions {
  signal: AbortSignal;
}

export type StreamEvent =
  | { type: 'delta'; text: string }
  | {
      type: 'done';
      usage: TokenUsage;
      model: string;
      finishReason?: string;
      toolCalls?: ToolCall[];
    };

/** What every call reports, success or failure; the audit log is one sink. */
export interface UsageRecord {
  action: 'generateText' | 'streamText' | 'generateObject' | 'embed' | 'ping';
  feature: Feature;
  provider: ProviderName;
  model: string;
  usage: TokenUsage;
  latencyMs: number;
  outcome: 'success' | 'error';
  error?: string;
  userId?: number | null;
  subjectDocumentId?: string;
}

export type UsageSink = (record: UsageRecord) => void | Promise<void>;

export const ZERO_USAGE: TokenUsage = Object.freeze({ input: 0, output: 0, total: 0 });
