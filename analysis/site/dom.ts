import { load, type Cheerio, type CheerioAPI } from 'cheerio/slim';

/** The parser's node types, named through cheerio (which bundles its own domhandler). */
type DomDocument = ReturnType<CheerioAPI['root']> extends Cheerio<infer T> ? T : never;
type DomNode = DomDocument['children'][number];
export type Element = Extract<DomNode, { attribs: Record<string, string> }>;

export interface Located {
  el: Element;
  /** Inside `<body>`: a `<link rel="canonical">` there is no canonical, a script is not in the head. */
  inBody: boolean;
  /** Its place in document order, to merge the lists of several tag names. */
  order: number;
}

/** One parsed page, indexed in a single walk so that no check walks the tree again. */
export interface PageDom {
  /** The elements with this (lower-case) tag name, in document order. */
  byTag(name: string): readonly Located[];
  /** Characters of the text a reader sees, white space collapsed. */
  textChars: number;
}

/**
 * Subtrees a crawler does not read as the page's own elements: `<noscript>` is text once scripts
 * run, a `<template>` is inert, and SVG and MathML have titles and links of their own.
 */
const SKIPPED = new Set(['noscript', 'template', 'svg', 'math']);
/** Elements whose content is code, not text. */
const CODE = new Set(['script', 'style']);

const visibleChars = (text: string) => text.replace(/\s+/g, ' ').trim().length;

export const parseHtml = (html: string): PageDom => {
  // Source positions let the SEO engine read the main content as written, without serialising.
  // Cheerio takes htmlparser2's own options under `xml`; `xmlMode: false` keeps HTML parsing.
  const root = load(html, {
    xml: { xmlMode: false, withStartIndices: true, withEndIndices: true },
  }).root()[0]!;
  const index = new Map<string, Located[]>();
  let textChars = 0;
  let order = 0;
  // A stack, not recursion: a hostile page may nest elements deeper than the call stack goes.
  const stack: { node: DomNode; inHead: boolean; inBody: boolean }[] = [];
  const push = (nodes: DomNode[], inHead: boolean, inBody: boolean) => {
    for (let i = nodes.length - 1; i >= 0; i -= 1) stack.push({ node: nodes[i]!, inHead, inBody });
  };
  push(root.children, false, false);
  while (stack.length) {
    const { node, inHead, inBody } = stack.pop()!;
    if (node.nodeType === 3) {
      if (!inHead) textChars += visibleChars(node.data);
      continue;
    }
    if (!('attribs' in node) || SKIPPED.has(node.name)) continue;
    const located = { el: node, inBody, order: (order += 1) };
    const list = index.get(node.name);
    if (list) list.push(located);
    else index.set(node.name, [located]);
    if (!CODE.has(node.name))
      push(node.children, inHead || node.name === 'head', inBody || node.name === 'body');
  }
  return { byTag: (name) => index.get(name) ?? [], textChars };
};

/** The text inside an element, white space collapsed, without scripts and styles. */
export const textOf = (el: Element) => {
  const parts: string[] = [];
  const stack: DomNode[] = [...el.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeType === 3) parts.push(node.data);
    // CDATA sections (in XML) hold their text as children too.
    else if ('children' in node && !('attribs' in node && CODE.has(node.name)))
      for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
};

/** The markup of an element, as the page wrote it. */
export const sourceOf = (el: Element, html: string) =>
  html.slice(el.startIndex ?? 0, (el.endIndex ?? html.length - 1) + 1);

/** The raw text of an element (a script's code), as written. */
export const rawTextOf = (el: Element) =>
  el.children.map((node) => (node.nodeType === 3 ? node.data : '')).join('');

/** Space-separated tokens of an attribute, lower-cased: `rel`, `class`. */
export const tokensOf = (value: string | undefined) =>
  value ? value.toLowerCase().split(/\s+/).filter(Boolean) : [];

/** Every element of an XML document, in document order. */
export function* xmlElements(xml: string): Generator<Element> {
  const stack: DomNode[] = [...load(xml, { xml: true }).root()[0]!.children].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!('attribs' in node)) continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i]!);
  }
}
