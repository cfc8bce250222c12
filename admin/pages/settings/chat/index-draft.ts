import type {
  IndexSettingsBody,
  IndexTypeSetting,
  IndexTypeView,
} from '../../../../contracts/chat';

/** The edits made to the index settings, by type uid; a type not in it is as saved. */
export type IndexDraft = Record<string, IndexTypeSetting>;

export const settingOf = ({ enabled, fields }: IndexTypeView): IndexTypeSetting => ({
  enabled,
  fields,
});

/** An empty pick is "every text field": the server stores that as null, not as []. */
export const fieldsFrom = (picked: string[]): string[] | null => (picked.length ? picked : null);

// Order counts: the server compares what is indexed field by field, in order.
const sameFields = (a: string[] | null, b: string[] | null) =>
  a === null || b === null
    ? a === b
    : a.length === b.length && a.every((value, index) => value === b[index]);

const sameSetting = (a: IndexTypeSetting, b: IndexTypeSetting) =>
  a.enabled === b.enabled && sameFields(a.fields, b.fields);

/**
 * Only the types whose setting differs from the saved one: the server merges them into what it
 * holds, so a type someone else changed meanwhile is left as they set it.
 */
export const changedTypes = (draft: IndexDraft, types: IndexTypeView[]): IndexSettingsBody => ({
  types: Object.fromEntries(
    types.flatMap((type) => {
      const edited = draft[type.uid];
      return edited && !sameSetting(edited, settingOf(type)) ? [[type.uid, edited]] : [];
    }),
  ),
});
