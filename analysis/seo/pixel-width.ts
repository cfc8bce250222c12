import pixelWidth from 'string-pixel-width';

/** Google's desktop results set titles in 20 px Arial and cut them at about 600 px. */
export const TITLE_MAX_PX = 600;
export const TITLE_FONT = { font: 'arial', size: 20 } as const;
/** Descriptions: 14 px Arial, two lines of about 460 px each on desktop. */
export const DESCRIPTION_MAX_PX = 920;
export const DESCRIPTION_FONT = { font: 'arial', size: 14 } as const;

export const titleWidth = (title: string) => Math.round(pixelWidth(title, TITLE_FONT));
export const descriptionWidth = (text: string) => Math.round(pixelWidth(text, DESCRIPTION_FONT));

/** The text as a result shows it: cut at a word before `maxPx`, with an ellipsis. */
export const cutToWidth = (text: string, maxPx: number, width: (text: string) => number) => {
  if (width(text) <= maxPx) return text;
  const words = text.split(/\s+/);
  let shown = '';
  for (const word of words) {
    const next = shown ? `${shown} ${word}` : word;
    if (width(`${next} …`) > maxPx) break;
    shown = next;
  }
  return `${shown} …`;
};
