import { publicSettingsBody, type PublicSettings } from '../../../../contracts/chat';

export const LIMIT_FIELDS = [
  'dailyTokenBudget',
  'perIpPerMinute',
  'perUserPerMinute',
  'questionMax',
] as const;
export type LimitField = (typeof LIMIT_FIELDS)[number];

/** Read from the body's schema, so the form's hints and checks cannot drift from the server's. */
export const rangeOf = (field: LimitField) => {
  const schema = publicSettingsBody.shape[field].unwrap();
  return { min: schema.minValue ?? 0, max: schema.maxValue ?? Number.MAX_SAFE_INTEGER };
};

export interface PublicTypeDraft {
  /** "Answer from it"; the pattern typed is kept while it is off, so turning it back on restores it. */
  on: boolean;
  urlPattern: string;
}

export interface PublicDraft extends Record<LimitField, number | undefined> {
  enabled: boolean;
  types: Record<string, PublicTypeDraft>;
}

export const draftFrom = (settings: PublicSettings): PublicDraft => ({
  enabled: settings.enabled,
  types: Object.fromEntries(
    Object.entries(settings.types).map(([uid, { urlPattern }]) => [uid, { on: true, urlPattern }]),
  ),
  dailyTokenBudget: settings.dailyTokenBudget,
  perIpPerMinute: settings.perIpPerMinute,
  perUserPerMinute: settings.perUserPerMinute,
  questionMax: settings.questionMax,
});

/** The server replaces its whole map of types: every type still on is sent. */
const typesOf = (draft: PublicDraft): PublicSettings['types'] =>
  Object.fromEntries(
    Object.entries(draft.types)
      .filter(([, type]) => type.on)
      .map(([uid, type]) => [uid, { urlPattern: type.urlPattern.trim() }]),
  );

const sameTypes = (a: PublicSettings['types'], b: PublicSettings['types']) => {
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((uid) => a[uid]?.urlPattern === b[uid]?.urlPattern)
  );
};

/** Only what differs from the saved settings: a field another admin changed meanwhile stays theirs. */
export const changesOf = (draft: PublicDraft, saved: PublicSettings): Partial<PublicSettings> => {
  const body: Partial<PublicSettings> = {};
  if (draft.enabled !== saved.enabled) body.enabled = draft.enabled;
  const types = typesOf(draft);
  if (!sameTypes(types, saved.types)) body.types = types;
  for (const field of LIMIT_FIELDS) {
    const value = draft[field];
    if (value !== undefined && value !== saved[field]) body[field] = value;
  }
  return body;
};

export type Problem =
  | { key: 'chat.settings.public.required' }
  | { key: 'chat.settings.public.wholeNumber' }
  | { key: 'chat.settings.public.range'; values: { min: number; max: number } }
  | { key: 'chat.settings.public.urlPattern.required' };

/**
 * What the form can tell before asking the server, keyed as the server names fields; the
 * pattern's shape and the fields it names are left to the server, which knows the types.
 */
export const problemsOf = (draft: PublicDraft): Record<string, Problem> => {
  const problems: Record<string, Problem> = {};
  // In the order the form shows them: the first is the one focused.
  for (const [uid, type] of Object.entries(draft.types)) {
    if (type.on && !type.urlPattern.trim()) {
      problems[`types.${uid}.urlPattern`] = { key: 'chat.settings.public.urlPattern.required' };
    }
  }
  for (const field of LIMIT_FIELDS) {
    const value = draft[field];
    const { min, max } = rangeOf(field);
    if (value === undefined) problems[field] = { key: 'chat.settings.public.required' };
    else if (!Number.isInteger(value))
      problems[field] = { key: 'chat.settings.public.wholeNumber' };
    else if (value < min || value > max) {
      problems[field] = { key: 'chat.settings.public.range', values: { min, max } };
    }
  }
  return problems;
};

/** The input's id for a field as the server names it, so a failed Save can focus the first. */
export const fieldId = (field: string) => `chat-public-${field}`;
