import { ApiError, GoogleGenAI } from '@google/genai';
import type {
  Content,
  FunctionCall,
  GenerateContentConfig,
  GenerateContentResponse,
  Part,
} from '@google/genai';
import type { Feature } from '../../contracts/config';
import { textOfMessage } from '../../contracts/messages';
import { AbortedError, ProviderError, statusMessage } from './errors';
import { isTransientStatus } from './retry';
import type {
  ProviderAdapter,
  StreamEvent,
  TextRequest,
  TextResult,
  TokenUsage,
  ToolCall,
} from './types';

export interface GeminiAdapterOptions {
  apiKey: string;
  baseURL?: string;
  models: Partial<Record<Feature, string>>;
  timeoutMs: number;
}

export const GEMINI_DEFAULT_MODELS: Record<'text' | 'embeddings', string> = {
  text: 'gemini-2.5-flash',
  embeddings: 'gemini-embedding-001',
};

const usageOf = (response: GenerateContentResponse | undefined): TokenUsage => {
  const meta = response?.usageMetadata;
  const input = meta?.promptTokenCount ?? 0;
  const output = meta?.candidatesTokenCount ?? 0;
  return { input, output, total: meta?.totalTokenCount ?? input + output };
};

/** Gemini sends the wait as a google.rpc.RetryInfo detail (`"retryDelay": "7s"`) in its error body. */
export const parseRetryDelay = (message: string): number | undefined => {
  const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/.exec(message);
  return match ? Number(match[1]) * 1000 : undefined;
};

export const toGeminiProviderError = (error: unknown): Error => {
  if (error instanceof Error && error.name === 'AbortError') return new AbortedError();
  if (error instanceof ApiError) {
    return new ProviderError(statusMessage('gemini', error.status), {
      provider: 'gemini',
      status: error.status,
      retryable: isTransientStatus(error.status),
      retryAfterMs: parseRetryDelay(error.message),
      cause: error,
    });
  }
  if (error instanceof TypeError) {
    // fetch() failing outright (refused, reset): transient by nature.
    return new ProviderError('Gemini could not be reached.', {
      provider: 'gemini',
      retryable: true,
      cause: error,
    });
  }
  return error instanceof Error ? error : new Error(String(error));
};

/** Gemini takes the system prompt apart from the turns, and calls the assistant `model`. */
const toGeminiRequest = (
  request: TextRequest,
): { contents: Content[]; config: GenerateContentConfig } => {
  const system = request.messages.filter((m) => m.role === 'system').map(textOfMessage);
  const contents = request.messages
    .filter((m) => m.role !== 'system')
    .map((m): Content => {
      // A tool's result goes back as the function's response, matched by name.
      if (m.role === 'tool') {
        return {
          role: 'user',
          parts: [
            {
              functionResponse: {
                name: m.name ?? '',
                response: { result: textOfMessage(m) },
              },
            },
          ],
        };
      }
      const parts: Part[] =
        typeof m.content === 'string'
          ? m.content
            ? [{ text: m.content }]
            : []
          : m.content.map((part) =>
              part.type === 'text'
                ? { text: part.text }
                : { inlineData: { mimeType: part.mimeType, data: part.data } },
            );
      for (const call of m.toolCalls ?? []) {
        parts.push({ functionCall: { name: call.name, args: call.arguments } });
      }
      return { role: m.role === 'assistant' ? 'model' : 'user', parts };
    })
    // The responses to one turn's calls go back together, in one content, as Gemini asks.
    .reduce<Content[]>((merged, content) => {
      const last = merged[merged.length - 1];
      const responses = (each: Content) =>
        Boolean(each.parts?.length) && each.parts!.every((part) => part.functionResponse);
      if (last && responses(last) && responses(content)) {
        last.parts = [...(last.parts ?? []), ...(content.parts ?? [])];
      } else {
        merged.push(content);
      }
      return merged;
    }, []);
  return {
    contents,
    config: {
      ...(system.length ? { systemInstruction: system.join('\n\n') } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.maxOutputTokens !== undefined
        ? { maxOutputTokens: request.maxOutputTokens }
        : {}),
      ...(request.json
        ? { responseMimeType: 'application/json', responseJsonSchema: request.json.schema }
        : {}),
      ...(request.tools?.length
        ? {
            tools: [
              {
                functionDeclarations: request.tools.map((tool) => ({
                  name: tool.name,
                  description: tool.description,
                  parametersJsonSchema: tool.parameters,
                })),
              },
            ],
          }
        : {}),
    },
  };
};

/** The text parts alone: the SDK's `text` getter warns whenever a part is a function call. */
const textOf = (response: GenerateContentResponse) =>
  (response.candidates?.[0]?.content?.parts ?? [])
    .map((part) => (part.thought ? '' : (part.text ?? '')))
    .join('');

const toolCallsOf = (calls: FunctionCall[] | undefined, offset = 0): ToolCall[] =>
  (calls ?? []).map((call, index) => ({
    id: call.id || `call_${offset + index}`,
    name: call.name ?? '',
    arguments: (call.args as Record<string, unknown> | undefined) ?? {},
  }));

export const createGeminiAdapter = (options: GeminiAdapterOptions): ProviderAdapter => {
  const client = new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: {
      ...(options.baseURL ? { baseUrl: options.baseURL } : {}),
      timeout: options.timeoutMs,
    },
  });

  const modelFor = (feature: Feature, override?: string) =>
    override ??
    options.models[feature] ??
    (feature === 'embeddings' ? GEMINI_DEFAULT_MODELS.embeddings : undefined) ??
    options.models.default ??
    GEMINI_DEFAULT_MODELS.text;

  const generate = async (
    request: TextRequest,
    model: string,
    signal: AbortSignal,
    extra: GenerateContentConfig = {},
  ): Promise<TextResult> => {
    const { contents, config } = toGeminiRequest(request);
    try {
      const response = await client.models.generateContent({
        model,
        contents,
        config: { ...config, ...extra, abortSignal: signal },
      });
      const toolCalls = toolCallsOf(response.functionCalls);
      return {
        text: textOf(response),
        usage: usageOf(response),
        provider: 'gemini',
        model: response.modelVersion ?? model,
        finishReason: response.candidates?.[0]?.finishReason,
        ...(toolCalls.length ? { toolCalls } : {}),
      };
    } catch (error) {
      throw toGeminiProviderError(error);
    }
  };

  return {
    name: 'gemini',
    modelFor,
    generateText: (request, model, { signal }) => generate(request, model, signal),
    generateJson: (request, model, { signal }) =>
      generate(request, model, signal, {
        responseMimeType: 'application/json',
        responseJsonSchema: request.jsonSchema,
      }),
    async *streamText(request, model, { signal }): AsyncIterable<StreamEvent> {
      const { contents, config } = toGeminiRequest(request);
      let last: GenerateContentResponse | undefined;
      const toolCalls: ToolCall[] = [];
      try {
        const stream = await client.models.generateContentStream({
          model,
          contents,
          config: { ...config, abortSignal: signal },
        });
        for await (const chunk of stream) {
          last = chunk;
          // Each call arrives whole, in whichever chunk carries it.
          toolCalls.push(...toolCallsOf(chunk.functionCalls, toolCalls.length));
          const text = textOf(chunk);
          if (text) yield { type: 'delta', text };
        }
      } catch (error) {
        throw toGeminiProviderError(error);
      }
      // The SDK ends an aborted stream quietly: make it an error, not a short success.
      if (signal.aborted) throw new AbortedError(signal.reason);
      yield {
        type: 'done',
        usage: usageOf(last),
        model: last?.modelVersion ?? model,
        finishReason: last?.candidates?.[0]?.finishReason,
        ...(toolCalls.length ? { toolCalls } : {}),
      };
    },
    async embed(input, model, { signal }) {
      try {
        const response = await client.models.embedContent({
          model,
          contents: input,
          config: { abortSignal: signal },
        });
        const vectors = (response.embeddings ?? []).map((e) => e.values ?? []);
        return { vectors, usage: { input: 0, output: 0, total: 0 }, provider: 'gemini', model };
      } catch (error) {
        throw toGeminiProviderError(error);
      }
    },
    async ping({ signal }) {
      try {
        const pager = await client.models.list({ config: { pageSize: 1, abortSignal: signal } });
        return { model: pager.page[0]?.name?.replace(/^models\//, '') ?? modelFor('default') };
      } catch (error) {
        throw toGeminiProviderError(error);
      }
    },
  };
};
