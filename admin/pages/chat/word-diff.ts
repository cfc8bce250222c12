/**
 * What changed between two versions of a text, word by word: enough for a reviewer to see a
 * proposed edit at a glance, without a diff library. The longest common subsequence of the
 * tokens that differ (the common start and end are cut off first, as edits are usually local);
 * a change too large for that table is compared line by line, and failing that shown whole.
 */

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffPart {
  kind: DiffKind;
  text: string;
}

/** Above this many table cells (2 bytes each, 12 MB) the comparison would freeze the page. */
const MAX_CELLS = 6_000_000;

/** Words, runs of white space and single other characters: a change shows as whole words. */
const TOKEN = /\s+|[\p{L}\p{N}_]+|[^\s\p{L}\p{N}_]/gu;

const wordsOf = (text: string) => text.match(TOKEN) ?? [];
const linesOf = (text: string) => (text ? text.split(/(?<=\n)/) : []);

/** Joins neighbours of the same kind and drops empty parts. */
const merged = (parts: DiffPart[]): DiffPart[] =>
  parts.reduce<DiffPart[]>((out, part) => {
    if (!part.text) return out;
    const last = out[out.length - 1];
    if (last && last.kind === part.kind) last.text += part.text;
    else out.push({ ...part });
    return out;
  }, []);

/** The classic table: `lengths[i * width + j]` is the LCS length of `a[i..]` and `b[j..]`. */
const lcsParts = (a: string[], b: string[]): DiffPart[] => {
  const width = b.length + 1;
  // The common subsequence is no longer than the shorter side, under 2,450 tokens here.
  const lengths = new Uint16Array((a.length + 1) * width);
  const at = (i: number, j: number) => lengths[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lengths[i * width + j] =
        a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const parts: DiffPart[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      parts.push({ kind: 'same', text: a[i] ?? '' });
      i += 1;
      j += 1;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      parts.push({ kind: 'removed', text: a[i] ?? '' });
      i += 1;
    } else {
      parts.push({ kind: 'added', text: b[j] ?? '' });
      j += 1;
    }
  }
  parts.push({ kind: 'removed', text: a.slice(i).join('') });
  parts.push({ kind: 'added', text: b.slice(j).join('') });
  return parts;
};

/** The diff of two token lists, or null when what differs is too large to compare. */
const diffTokens = (a: string[], b: string[]): DiffPart[] | null => {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start += 1;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  ) {
    end += 1;
  }
  const middleA = a.slice(start, a.length - end);
  const middleB = b.slice(start, b.length - end);
  if ((middleA.length + 1) * (middleB.length + 1) > MAX_CELLS) return null;
  return merged([
    { kind: 'same', text: a.slice(0, start).join('') },
    ...lcsParts(middleA, middleB),
    { kind: 'same', text: a.slice(a.length - end).join('') },
  ]);
};

/** `before` turned into `after`: unchanged, removed and added runs of text, in reading order. */
export const diffText = (before: string, after: string): DiffPart[] =>
  diffTokens(wordsOf(before), wordsOf(after)) ??
  diffTokens(linesOf(before), linesOf(after)) ??
  merged([
    { kind: 'removed', text: before },
    { kind: 'added', text: after },
  ]);
