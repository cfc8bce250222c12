import {
  cutToWidth,
  descriptionWidth,
  DESCRIPTION_MAX_PX,
  titleWidth,
  TITLE_MAX_PX,
} from '../../seo/pixel-width';
import { linkTextKey, vagueLinkTexts } from '../link-texts';
import { normalizeUrl } from '../normalize-url';
import type { Anchor } from '../research';
import { describeJsonLd } from '../structured-data';
import { fail, inGroup, pass, plural } from './check';

export const TITLE_MIN_CHARS = 10;
export const DESCRIPTION_MIN_CHARS = 70;

const lengthOf = (text: string) => [...text].length;

const isFullUrl = (text: string) => {
  try {
    return /^https?:$/.test(new URL(text).protocol);
  } catch {
    return false;
  }
};

/** Attributes that only make sense with an href: an `<a>` with one of them lost its href. */
const HREF_ATTRIBUTES = ['target', 'download', 'ping', 'rel', 'hreflang', 'type', 'referrerpolicy'];

/** Lighthouse's `crawlable-anchors`, except that any `javascript:` href fails, not only void(0). */
const isUncrawlable = ({ el, href }: Anchor, base: string) => {
  const attributes = el.attribs;
  if (attributes.role?.trim()) return false;
  const raw = (href ?? '').replace(/\s/g, '');
  if (raw.startsWith('mailto:')) return false;
  if (raw === '' && attributes.id) return false;
  if (raw.startsWith('file:')) return true;
  if (attributes.name?.trim()) return false;
  if (href === undefined)
    // A placeholder for the current page or step is fine, as long as it is only that.
    return !(
      ['page', 'location'].includes(attributes['aria-current'] ?? '') &&
      !HREF_ATTRIBUTES.some((name) => name in attributes)
    );
  if (/^javascript:/i.test(raw)) return true;
  try {
    new URL(raw, base);
    return false;
  } catch {
    return true;
  }
};

/** An element as a report names it: its tag and attributes, and the start of its text. */
const describeAnchor = ({ el, text }: Anchor) => {
  const attributes = Object.entries(el.attribs)
    .map(([name, value]) => ` ${name}="${value}"`)
    .join('');
  return `<a${attributes}>${text.slice(0, 60)}</a>`;
};

const OPEN_GRAPH = ['og:title', 'og:description', 'og:image', 'og:url'];
const ADDRESSES = ['og:image', 'og:url'];
const CARDS = new Set(['summary', 'summary_large_image', 'app', 'player']);

const isAbsolute = (href: string) => {
  try {
    new URL(href);
    return true;
  } catch {
    return false;
  }
};

const TITLE_FIX =
  'Write a <title> of 30 to 60 characters that says what the page offers: it is the headline of the search result.';

export const onPageChecks = inGroup('on-page', [
  {
    id: 'document-title',
    lighthouse: 'document-title',
    severity: 'error',
    run(get) {
      const titles = get('titles');
      const title = titles[0];
      if (!title)
        return fail(
          titles.length ? 'The <title> is empty.' : 'The page has no <title>.',
          TITLE_FIX,
        );
      if (titles.length > 1)
        return fail(
          `The page has ${titles.length} <title> elements.`,
          'Keep one <title>: search engines pick either.',
          { items: titles, severity: 'warning' },
        );
      const chars = lengthOf(title);
      if (chars < TITLE_MIN_CHARS)
        return fail(`The title "${title}" has only ${plural(chars, 'character')}.`, TITLE_FIX, {
          severity: 'warning',
        });
      const width = titleWidth(title);
      if (width > TITLE_MAX_PX)
        return fail(
          `The title is ${width} px wide (${chars} characters): search results cut it after ${TITLE_MAX_PX} px.`,
          'Shorten it and put the words that matter first.',
          { items: [cutToWidth(title, TITLE_MAX_PX, titleWidth)], severity: 'warning' },
        );
      return pass(`The title "${title}" is ${width} px wide (${chars} characters): it fits.`);
    },
  },
  {
    id: 'meta-description',
    lighthouse: 'meta-description',
    severity: 'warning',
    run(get) {
      const all = get('metas').get('description') ?? [];
      const description = get('description');
      if (!description)
        return fail(
          all.length ? 'The meta description is empty.' : 'The page has no meta description.',
          'Write one or two sentences on what the page offers: otherwise search engines pick a passage for the snippet.',
        );
      if (all.length > 1)
        return fail(`The page has ${all.length} meta descriptions.`, 'Keep one meta description.', {
          items: all,
          severity: 'notice',
        });
      const chars = lengthOf(description);
      const width = descriptionWidth(description);
      if (width > DESCRIPTION_MAX_PX)
        return fail(
          `The meta description is ${width} px wide (${chars} characters): search results cut it after ${DESCRIPTION_MAX_PX} px.`,
          'Shorten it to about 150 characters, with the point first.',
          {
            items: [cutToWidth(description, DESCRIPTION_MAX_PX, descriptionWidth)],
            severity: 'notice',
          },
        );
      if (chars < DESCRIPTION_MIN_CHARS)
        return fail(
          `The meta description has only ${plural(chars, 'character')}.`,
          'Say more: about 120 to 150 characters fill the snippet.',
          { severity: 'notice' },
        );
      return pass(`The meta description is ${width} px wide (${chars} characters): it fits.`);
    },
  },
  {
    id: 'h1',
    severity: 'warning',
    run(get) {
      const h1s = get('headings').filter((heading) => heading.level === 1);
      if (!h1s.length || !h1s.some((heading) => heading.text))
        return fail(
          h1s.length ? 'The H1 is empty.' : 'The page has no H1.',
          'Give the page one H1 that names its topic.',
        );
      return h1s.length > 1
        ? fail(
            `The page has ${h1s.length} H1 headings.`,
            "Keep one H1 for the page's topic and make the others H2.",
            { items: h1s.map((heading) => heading.text), severity: 'notice' },
          )
        : pass(`One H1: "${h1s[0]!.text}".`);
    },
  },
  {
    id: 'heading-order',
    severity: 'notice',
    run(get) {
      const headings = get('headings');
      const skips: string[] = [];
      headings.forEach((heading, i) => {
        const previous = headings[i - 1];
        if (previous && heading.level > previous.level + 1)
          skips.push(`H${previous.level} → H${heading.level} "${heading.text}"`);
      });
      return skips.length
        ? fail(
            `Skipped heading levels: ${skips.length}.`,
            'Go down one level at a time (H2, then H3): the outline is how readers and crawlers see the structure.',
            { items: skips },
          )
        : pass(`${plural(headings.length, 'heading')}, in order.`);
    },
  },
  {
    id: 'image-alt',
    lighthouse: 'image-alt',
    severity: 'warning',
    run(get) {
      const images = get('dom').byTag('img');
      // As axe: decorative images (role none or presentation) and labelled ones need no alt.
      const missing = images
        .map(({ el }) => el.attribs)
        .filter(
          (attributes) =>
            attributes.alt === undefined &&
            !['none', 'presentation'].includes(attributes.role?.trim() ?? '') &&
            !attributes['aria-label']?.trim() &&
            !attributes['aria-labelledby']?.trim(),
        )
        .map((attributes) => attributes.src ?? '<img> without src');
      return missing.length
        ? fail(
            `Images without an alt attribute: ${missing.length} of ${images.length}.`,
            'Describe each image in its alt attribute; give decorative ones alt="".',
            { items: missing },
          )
        : pass(
            images.length
              ? `Every image has an alt attribute (${images.length}).`
              : 'The page has no images.',
          );
    },
  },
  {
    id: 'link-text',
    lighthouse: 'link-text',
    severity: 'warning',
    run(get, { page }) {
      const vague = vagueLinkTexts(get('lang'));
      const own = normalizeUrl(page.finalUrl);
      // As Lighthouse: nofollow links, script and mail links and links within the page are left out.
      const failing = get('anchors').filter(
        (anchor) =>
          anchor.target !== null &&
          anchor.target !== own &&
          !anchor.rel.includes('nofollow') &&
          anchor.text !== '' &&
          (isFullUrl(anchor.text) || vague.has(linkTextKey(anchor.text))),
      );
      return failing.length
        ? fail(
            `Links whose text says nothing about where they lead: ${failing.length}.`,
            'Name the destination in the link text ("our pricing plans", not "click here").',
            { items: failing.map((anchor) => `"${anchor.text}" → ${anchor.target}`) },
          )
        : pass('Every link text describes its destination.');
    },
  },
  {
    id: 'crawlable-anchors',
    lighthouse: 'crawlable-anchors',
    severity: 'warning',
    run(get) {
      const base = get('base');
      const failing = get('anchors').filter((anchor) => isUncrawlable(anchor, base));
      return failing.length
        ? fail(
            `Links a crawler cannot follow: ${failing.length}.`,
            'Give each link a real address in href; use a <button> for actions that run a script.',
            { items: failing.map(describeAnchor) },
          )
        : pass('Every link has an address a crawler can follow.');
    },
  },
  {
    id: 'links',
    severity: 'notice',
    run(get) {
      const links = get('links');
      const internal = links.filter((link) => link.internal);
      const followed = internal.filter((link) => !link.nofollow);
      const nofollow = links.filter((link) => link.nofollow).length;
      const found = `${plural(internal.length, 'internal link')} and ${plural(links.length - internal.length, 'external link')} (${nofollow} nofollow).`;
      return followed.length
        ? pass(found)
        : fail(
            found,
            'Link to related pages of the site: crawlers find pages, and readers move on, through links.',
          );
    },
  },
  {
    id: 'open-graph',
    severity: 'notice',
    run(get) {
      const metas = get('metas');
      const missing = OPEN_GRAPH.filter((property) => !metas.get(property)?.[0]);
      const relative = ADDRESSES.filter((property) => {
        const value = metas.get(property)?.[0];
        return value && !isAbsolute(value);
      });
      const problems = [
        ...missing.map((property) => `${property} is missing`),
        ...relative.map((property) => `${property} is not a full address`),
      ];
      return problems.length
        ? fail(
            `The OpenGraph tags are incomplete: ${problems.join(', ')}.`,
            'Add og:title, og:description, og:image and og:url (full addresses): shares on social networks and chat apps show them.',
            { items: problems },
          )
        : pass('og:title, og:description, og:image and og:url are set.');
    },
  },
  {
    id: 'twitter-card',
    severity: 'notice',
    run(get) {
      const card = get('metas').get('twitter:card')?.[0];
      if (!card)
        return fail(
          'The page has no twitter:card tag.',
          'Add <meta name="twitter:card" content="summary_large_image">; the other fields fall back to OpenGraph.',
        );
      return CARDS.has(card)
        ? pass(`The Twitter card is "${card}".`)
        : fail(
            `The Twitter card "${card}" is not a card type.`,
            'Use summary, summary_large_image, app or player.',
          );
    },
  },
  {
    id: 'structured-data',
    lighthouse: 'structured-data',
    severity: 'warning',
    run(get) {
      const blocks = get('jsonLd');
      if (!blocks.length) return pass('The page has no JSON-LD structured data.');
      const { types, problems, errors, warnings } = describeJsonLd(blocks);
      const found = `${plural(blocks.length, 'JSON-LD block')} (${types.join(', ') || 'no @type'}): ${plural(errors, 'error')}, ${plural(warnings, 'missing recommended property', 'missing recommended properties')}.`;
      return errors
        ? fail(
            found,
            "Fix the JSON syntax and add each type's required properties (Google's structured data documentation lists them).",
            { items: problems },
          )
        : pass(found, problems);
    },
  },
]);
