/** One message of a model conversation: what prompt templates build and providers send. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}
