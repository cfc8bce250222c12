/** The attribute types "Write with AI" can rewrite, and how their text is written. */
const REWRITABLE = { string: 'plain', text: 'plain', richtext: 'markdown' } as const;

type RewritableType = keyof typeof REWRITABLE;

export interface TextField {
  name: string;
  format: (typeof REWRITABLE)[RewritableType];
}

const isRewritable = (type: unknown): type is RewritableType =>
  typeof type === 'string' && Object.hasOwn(REWRITABLE, type);

/** The entry's top-level text fields, in the content type's order. */
export const textFieldsOf = (
  attributes: Record<string, { type?: unknown }> | undefined,
): TextField[] =>
  Object.entries(attributes ?? {}).flatMap(([name, attribute]) =>
    isRewritable(attribute.type) ? [{ name, format: REWRITABLE[attribute.type] }] : [],
  );
