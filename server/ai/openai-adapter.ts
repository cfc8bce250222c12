import OpenAI, { APIError, APIConnectionTimeoutError, APIUserAbortError } from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Feature } from '../../contracts/config';
import { textOfMessage } from '../../contracts/messages';
import { ProviderError, AbortedError, statusMessage } from './errors';
import { isTransientStatus, parseRetryAfter } from './retry';
import type {
  ProviderAdapter,
  StreamEvent,
  TextRequest,
  TextResult,
  TokenUsage,
  ToolCall,
} from './types';

export interface OpenAIAdapterOptions {
  apiKey: string;
  baseURL?: string;
  organization?: string;
  models: Partial<Record<Feature, string>>;
  timeoutMs: number;
}

export const OPENAI_DEFAULT_MODELS: Record<'text' | 'embeddings', string> = {
  text: 'gpt-4o-mini',
  embeddings: 'text-embedding-3-small',
};

const usageOf = (usage: OpenAI.CompletionUsage | null | undefined): TokenUsage => ({
  input: usage?.prompt_tokens ?? 0,
  output: usage?.completion_tokens ?? 0,
  total: usage?.total_tokens ?? (usage?.prompt_tokens ?? 0) + (usage?.completion_tokens ?? 0),
});

/** Maps the SDK's errors onto ours, keeping what the retry loop needs. */
export const toOpenAIProviderError = (error: unknown): Error => {
  if (error instanceof APIUserAbortError) return new AbortedError();
  if (error instanceof APIConnectionTimeoutError) {
    return new ProviderError('OpenAI timed out.', {
      provider: 'openai',
      retryable: true,
      cause: error,
    });
  }
  if (error instanceof APIError) {
    const status = error.status;
    return new ProviderError(
      status === undefined ? 'OpenAI could not be reached.' : statusMessage('openai', status),
      {
        provider: 'openai',
        status,
        retryable: isTransientStatus(status),
        retryAfterMs: parseRetryAfter(error.headers?.get('retry-after')),
        cause: error,
      },
    );
  }
  return error instanceof Error ? error : new Error(String(error));
};

const toMessages = (request: TextRequest): ChatCompletionMessageParam[] =>
  request.messages.map((message): ChatCompletionMessageParam => {
    if (message.role === 'tool') {
      return {
        role: 'tool',
        tool_call_id: message.toolCallId ?? '',
        content: textOfMessage(message),
      };
    }
    if (message.role === 'assistant' && message.toolCalls?.length) {
      return {
        role: 'assistant',
        content: textOfMessage(message) || null,
        tool_calls: message.toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: JSON.stringify(call.arguments) },
        })),
      };
    }
    if (message.role !== 'user' || typeof message.content === 'string') {
      return { role: message.role, content: textOfMessage(message) };
    }
    return {
      role: 'user',
      content: message.content.map((part) =>
        part.type === 'text'
          ? { type: 'text', text: part.text }
          : { type: 'image_url', image_url: { url: `data:${part.mimeType};base64,${part.data}` } },
      ),
    };
  });

const toolsOf = (request: TextRequest) =>
  request.tools?.length
    ? {
        tools: request.tools.map((tool) => ({
          type: 'function' as const,
          function: { name: tool.name, description: tool.description, parameters: tool.parameters },
        })),
      }
    : {};

/** Arguments arrive as JSON text; text that is not an object is no arguments at all. */
const parseArguments = (text: string): Record<string, unknown> => {
  try {
    const parsed: unknown = JSON.parse(text || '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
};

const toolCallsOf = (
  calls: { id?: string; function?: { name?: string; arguments?: string } }[] | undefined,
): ToolCall[] =>
  (calls ?? []).map((call, index) => ({
    id: call.id || `call_${index}`,
    name: call.function?.name ?? '',
    arguments: parseArguments(call.function?.arguments ?? ''),
  }));

export const createOpenAIAdapter = (options: OpenAIAdapterOptions): ProviderAdapter => {
  // Retries are ours (they honour Retry-After and feed the audit log), so the SDK's are off.
  const client = new OpenAI({
    apiKey: options.apiKey,
    baseURL: options.baseURL,
    organization: options.organization,
    maxRetries: 0,
    timeout: options.timeoutMs,
  });

  const modelFor = (feature: Feature, override?: string) =>
    override ??
    options.models[feature] ??
    (feature === 'embeddings' ? OPENAI_DEFAULT_MODELS.embeddings : undefined) ??
    options.models.default ??
    OPENAI_DEFAULT_MODELS.text;

  const complete = async (
    request: TextRequest,
    model: string,
    signal: AbortSignal,
    responseFormat?: OpenAI.ChatCompletionCreateParams['response_format'],
  ): Promise<TextResult> => {
    try {
      const completion = await client.chat.completions.create(
        {
          model,
          messages: toMessages(request),
          temperature: request.temperature,
          max_completion_tokens: request.maxOutputTokens,
          response_format: responseFormat,
          ...toolsOf(request),
        },
        { signal },
      );
      const choice = completion.choices[0];
      const toolCalls = toolCallsOf(
        choice?.message?.tool_calls?.filter((call) => call.type === 'function'),
      );
      return {
        text: choice?.message?.content ?? '',
        usage: usageOf(completion.usage),
        provider: 'openai',
        model: completion.model || model,
        finishReason: choice?.finish_reason ?? undefined,
        ...(toolCalls.length ? { toolCalls } : {}),
      };
    } catch (error) {
      throw toOpenAIProviderError(error);
    }
  };

  return {
    name: 'openai',
    modelFor,
    generateText: (request, model, { signal }) => complete(request, model, signal),
    generateJson: (request, model, { signal }) =>
      complete(request, model, signal, {
        type: 'json_schema',
        json_schema: { name: request.schemaName, schema: request.jsonSchema },
      }),
    async *streamText(request, model, { signal }): AsyncIterable<StreamEvent> {
      let usage: TokenUsage | undefined;
      let finishReason: string | undefined;
      let servedModel = model;
      const calls: { id?: string; function: { name: string; arguments: string } }[] = [];
      try {
        const stream = await client.chat.completions.create(
          {
            model,
            messages: toMessages(request),
            temperature: request.temperature,
            max_completion_tokens: request.maxOutputTokens,
            ...(request.json
              ? {
                  response_format: {
                    type: 'json_schema' as const,
                    json_schema: { name: request.json.name, schema: request.json.schema },
                  },
                }
              : {}),
            ...toolsOf(request),
            stream: true,
            stream_options: { include_usage: true },
          },
          { signal },
        );
        for await (const chunk of stream) {
          if (chunk.model) servedModel = chunk.model;
          if (chunk.usage) usage = usageOf(chunk.usage);
          const choice = chunk.choices[0];
          if (choice?.finish_reason) finishReason = choice.finish_reason;
          // A call streams as pieces of its arguments, joined by the call's index.
          for (const piece of choice?.delta?.tool_calls ?? []) {
            const call = (calls[piece.index] ??= { function: { name: '', arguments: '' } });
            if (piece.id) call.id = piece.id;
            if (piece.function?.name) call.function.name += piece.function.name;
            if (piece.function?.arguments) call.function.arguments += piece.function.arguments;
          }
          const text = choice?.delta?.content;
          if (text) yield { type: 'delta', text };
        }
      } catch (error) {
        throw toOpenAIProviderError(error);
      }
      // The SDK ends an aborted stream quietly: make it an error, not a short success.
      if (signal.aborted) throw new AbortedError(signal.reason);
      yield {
        type: 'done',
        usage: usage ?? { input: 0, output: 0, total: 0 },
        model: servedModel,
        finishReason,
        ...(calls.length ? { toolCalls: toolCallsOf(calls.filter(Boolean)) } : {}),
      };
    },
    async embed(input, model, { signal }) {
      try {
        const response = await client.embeddings.create({ model, input }, { signal });
        return {
          vectors: response.data.map((row) => row.embedding),
          usage: {
            input: response.usage?.prompt_tokens ?? 0,
            output: 0,
            total: response.usage?.total_tokens ?? 0,
          },
          provider: 'openai',
          model: response.model || model,
        };
      } catch (error) {
        throw toOpenAIProviderError(error);
      }
    },
    async ping({ signal }) {
      try {
        const page = await client.models.list({ signal });
        return { model: page.data[0]?.id ?? modelFor('default') };
      } catch (error) {
        throw toOpenAIProviderError(error);
      }
    },
  };
};
