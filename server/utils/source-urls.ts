import type { Core } from '@strapi/strapi';
import { MAX_SOURCE_NOTES } from '../../writers/options';
import { getService } from './services';

/**
 * A writer's source URLs, read through the safe fetcher and turned into source notes (each
 * page's readable text under its title and address), so every writer draws on them the way it
 * draws on pasted notes. The stored input keeps what the model was given, not the addresses:
 * "Duplicate" reuses the text rather than fetching pages that may have changed.
 */
export const withSourceUrls = async <T extends { sourceUrls?: string[]; sourceNotes?: string }>(
  strapi: Core.Strapi,
  input: T,
): Promise<Omit<T, 'sourceUrls'>> => {
  const { sourceUrls, ...rest } = input;
  if (!sourceUrls?.length) return rest;
  const fetcher = getService(strapi, 'fetcher');
  const pages = await Promise.all(
    sourceUrls.map((url, i) => fetcher.readable(url, `input.sourceUrls.${i}`)),
  );
  const pasted = rest.sourceNotes?.trim();
  // The pasted notes first; the pages share what room is left.
  const room = Math.max(0, MAX_SOURCE_NOTES - (pasted?.length ?? 0) - 2);
  const share = Math.floor(room / pages.length);
  const fetched = pages.map((page) =>
    `Source: ${page.title ?? page.url} (${page.url})\n${page.text}`.slice(
      0,
      Math.max(0, share - 2),
    ),
  );
  return { ...rest, sourceNotes: [pasted, ...fetched].filter(Boolean).join('\n\n') };
};
