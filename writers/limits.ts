/**
 * Hard limits checked after generation (characters, counts). A model cannot be trusted to count,
 * so every writer's output is measured here; violations drive one targeted repair, never a cut.
 */

export interface LimitViolation {
  /** Where, as a dotted path into the output (`posts.0.variants.1.text`). */
  path: string;
  message: string;
}

/** Unicode code points, as the networks count them (an emoji is one character, not two). */
export const charCount = (text: string): number => [...text].length;

export const atMostChars = (path: string, text: string, max: number): LimitViolation[] => {
  const count = charCount(text);
  return count > max ? [{ path, message: `is ${count} characters; at most ${max}` }] : [];
};

export const charsBetween = (
  path: string,
  text: string,
  min: number,
  max: number,
): LimitViolation[] => {
  const count = charCount(text);
  return count < min || count > max
    ? [{ path, message: `is ${count} characters; it must be ${min} to ${max}` }]
    : [];
};

export const countBetween = (
  path: string,
  items: readonly unknown[],
  min: number,
  max: number,
): LimitViolation[] =>
  items.length < min || items.length > max
    ? [
        {
          path,
          message: `has ${items.length} items; it must have ${min === max ? `exactly ${min}` : `${min} to ${max}`}`,
        },
      ]
    : [];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const isSlug = (path: string, text: string, max = 80): LimitViolation[] =>
  SLUG.test(text) && text.length <= max
    ? []
    : [{ path, message: `must be lowercase words joined by hyphens, at most ${max} characters` }];

/** Ends with one of `suffixes` (the first is the one named), e.g. a question mark in any script. */
export const endsWith = (
  path: string,
  text: string,
  suffixes: readonly [string, ...string[]],
): LimitViolation[] =>
  suffixes.some((suffix) => text.trimEnd().endsWith(suffix))
    ? []
    : [{ path, message: `must end with "${suffixes[0]}"` }];

/** One line per violation, for the repair prompt and for the error a second failure ends with. */
export const describeViolations = (violations: readonly LimitViolation[]): string =>
  violations.map(({ path, message }) => `${path} ${message}`).join('; ');
