/** One entry of an HTTP `Link` header (RFC 8288): its target and lower-cased parameters. */
export interface HeaderLink {
  href: string;
  params: Record<string, string>;
}

const ENTRY = /<([^>]*)>((?:\s*;\s*[^;,]+)*)/g;
const PARAM = /;\s*([\w*-]+)\s*=\s*(?:"([^"]*)"|([^\s;,]+))/g;

/** `<https://example.com/de>; rel="alternate"; hreflang="de", <…>; rel=canonical`. */
export const parseLinkHeader = (header: string | undefined): HeaderLink[] =>
  [...(header ?? '').matchAll(ENTRY)].map(([, href, rest]) => ({
    href: href!.trim(),
    params: Object.fromEntries(
      [...(rest ?? '').matchAll(PARAM)].map(([, name, quoted, bare]) => [
        name!.toLowerCase(),
        (quoted ?? bare ?? '').trim(),
      ]),
    ),
  }));
