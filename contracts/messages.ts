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

/** One message of a model conversation: what prompt templates build and providers send. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  /** Text, or (a user's message) text and images. */
  content: string | MessagePart[];
}

/** A message's text alone, images left out. */
export const textOfMessage = (message: ChatMessage) =>
  typeof message.content === 'string'
    ? message.content
    : message.content
        .filter((part): part is TextPart => part.type === 'text')
        .map((part) => part.text)
        .join('\n');
