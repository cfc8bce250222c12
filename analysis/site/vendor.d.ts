// The root tsconfig resolves packages the Node 10 way, which ignores cheerio's `exports` map and so
// cannot see `cheerio/slim`; its `load` has the main entry's types (only the parser differs).
declare module 'cheerio/slim' {
  export { load } from 'cheerio';
  export type { Cheerio, CheerioAPI } from 'cheerio';
}
