import { normalizeUrl, sameSite } from './normalize-url';

/**
 * The crawl's to-do list: breadth first from the start, same site only, within the depth and
 * page limits, every address normalised so none is visited twice. Pages finished in an earlier
 * run are marked done first (their links feed the queue again), so a resumed crawl never
 * fetches them again.
 */

export interface FrontierItem {
  /** The normalised address: what "visited" is judged by, and what is stored. */
  url: string;
  /**
   * The address as first found (fragment dropped): what is fetched, since a server may tell
   * `/blog` from `/blog/` even though they name one page here.
   */
  href: string;
  depth: number;
}

export interface FrontierLimits {
  maxPages: number;
  maxDepth: number;
}

export class Frontier {
  private readonly seen = new Set<string>();
  private readonly done = new Set<string>();
  /** One array per depth, so breadth-first order survives links found in any order. */
  private readonly levels: FrontierItem[][] = [];
  private level = 0;

  constructor(
    private readonly site: string,
    private readonly limits: FrontierLimits,
  ) {}

  /** Pages done or queued: what "found" means in the progress. */
  get found() {
    return Math.min(this.seen.size, this.limits.maxPages);
  }

  get finished() {
    return this.done.size;
  }

  /** Queues an address found at this depth; false when it is elsewhere, too deep, or known. */
  add(href: string, depth: number, base?: string): boolean {
    const url = normalizeUrl(href, base);
    if (!url || depth > this.limits.maxDepth || !sameSite(url, this.site)) return false;
    if (this.seen.has(url) || this.seen.size >= this.limits.maxPages) return false;
    this.seen.add(url);
    const found = new URL(href, base);
    found.hash = '';
    (this.levels[depth] ??= []).push({ url, href: found.href, depth });
    if (depth < this.level) this.level = depth;
    return true;
  }

  /** Records a page finished in an earlier run of this crawl. */
  markDone(url: string) {
    this.seen.add(url);
    this.done.add(url);
  }

  isDone(url: string) {
    return this.done.has(url);
  }

  /** The next page to fetch, shallowest first; null when none is left or the limit is reached. */
  next(): FrontierItem | null {
    while (this.level < this.levels.length) {
      const queue = this.levels[this.level];
      const item = queue?.shift();
      if (item) {
        if (this.done.has(item.url)) continue;
        return item;
      }
      this.level += 1;
    }
    return null;
  }

  complete(url: string) {
    this.done.add(url);
  }
}
