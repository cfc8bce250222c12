import type { Research } from '../research/researcher';
import type { AssessmentGroup, Paper, Rating } from '../types';

/** One check. It reads facts from the researcher and never parses text itself. */
export interface Assessment {
  id: string;
  group: AssessmentGroup;
  /** Why it cannot run in this language (a word list or formula we lack), if it cannot. */
  unavailable?(get: Research): string | undefined;
  /** Whether there is anything to assess (a keyphrase, a text); assumed true. */
  applies?(get: Research, paper: Paper): boolean;
  assess(get: Research, paper: Paper): { score: number; message: string };
}

/** Yoast's bands: 8 and up good, 5 to 7 ok, 4 and below bad. */
export const ratingOf = (score: number): Rating =>
  score >= 8 ? 'good' : score >= 5 ? 'ok' : 'bad';

export const result = (score: number, message: string) => ({ score, message });

export const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

export const percent = (share: number) => `${Math.round(share * 100)}%`;

export const hasKeyphrase = (get: Research) => get('keyphrase') !== null;
