import type { Core } from '@strapi/strapi';
import { parseAllowList } from '../net/address-policy';
import { isFetchRefused } from '../net/errors';
import { checkedAddress, systemResolver, type Resolver } from '../net/guarded-connector';
import { readableText } from '../net/readable-text';
import { readRobots } from '../net/robots';
import {
  checkedUrl,
  createSafeFetcher,
  type FetchOptions,
  type SafeFetcher,
} from '../net/safe-fetch';
import { pluginConfig } from '../utils/plugin-config';
import { invalidField } from '../utils/validate';

/**
 * The plugin's one door to users' URLs: the site analyzer, the writers' source URLs and the
 * content gap's competitor pages all fetch through it, under the config's allow-list.
 */
const fetcherService = ({ strapi }: { strapi: Core.Strapi }) => {
  let resolver: Resolver = systemResolver;
  let fetcher: SafeFetcher | undefined;
  const allowList = () => pluginConfig(strapi).siteAnalyzer.allowPrivateAddresses;
  const current = () =>
    (fetcher ??= createSafeFetcher({
      allowPrivateAddresses: allowList(),
      resolve: (name) => resolver(name),
    }));

  return {
    fetch: (url: string, options?: FetchOptions) => current().fetch(url, options),

    robots: (origin: string, signal?: AbortSignal) => readRobots(current(), origin, signal),

    /**
     * Refuses, as a 400 on `field`, an address the fetcher would not reach, before anything is
     * queued or stored: the scheme, credentials, and where the host resolves to now.
     */
    async preflight(url: string, field: string): Promise<URL> {
      try {
        const checked = checkedUrl(url);
        await checkedAddress(checked.hostname, parseAllowList(allowList()), resolver);
        return checked;
      } catch (error) {
        throw isFetchRefused(error) ? invalidField(field, refusalText(error.message)) : error;
      }
    },

    /**
     * A page a user named as a source: a refusal, an error status or a body that is not text is
     * a 400 on `field`.
     */
    async page(url: string, field: string, signal?: AbortSignal) {
      let page;
      try {
        page = await current().fetch(url, { signal });
      } catch (error) {
        throw isFetchRefused(error) ? invalidField(field, refusalText(error.message)) : error;
      }
      if (page.status >= 400) {
        throw invalidField(field, `${page.finalUrl} answered HTTP ${page.status}`);
      }
      if (!page.body) {
        throw invalidField(
          field,
          `${page.finalUrl} is not a web page (${page.contentType ?? 'no content type'})`,
        );
      }
      return page;
    },

    /** A source page reduced to its readable text, for a prompt. */
    async readable(url: string, field: string, signal?: AbortSignal) {
      const page = await this.page(url, field, signal);
      return { url: page.finalUrl, ...readableText(page.body, page.contentType) };
    },

    /** Host name resolution for hosts with their own (and for tests). */
    useResolver(next: Resolver) {
      resolver = next;
    },

    async stop() {
      await fetcher?.close();
      fetcher = undefined;
    },
  };
};

const refusalText = (message: string) => message.replace(/^the host /, '');

export default fetcherService;
export type FetcherService = ReturnType<typeof fetcherService>;
