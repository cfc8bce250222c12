import type { TokenUsage } from './types';

/** USD per million tokens (input, output): list prices of common models; unknown models cost null. */
const PRICES: Record<string, [number, number]> = {
  'gpt-4o': [2.5, 10],
  'gpt-4o-mini': [0.15, 0.6],
  'gpt-4.1': [2, 8],
  'gpt-4.1-mini': [0.4, 1.6],
  'gpt-4.1-nano': [0.1, 0.4],
  'text-embedding-3-small': [0.02, 0],
  'text-embedding-3-large': [0.13, 0],
  'gemini-2.5-pro': [1.25, 10],
  'gemini-2.5-flash': [0.3, 2.5],
  'gemini-2.0-flash': [0.1, 0.4],
  'gemini-embedding-001': [0.15, 0],
};

/** Matches dated variants too (`gpt-4o-mini-2024-07-18`), preferring the longest known name. */
const priceOf = (model: string): [number, number] | undefined => {
  const name = model.replace(/^models\//, '');
  const known = Object.keys(PRICES)
    .filter((candidate) => name === candidate || name.startsWith(`${candidate}-`))
    .sort((a, b) => b.length - a.length)[0];
  return known ? PRICES[known] : undefined;
};

export const estimateCost = (model: string, usage: TokenUsage): number | null => {
  const price = priceOf(model);
  if (!price) return null;
  return Number(((usage.input * price[0] + usage.output * price[1]) / 1_000_000).toFixed(6));
};
