/** The braces of a URL pattern (`/blog/{slug}`): the entry fields it needs. */
export const patternFields = (pattern: string) =>
  [...pattern.matchAll(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].map((match) => match[1]!);

/**
 * An entry's public address from its type's pattern; null when a field it needs is empty, so a
 * visitor is never sent to `/blog/undefined`.
 */
export const publicUrl = (pattern: string, entry: Record<string, unknown>): string | null => {
  let missing = false;
  const url = pattern.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const value = entry[name];
    if (value === null || value === undefined || value === '') {
      missing = true;
      return '';
    }
    return encodeURIComponent(String(value));
  });
  return missing ? null : url;
};
