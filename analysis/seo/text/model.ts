/**
 * The one text model every format becomes: blocks (headings and paragraphs) in reading order,
 * links with their anchor texts, images with their alt texts. HTML, markdown and Strapi blocks
 * all drive the same builder, so the same text gives the same model whatever it was written in.
 */

export interface TextBlock {
  kind: 'heading' | 'paragraph';
  /** 1–6 for headings, 0 for paragraphs. */
  level: number;
  text: string;
}

export interface TextLink {
  href: string;
  text: string;
  nofollow: boolean;
}

export interface TextImage {
  src: string;
  alt: string;
}

export interface TextModel {
  blocks: TextBlock[];
  links: TextLink[];
  images: TextImage[];
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

export const createModelBuilder = () => {
  const model: TextModel = { blocks: [], links: [], images: [] };
  let block: { kind: TextBlock['kind']; level: number; parts: string[] } | undefined;
  let link: { href: string; nofollow: boolean; parts: string[] } | undefined;

  const endBlock = () => {
    if (!block) return;
    const text = squeeze(block.parts.join(''));
    if (text) model.blocks.push({ kind: block.kind, level: block.level, text });
    block = undefined;
  };

  return {
    startBlock(kind: TextBlock['kind'], level = 0) {
      endBlock();
      block = { kind, level, parts: [] };
    },
    endBlock,
    text(text: string) {
      if (!text) return;
      // Text outside any block (loose text, a list item's tail after a nested list) is a paragraph.
      if (!block) {
        if (!text.trim()) return;
        block = { kind: 'paragraph', level: 0, parts: [] };
      }
      block.parts.push(text);
      link?.parts.push(text);
    },
    startLink(href: string, rel = '') {
      link = { href, nofollow: /\bnofollow\b/i.test(rel), parts: [] };
    },
    endLink() {
      if (!link) return;
      model.links.push({
        href: link.href,
        text: squeeze(link.parts.join('')),
        nofollow: link.nofollow,
      });
      link = undefined;
    },
    image(src: string, alt: string) {
      model.images.push({ src, alt: squeeze(alt) });
    },
    done(): TextModel {
      this.endLink();
      endBlock();
      return model;
    },
  };
};

export type ModelBuilder = ReturnType<typeof createModelBuilder>;
