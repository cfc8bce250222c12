import {
  OUTPUT_SLOTS,
  type OutputSlot,
  type SaveDraftBody,
  type SaveTarget,
} from '../../../contracts/writers';

/** The select's value for a field left out (the design system's selects refuse an empty value). */
export const NOT_MAPPED = '__not-mapped__';

export const isOutputSlot = (value: string): value is OutputSlot =>
  (OUTPUT_SLOTS as readonly string[]).includes(value);

export interface SaveDraftForm {
  uid: string;
  locale: string;
  mapping: Partial<Record<string, OutputSlot>>;
}

/**
 * Choosing a type starts from its remembered (or detected) mapping and its default locale; a
 * remembered field whose piece this output lacks (a story has no meta title) starts unmapped.
 */
export const formFor = (target: SaveTarget, slots: readonly OutputSlot[]): SaveDraftForm => ({
  uid: target.uid,
  locale:
    target.locales?.find((locale) => locale.isDefault)?.code ?? target.locales?.[0]?.code ?? '',
  mapping: Object.fromEntries(
    Object.entries(target.mapping).filter(
      ([path, slot]) =>
        slot !== undefined &&
        slots.includes(slot) &&
        target.fields.some((field) => field.path === path),
    ),
  ),
});

/** The request, or undefined while no field is mapped (the server needs at least one). */
export const bodyOf = (form: SaveDraftForm, target: SaveTarget): SaveDraftBody | undefined => {
  const mapping = Object.fromEntries(
    Object.entries(form.mapping).filter(
      (entry): entry is [string, OutputSlot] => entry[1] !== undefined,
    ),
  );
  if (Object.keys(mapping).length === 0) return undefined;
  return {
    uid: form.uid,
    ...(target.locales && form.locale ? { locale: form.locale } : {}),
    mapping,
  };
};
