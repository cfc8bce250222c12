/** What the engine reads and answers. Pure data: the same on the server and in the browser. */

export type ContentFormat = 'html' | 'markdown' | 'blocks';

export interface PaperImage {
  src?: string;
  alt?: string | null;
}

/** One piece of content to analyse, as the edit view, the API or a stored entry gives it. */
export interface Paper {
  title?: string;
  metaTitle?: string;
  metaDescription?: string;
  slug?: string;
  /** HTML, markdown, or Strapi blocks (the JSON array, or its text). */
  content?: unknown;
  contentFormat?: ContentFormat;
  /** A body in several fields (a rich text, then a dynamic zone's texts...), read in order. */
  parts?: { content: unknown; contentFormat?: ContentFormat }[];
  keyphrase?: string;
  synonyms?: string[];
  locale?: string;
  /** The site's address: links to it are internal, others outbound. */
  baseUrl?: string;
  /** Images outside the body (a cover, a gallery field): their alt texts count too. */
  images?: PaperImage[];
  /**
   * Focus keyphrases of the site's other entries (the server fills this in); a title is named in
   * the advice only when given.
   */
  otherKeyphrases?: { keyphrase: string; title?: string }[];
}

export type Rating = 'good' | 'ok' | 'bad';
export type AssessmentGroup = 'seo' | 'readability';

export interface AssessmentResult {
  id: string;
  group: AssessmentGroup;
  rating: Rating;
  /** Yoast's scale: 9 good, 5–7 ok, 4 or less bad. */
  score: number;
  /** What was found and what to do about it. */
  message: string;
}

/** An assessment that cannot run in this language, and why: never a guess. */
export interface UnavailableAssessment {
  id: string;
  group: AssessmentGroup;
  message: string;
}

export interface Analysis {
  seoScore: number;
  readabilityScore: number;
  assessments: AssessmentResult[];
  notAvailable: UnavailableAssessment[];
  /** The language the analysis used (`en`, `de`), or null when none of ours fits the locale. */
  language: string | null;
  wordCount: number;
}
