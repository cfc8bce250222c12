// Types for the engine's libraries that ship none: only what the engine calls.
declare module 'snowball-stemmers' {
  export function newStemmer(language: string): { stem(word: string): string };
}
declare module 'stopword' {
  export const eng: string[];
  export const deu: string[];
}
declare module 'string-pixel-width' {
  export default function pixelWidth(
    text: string,
    settings: { font: string; size: number; bold?: boolean },
  ): number;
}
