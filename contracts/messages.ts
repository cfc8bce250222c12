/** A picture sent to a model that reads images (vision input), as its bytes in base64. */
export interface ImagePart {
  type: 'image';
  mimeType: string;
  data: string;
}

export interface TextPart {
  type: 'text';
  text: string;
}

export type MessagePart = TextPart | ImagePart;

/** A model's request to run one of the tools it was offered, its arguments parsed. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** One message of a model conversation: what prompt templates build and providers send. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  /** Text, or (a user's message) text and images; a tool message holds its result as JSON. */
  content: string | MessagePart[];
  /** An assistant turn's tool calls. */
  toolCalls?: ToolCall[];
  /** A tool message: the call it answers, and the tool's name. */
  toolCallId?: string;
  name?: string;
}

/** A message's text alone, images left out. */
export const textOfMessage = (message: ChatMessage) =>
  typeof message.content === 'string'
    ? message.content
    : message.content
        .filter((part): part is TextPart => part.type === 'text')
        .map((part) => part.text)
        .join('\n');
