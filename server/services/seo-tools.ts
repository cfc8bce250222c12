import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { z } from 'zod';
import { mergeModels, textModelOf, type Paper } from '../../analysis/seo';
import { contentGap } from '../../analysis/seo/tools/content-gap';
import {
  addToCorpus,
  corpusKeysOf,
  keywordReport,
  type KeywordCorpus,
} from '../../analysis/seo/tools/keywords';
import { socialTags, structuredData } from '../../analysis/seo/tools/structured-data';
import type { ChatMessage } from '../../contracts/messages';
import type {
  AltTextSuggestion,
  ContentGapBody,
  KeywordsBody,
  StructuredDataBody,
} from '../../contracts/seo-tools';
import { objectRequest } from '../../writers/definition';
import { atMostChars } from '../../writers/limits';
import type { ReportTarget } from '../repositories/seo-reports';
import { getService } from '../utils/services';

/** Entries TF-IDF compares with: the newest of the type, enough to say what is common there. */
const CORPUS_LIMIT = 300;
const CORPUS_CACHE = 5_000;
/** Images described per request, and at once. */
const ALT_TEXT_LIMIT = 10;
const ALT_TEXT_PARALLEL = 2;
const ALT_TEXT_MAX = 125;
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
const VISION_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

interface UploadFile {
  id: number;
  name?: string;
  url: string;
  mime: string;
  size?: number;
  provider?: string;
  alternativeText?: string | null;
}

/** Every media library file an entry holds, at any depth (fields, components, zones, blocks). */
const filesIn = (value: unknown, found = new Map<number, UploadFile>(), depth = 0) => {
  if (!value || typeof value !== 'object' || depth > 12) return found;
  if (Array.isArray(value)) {
    for (const item of value) filesIn(item, found, depth + 1);
    return found;
  }
  const node = value as Record<string, unknown>;
  if (
    typeof node.id === 'number' &&
    typeof node.url === 'string' &&
    typeof node.mime === 'string'
  ) {
    found.set(node.id, node as unknown as UploadFile);
    return found;
  }
  for (const [key, child] of Object.entries(node)) {
    if (key !== 'createdBy' && key !== 'updatedBy') filesIn(child, found, depth + 1);
  }
  return found;
};

const altText = z.object({ alt: z.string().min(1) });

const altPrompt = (file: UploadFile, data: string, context: string): ChatMessage[] => [
  {
    role: 'system',
    content:
      'You write alternative text for images on web pages: what the image shows that matters to the page, for someone who cannot see it. Answer with one JSON object that matches the given schema, and nothing else.',
  },
  {
    role: 'user',
    content: [
      {
        type: 'text',
        text: `Write the alt text for this image, at most ${ALT_TEXT_MAX} characters, without "image of" or "picture of", in the language of the page. The page: ${context}`,
      },
      { type: 'image', mimeType: file.mime, data },
    ],
  },
];

const seoToolsService = ({ strapi }: { strapi: Core.Strapi }) => {
  const seo = () => getService(strapi, 'seo');
  const corpusKeys = new Map<string, { updatedAt: string; keys: Set<string> }>();

  /** The paper a tool reads: an entry's (the caller checked it may be read) or a given text. */
  const subjectOf = async (
    target: ReportTarget | null,
    body: Pick<KeywordsBody, 'text' | 'contentFormat' | 'title' | 'locale'>,
  ): Promise<Paper & { documentId?: string }> => {
    if (!target) {
      return {
        title: body.title,
        content: body.text,
        contentFormat: body.contentFormat,
        locale: body.locale,
      };
    }
    const read = await seo().paperOf(target);
    if (!read) throw new errors.NotFoundError(`No entry ${target.documentId} of ${target.uid}.`);
    return { ...read.paper, documentId: target.documentId };
  };

  /** How many of a type's entries (those given, or all) use each term; each entry read once. */
  const corpusOf = async (
    uid: string,
    locale: string | null,
    only: string[] | null,
    except: string | undefined,
  ): Promise<KeywordCorpus> => {
    const papers = await seo().papersOf(uid, locale, CORPUS_LIMIT + 1, only);
    const frequencies = new Map<string, number>();
    let documents = 0;
    for (const { documentId, updatedAt, paper } of papers) {
      if (documentId === except || documents === CORPUS_LIMIT) continue;
      const key = `${uid}\u0000${documentId}\u0000${locale ?? ''}`;
      let cached = corpusKeys.get(key);
      if (cached?.updatedAt !== updatedAt) {
        cached = { updatedAt, keys: corpusKeysOf(paper) };
        if (corpusKeys.size >= CORPUS_CACHE) corpusKeys.clear();
        corpusKeys.set(key, cached);
      }
      addToCorpus(frequencies, cached.keys);
      documents += 1;
    }
    return { documents, frequencies };
  };

  /** The bytes of a file the local upload provider stores, or why they cannot be read. */
  const bytesOf = async (file: UploadFile): Promise<{ data: string } | { error: string }> => {
    if (!VISION_TYPES.has(file.mime))
      return { error: `A ${file.mime} file is not a picture the model can read.` };
    if ((file.provider ?? 'local') !== 'local' || !file.url.startsWith('/uploads/')) {
      return {
        error: `Stored by the ${file.provider} upload provider: only files kept on this server can be described for now.`,
      };
    }
    const root = path.resolve(strapi.dirs.static.public, 'uploads');
    const location = path.resolve(strapi.dirs.static.public, `.${decodeURIComponent(file.url)}`);
    if (!location.startsWith(`${root}${path.sep}`))
      return { error: 'Not a file of the uploads folder.' };
    try {
      if ((await stat(location)).size > IMAGE_MAX_BYTES) {
        return { error: `Larger than ${IMAGE_MAX_BYTES / 1024 / 1024} MB.` };
      }
      return { data: (await readFile(location)).toString('base64') };
    } catch {
      return { error: 'The file is missing from the uploads folder.' };
    }
  };

  return {
    async keywords(
      target: ReportTarget | null,
      body: KeywordsBody,
      compare: { uid: string; locale: string | null; readable: string[] | null } | null,
    ) {
      const subject = await subjectOf(target, body);
      const paper = {
        ...subject,
        keyphrase:
          body.keyphrase ||
          (target ? (await seo().report(target))?.keyphrase : undefined) ||
          undefined,
        synonyms: body.synonyms,
      };
      const corpus = compare
        ? await corpusOf(compare.uid, compare.locale, compare.readable, subject.documentId)
        : undefined;
      return { title: paper.title ?? null, ...keywordReport(paper, corpus) };
    },

    async contentGap(target: ReportTarget | null, body: ContentGapBody) {
      const subject = await subjectOf(target, body);
      const gap = contentGap(
        subject,
        body.competitors.map((page, i) => ({
          label: page.label ?? `Page ${i + 1}`,
          html: page.html,
        })),
        { locale: subject.locale },
      );
      return { title: subject.title ?? null, ...gap };
    },

    async structuredData(
      target: ReportTarget,
      body: StructuredDataBody,
      entry: Record<string, unknown>,
    ) {
      const read = await seo().paperOf(target);
      if (!read) throw new errors.NotFoundError(`No entry ${target.documentId} of ${target.uid}.`);
      const { paper, type } = read;
      const absolute = (url: string | undefined) => {
        if (!url) return undefined;
        if (/^https?:\/\//i.test(url)) return url;
        return body.baseUrl ? new URL(url, body.baseUrl).toString() : undefined;
      };
      const pattern = body.urlPattern ?? '/{slug}';
      const url =
        pattern.includes('{slug}') && !paper.slug
          ? undefined
          : absolute(
              pattern
                .replace('{slug}', encodeURIComponent(paper.slug ?? ''))
                .replace('{documentId}', target.documentId),
            );
      const published = (await strapi.documents(target.uid as never).findOne({
        documentId: target.documentId,
        ...(target.locale ? { locale: target.locale } : {}),
        status: 'published',
        fields: ['publishedAt'],
      } as never)) as { publishedAt?: string } | null;
      const creator = entry.createdBy as { firstname?: string; lastname?: string } | undefined;
      const source = {
        title: paper.title ?? undefined,
        description: paper.metaDescription ?? undefined,
        url,
        image: absolute(paper.images?.find((image) => image.src)?.src),
        locale: target.locale ?? undefined,
        datePublished: published?.publishedAt
          ? new Date(published.publishedAt).toISOString()
          : undefined,
        dateModified: read.entry.updatedAt
          ? new Date(String(read.entry.updatedAt)).toISOString()
          : undefined,
        author:
          body.author ||
          [creator?.firstname, creator?.lastname].filter(Boolean).join(' ') ||
          undefined,
        siteName: body.siteName,
        baseUrl: body.baseUrl,
        logo: body.logo,
        section: body.section ?? { name: type.info.displayName },
        model: mergeModels(
          (paper.parts ?? []).map((part) => textModelOf(part.content, part.contentFormat)),
        ),
        offer: body.offer,
        brand: body.brand,
      };
      return { ...structuredData(body.type, source), social: socialTags(source) };
    },

    /**
     * Alt text suggestions for the entry's images that have none, each through the model's
     * vision input; nothing is saved (the media library's own route applies one).
     */
    async altText(target: ReportTarget, userId: number, signal?: AbortSignal) {
      const read = await seo().paperOf(target);
      if (!read) throw new errors.NotFoundError(`No entry ${target.documentId} of ${target.uid}.`);
      const files = [...filesIn(read.entry).values()];
      const missing = files
        .filter((file) => !file.alternativeText?.trim())
        .slice(0, ALT_TEXT_LIMIT);
      if (!missing.length) return { images: [], withAlt: files.length };
      const ai = getService(strapi, 'ai');
      await ai.ensureCanCall(userId);
      const client = await ai.client();
      const context =
        [read.paper.title, read.paper.metaDescription].filter(Boolean).join(' — ') || 'untitled';
      const describe = async (file: UploadFile): Promise<AltTextSuggestion> => {
        const base = { fileId: file.id, name: file.name ?? '', url: file.url };
        const bytes = await bytesOf(file);
        if ('error' in bytes) return { ...base, suggestion: null, error: bytes.error };
        const result = await client.generateObject(
          objectRequest({
            messages: altPrompt(file, bytes.data, context),
            schema: altText,
            schemaName: 'alt_text',
            check: (output) => atMostChars('alt', output.alt, ALT_TEXT_MAX),
          }),
          { feature: 'seo', userId, signal },
        );
        return { ...base, suggestion: result.object.alt.trim(), error: null };
      };
      const images: AltTextSuggestion[] = [];
      for (let i = 0; i < missing.length; i += ALT_TEXT_PARALLEL) {
        images.push(...(await Promise.all(missing.slice(i, i + ALT_TEXT_PARALLEL).map(describe))));
      }
      return { images, withAlt: files.length - missing.length };
    },
  };
};

export default seoToolsService;
export type SeoToolsService = ReturnType<typeof seoToolsService>;
