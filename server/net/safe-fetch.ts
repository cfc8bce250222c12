import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Agent, errors as undiciErrors, request } from 'undici';
import type { FetchedPage } from '../../analysis/site/types';
import { parseAllowList } from './address-policy';
import { decodeText } from './decode-text';
import { FetchRefusedError } from './errors';
import { guardedConnector, systemResolver, type Resolver } from './guarded-connector';

/**
 * The one way the plugin reads a URL a user gave it (a page to audit, a crawl, a writer's source,
 * a competitor page): http(s) only, no credentials, every connection's address checked as it is
 * opened, at most five redirects, timeouts, a size cap, and bodies read only when they are text.
 */

export interface FetchLimits {
  maxRedirects: number;
  connectTimeoutMs: number;
  /** From sending the request to the response's headers. */
  firstByteTimeoutMs: number;
  /** The whole fetch, redirects and body included. */
  totalTimeoutMs: number;
  /** Body bytes, on the wire and once decompressed. */
  maxBytes: number;
}

export const DEFAULT_LIMITS: FetchLimits = {
  maxRedirects: 5,
  connectTimeoutMs: 5_000,
  firstByteTimeoutMs: 10_000,
  totalTimeoutMs: 20_000,
  maxBytes: 5 * 1024 * 1024,
};

export const USER_AGENT = 'AlwrityBot/1.0 (+strapi-plugin-alwrity; site analyzer)';
/** The token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'AlwrityBot';

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const TEXT_TYPES =
  /^(text\/html|application\/xhtml\+xml|text\/xml|application\/xml|application\/[\w.+-]+\+xml|text\/plain)$/;
const GZIP_TYPES = /^application\/(x-)?gzip$/;
// What object stores (S3's `binary/octet-stream`) label a file they know nothing of.
const OCTETS = /^(application|binary)\/octet-stream$/;
const XML = 'application/xml';

export interface FetchOptions {
  signal?: AbortSignal;
  /** The Accept header: HTML by default. */
  accept?: string;
  /**
   * False answers a redirect as it is (its status and Location), for a crawl that queues the
   * target as a page of its own and so fetches each address once.
   */
  followRedirects?: boolean;
  /** A body sent as a gzip file (a `.xml.gz` sitemap) is unpacked and read as XML. */
  gzippedXml?: boolean;
}

export interface SafeFetcher {
  fetch(url: string, options?: FetchOptions): Promise<FetchedPage>;
  close(): Promise<void>;
}

/** A URL the fetcher may ask for; the reason otherwise. */
export const checkedUrl = (raw: string): URL => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchRefusedError('invalid-url', raw, 'it is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchRefusedError(
      'scheme',
      raw,
      `only http and https are fetched, not ${url.protocol}`,
    );
  }
  if (url.username || url.password) {
    throw new FetchRefusedError(
      'credentials',
      raw,
      'URLs holding a user name or password are not fetched',
    );
  }
  url.hash = '';
  return url;
};

const decompressorFor = (encoding: string) => {
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'deflate') return zlib.createInflate();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  return null;
};

const flatHeaders = (headers: Record<string, string | string[] | undefined>) => {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined)
      flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
};

const tooLarge = (url: string, maxBytes: number) =>
  new FetchRefusedError(
    'body-size',
    url,
    `its body is larger than ${maxBytes.toLocaleString('en')} bytes`,
  );

/** Reads a body within the cap, counting bytes on the wire and decompressed. */
const readBody = async (body: Readable, encoding: string, url: string, maxBytes: number) => {
  let wire = 0;
  let decoded = 0;
  const chunks: Buffer[] = [];
  const counted = async function* (source: AsyncIterable<Buffer>) {
    for await (const chunk of source) {
      wire += chunk.length;
      if (wire > maxBytes) throw tooLarge(url, maxBytes);
      yield chunk;
    }
  };
  const collect = async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) {
      decoded += chunk.length;
      if (decoded > maxBytes) throw tooLarge(url, maxBytes);
      chunks.push(chunk);
    }
  };
  const decompress = decompressorFor(encoding);
  if (decompress) await pipeline(body, counted, decompress, collect);
  else await pipeline(body, counted, collect);
  return { wire, decoded, buffer: Buffer.concat(chunks, decoded) };
};

/** Undici's and the connector's failures, as refusals naming the URL and the rule. */
const refusalOf = (error: unknown, url: string, limits: FetchLimits, deadline: AbortSignal) => {
  if (error instanceof FetchRefusedError) {
    return new FetchRefusedError(
      error.rule,
      url,
      error.message.replace(/^.*? was not fetched: /, ''),
    );
  }
  if (deadline.aborted) {
    return new FetchRefusedError('timeout', url, `it took longer than ${limits.totalTimeoutMs} ms`);
  }
  if (error instanceof undiciErrors.ConnectTimeoutError) {
    return new FetchRefusedError(
      'timeout',
      url,
      `no connection within ${limits.connectTimeoutMs} ms`,
    );
  }
  if (error instanceof undiciErrors.HeadersTimeoutError) {
    return new FetchRefusedError(
      'timeout',
      url,
      `no response within ${limits.firstByteTimeoutMs} ms`,
    );
  }
  if (error instanceof undiciErrors.BodyTimeoutError) {
    return new FetchRefusedError('timeout', url, 'its body stopped arriving');
  }
  const cause = (error as { cause?: { code?: string } })?.cause?.code;
  const code = (error as { code?: string })?.code;
  return new FetchRefusedError(
    'network',
    url,
    `the connection failed (${cause ?? code ?? (error as Error)?.message ?? error})`,
  );
};

export const createSafeFetcher = (options: {
  allowPrivateAddresses: readonly string[];
  resolve?: Resolver;
  limits?: Partial<FetchLimits>;
}): SafeFetcher => {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const agent = new Agent({
    connect: guardedConnector({
      allow: parseAllowList(options.allowPrivateAddresses),
      resolve: options.resolve ?? systemResolver,
      connectTimeoutMs: limits.connectTimeoutMs,
    }),
    headersTimeout: limits.firstByteTimeoutMs,
    bodyTimeout: limits.firstByteTimeoutMs,
  });

  return {
    async fetch(raw, fetchOptions = {}) {
      const first = checkedUrl(raw).href;
      const deadline = AbortSignal.timeout(limits.totalTimeoutMs);
      const signal = fetchOptions.signal
        ? AbortSignal.any([deadline, fetchOptions.signal])
        : deadline;
      const started = performance.now();
      const redirects: FetchedPage['redirects'] = [];
      let current = first;
      for (;;) {
        const hopStarted = performance.now();
        try {
          const response = await request(current, {
            dispatcher: agent,
            method: 'GET',
            headers: {
              'user-agent': USER_AGENT,
              accept: fetchOptions.accept ?? 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5',
              'accept-encoding': 'gzip, deflate, br',
            },
            signal,
          });
          const ttfbMs = performance.now() - hopStarted;
          const headers = flatHeaders(response.headers);
          if (
            REDIRECTS.has(response.statusCode) &&
            headers.location &&
            fetchOptions.followRedirects !== false
          ) {
            await response.body.dump();
            if (redirects.length >= limits.maxRedirects) {
              throw new FetchRefusedError(
                'redirects',
                first,
                `it redirects more than ${limits.maxRedirects} times`,
              );
            }
            const next = checkedUrl(new URL(headers.location, current).href).href;
            redirects.push({ url: current, status: response.statusCode, location: next });
            current = next;
            continue;
          }
          const contentType = headers['content-type'] ?? null;
          const mediaType = contentType?.split(';')[0]!.trim().toLowerCase() ?? '';
          let body = '';
          let bytes = Number(headers['content-length']) || 0;
          let decodedBytes = bytes;
          const encoding = (headers['content-encoding'] ?? '').trim().toLowerCase();
          // The file itself is the gzip: unpacked within the same cap as a compressed response.
          const packed =
            fetchOptions.gzippedXml === true &&
            !encoding &&
            (GZIP_TYPES.test(mediaType) ||
              (OCTETS.test(mediaType) && /\.gz$/i.test(new URL(current).pathname)));
          if (TEXT_TYPES.test(mediaType) || packed) {
            const read = await readBody(
              response.body,
              packed ? 'gzip' : encoding,
              current,
              limits.maxBytes,
            );
            bytes = read.wire;
            decodedBytes = read.decoded;
            body = packed
              ? decodeText(read.buffer, XML, XML)
              : decodeText(read.buffer, contentType, mediaType);
          } else {
            await response.body.dump();
          }
          return {
            url: first,
            finalUrl: current,
            status: response.statusCode,
            headers,
            redirects,
            timings: { ttfbMs, totalMs: performance.now() - started },
            bytes,
            decodedBytes,
            contentType,
            body,
          };
        } catch (error) {
          if (fetchOptions.signal?.aborted) throw fetchOptions.signal.reason ?? error;
          throw refusalOf(
            error,
            current === first ? first : `${current} (redirected from ${first})`,
            limits,
            deadline,
          );
        }
      }
    },
    close: () => agent.close(),
  };
};
