/** The attribute types "Write with AI" can rewrite, and how their text is written. */
const REWRITABLE = { string: 'plain', text: 'plain', richtext: 'markdown' } as const;

type RewritableType = keyof typeof REWRITABLE;

export interface TextField {
  name: string;
  /** The label the edit view shows (its configured one), else the attribute's name. */
  label: string;
  format: (typeof REWRITABLE)[RewritableType];
}

const isRewritable = (type: unknown): type is RewritableType =>
  typeof type === 'string' && Object.hasOwn(REWRITABLE, type);

/** The entry's top-level text fields, in the content type's order, named as the edit view names them. */
export const textFieldsOf = (
  attributes: Record<string, { type?: unknown }> | undefined,
  labels: Readonly<Record<string, string>> = {},
): TextField[] =>
  Object.entries(attributes ?? {}).flatMap(([name, attribute]) =>
    isRewritable(attribute.type)
      ? [{ name, label: labels[name] || name, format: REWRITABLE[attribute.type] }]
      : [],
  );

/** Field name → label from the Content Manager's edit layout (panels of rows of fields). */
export const labelsOf = (
  panels: readonly (readonly (readonly { name: string; label?: string }[])[])[] | undefined,
): Record<string, string> =>
  Object.fromEntries(
    (panels ?? [])
      .flat(2)
      .filter((field) => field.label)
      .map((field) => [field.name, field.label!]),
  );
