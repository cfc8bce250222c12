/** `science-fiction` → `Science fiction`: a readable fallback for values nobody named. */
export const humanize = (value: string) => {
  const words = value.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};
