import { createHash } from 'node:crypto';
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
import type { EntryReader } from '../utils/readable-entry';
import { reportFailure } from '../utils/safe-error';
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

/** An entry a tool reads, and how the user may read it (the caller checked they may). */
export interface Subject {
  target: ReportTarget;
  reader: Pick<EntryReader, 'sanitize'>;
}

interface UploadFile {
  id: number;
  name?: string;
  url: string;
  mime: string;
  provider?: string;
  alternativeText?: string | null;
}

/** Every media library file an entry holds, at any depth (fields, components, zones). */
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
  const corpusKeys = new Map<string, Set<string>>();
  const readOf = async ({ target, reader }: Subject) => {
    const read = await seo().paperOf(target, reader);
    if (!read) throw new errors.NotFoundError(`No entry ${target.documentId} of ${target.uid}.`);
    return read;
  };

  /** The paper a tool reads: an entry's (the caller checked it may be read) or a given text. */
  const subjectOf = async (
    subject: Subject | null,
    body: Pick<KeywordsBody, 'text' | 'contentFormat' | 'title' | 'locale'>,
  ): Promise<Paper & { documentId?: string }> => {
    if (!subject) {
      return {
        title: body.title,
        content: body.text,
        contentFormat: body.contentFormat,
        locale: body.locale,
      };
    }
    const read = await readOf(subject);
    return { ...read.paper, documentId: subject.target.documentId };
  };

  /**
   * How many of a type's entries the user may read use each term. An entry's terms are worked
   * out once per text: keyed by what the user sees of it, so a changed mapping, an edit or fields
   * they may not read never mix in.
   */
  const corpusOf = async (
    uid: string,
    locale: string | null,
    reader: EntryReader,
    except: string | undefined,
  ): Promise<KeywordCorpus> => {
    const papers = await seo().papersOf(uid, locale, CORPUS_LIMIT + 1, reader);
    const frequencies = new Map<string, number>();
    let documents = 0;
    for (const { documentId, paper } of papers) {
      if (documentId === except || documents === CORPUS_LIMIT) continue;
      const key = createHash('sha1').update(JSON.stringify(paper)).digest('base64');
      let keys = corpusKeys.get(key);
      if (!keys) {
        keys = corpusKeysOf(paper);
        if (corpusKeys.size >= CORPUS_CACHE) corpusKeys.clear();
        corpusKeys.set(key, keys);
      }
      addToCorpus(frequencies, keys);
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
        error: `Kept ${file.provider ? `by the ${file.provider} upload provider` : 'outside this server'}: only files in this server's uploads folder can be described for now.`,
      };
    }
    const root = path.resolve(strapi.dirs.static.public, 'uploads');
    try {
      const location = path.resolve(strapi.dirs.static.public, `.${decodeURIComponent(file.url)}`);
      if (!location.startsWith(`${root}${path.sep}`)) {
        return { error: 'Not a file of the uploads folder.' };
      }
      if ((await stat(location)).size > IMAGE_MAX_BYTES) {
        return { error: `Larger than ${IMAGE_MAX_BYTES / 1024 / 1024} MB.` };
      }
      return { data: (await readFile(location)).toString('base64') };
    } catch {
      return { error: 'The file cannot be read from the uploads folder.' };
    }
  };

  return {
    async keywords(
      entry: Subject | null,
      body: KeywordsBody,
      compare: { uid: string; locale: string | null; reader: EntryReader } | null,
    ) {
      const subject = await subjectOf(entry, body);
      const paper = {
        ...subject,
        keyphrase:
          body.keyphrase ||
          (entry ? (await seo().report(entry.target))?.keyphrase : undefined) ||
          undefined,
        synonyms: body.synonyms,
      };
      const corpus = compare
        ? await corpusOf(compare.uid, compare.locale, compare.reader, subject.documentId)
        : undefined;
      return { title: paper.title ?? null, ...keywordReport(paper, corpus) };
    },

    async contentGap(entry: Subject | null, body: ContentGapBody) {
      const subject = await subjectOf(entry, body);
      const fetcher = getService(strapi, 'fetcher');
      const competitors = await Promise.all(
        body.competitors.map(async (page, i) => {
          if (page.html !== undefined)
            return { label: page.label ?? `Page ${i + 1}`, html: page.html };
          const fetched = await fetcher.page(page.url!, `competitors.${i}.url`);
          return { label: page.label ?? fetched.finalUrl, html: fetched.body };
        }),
      );
      const gap = contentGap(subject, competitors, { locale: subject.locale });
      return { title: subject.title ?? null, ...gap };
    },

    async structuredData(subject: Subject, body: StructuredDataBody) {
      const { target } = subject;
      const read = await readOf(subject);
      const { paper, type } = read;
      const absolute = (url: string | undefined, field: string) => {
        if (!url) return undefined;
        if (/^https?:\/\//i.test(url)) return url;
        if (!body.baseUrl) return undefined;
        try {
          return new URL(url, body.baseUrl).toString();
        } catch {
          throw new errors.ValidationError(
            `Invalid body: ${field}: does not make an address with baseUrl`,
            {
              errors: [{ path: [field], field, message: 'does not make an address with baseUrl' }],
            },
          );
        }
      };
      const pattern = body.urlPattern ?? '/{slug}';
      const url =
        pattern.includes('{slug}') && !paper.slug
          ? undefined
          : absolute(
              pattern
                .replace('{slug}', encodeURIComponent(paper.slug ?? ''))
                .replace('{documentId}', target.documentId),
              'urlPattern',
            );
      const published = (await strapi.documents(target.uid as never).findOne({
        documentId: target.documentId,
        ...(target.locale ? { locale: target.locale } : {}),
        status: 'published',
        fields: ['publishedAt'],
      } as never)) as { publishedAt?: string } | null;
      const creator = read.createdBy as { firstname?: string; lastname?: string } | undefined;
      const source = {
        title: paper.title ?? undefined,
        description: paper.metaDescription ?? undefined,
        url,
        image: absolute(paper.images?.find((image) => image.src)?.src, 'baseUrl'),
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
    async altText(subject: Subject, userId: number) {
      const read = await readOf(subject);
      const files = [...filesIn(read.entry).values()];
      const missing = files
        .filter((file) => !file.alternativeText?.trim())
        .slice(0, ALT_TEXT_LIMIT);
      if (!missing.length) return { images: [], withAlt: files.length };
      const ai = getService(strapi, 'ai');
      await ai.ensureCanCall(userId);
      const client = await ai.client();
      /** One image's failure (its model call, the quota reached mid-way) is that image's alone. */
      const describeOrSay = async (file: UploadFile): Promise<AltTextSuggestion> => {
        try {
          return await describe(file);
        } catch (error) {
          return {
            fileId: file.id,
            name: file.name ?? '',
            url: file.url,
            suggestion: null,
            error: reportFailure(strapi, error, `alt text of file ${file.id}`),
          };
        }
      };
      const context =
        [read.paper.title, read.paper.metaDescription].filter(Boolean).join(' — ') || 'untitled';
      const describe = async (file: UploadFile): Promise<AltTextSuggestion> => {
        const base = { fileId: file.id, name: file.name ?? '', url: file.url };
        const bytes = await bytesOf(file);
        if ('error' in bytes) return { ...base, suggestion: null, error: bytes.error };
        await ai.ensureCanCall(userId);
        const result = await client.generateObject(
          objectRequest({
            messages: altPrompt(file, bytes.data, context),
            schema: altText,
            schemaName: 'alt_text',
            check: (output) => atMostChars('alt', output.alt, ALT_TEXT_MAX),
          }),
          { feature: 'seo', userId },
        );
        return { ...base, suggestion: result.object.alt.trim(), error: null };
      };
      const images: AltTextSuggestion[] = [];
      for (let i = 0; i < missing.length; i += ALT_TEXT_PARALLEL) {
        images.push(
          ...(await Promise.all(missing.slice(i, i + ALT_TEXT_PARALLEL).map(describeOrSay))),
        );
      }
      return { images, withAlt: files.length - missing.length };
    },
  };
};

export default seoToolsService;
export type SeoToolsService = ReturnType<typeof seoToolsService>;
