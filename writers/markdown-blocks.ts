/**
 * Markdown as Strapi's blocks field stores it, for content types whose body is a Blocks field.
 * Covers what the writers produce: headings, paragraphs, lists, quotes, code, bold and italic.
 */

export type TextNode = { type: 'text'; text: string; bold?: true; italic?: true; code?: true };
export type Block =
  | { type: 'paragraph'; children: TextNode[] }
  | { type: 'heading'; level: 1 | 2 | 3 | 4 | 5 | 6; children: TextNode[] }
  | { type: 'quote'; children: TextNode[] }
  | { type: 'code'; children: TextNode[] }
  | {
      type: 'list';
      format: 'ordered' | 'unordered';
      children: { type: 'list-item'; children: TextNode[] }[];
    };

const INLINE = /(\*\*[^*]+\*\*|__[^_]+__|\*[^*\s][^*]*\*|_[^_\s][^_]*_|`[^`]+`)/;

/** Bold, italic and inline code; anything else stays plain text. */
export const inlineNodes = (text: string): TextNode[] => {
  const nodes = text
    .split(INLINE)
    .filter((part) => part !== '')
    .map((part): TextNode => {
      if (/^(\*\*|__).+(\*\*|__)$/.test(part)) {
        return { type: 'text', text: part.slice(2, -2), bold: true };
      }
      if (/^`.+`$/.test(part)) return { type: 'text', text: part.slice(1, -1), code: true };
      if (/^([*_]).+\1$/.test(part)) {
        return { type: 'text', text: part.slice(1, -1), italic: true };
      }
      return { type: 'text', text: part };
    });
  // Blocks always hold at least one text node, even an empty one.
  return nodes.length ? nodes : [{ type: 'text', text: '' }];
};

const LIST_ITEM = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/;

export const markdownToBlocks = (markdown: string): Block[] => {
  const blocks: Block[] = [];
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) {
      blocks.push({ type: 'paragraph', children: inlineNodes(paragraph.join(' ')) });
    }
    paragraph = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = LIST_ITEM.exec(line);
    if (!line.trim()) {
      flush();
    } else if (line.startsWith('```')) {
      flush();
      const code: string[] = [];
      for (i += 1; i < lines.length && !lines[i]!.startsWith('```'); i += 1) code.push(lines[i]!);
      blocks.push({ type: 'code', children: [{ type: 'text', text: code.join('\n') }] });
    } else if (heading) {
      flush();
      const level = heading[1]!.length as 1 | 2 | 3 | 4 | 5 | 6;
      blocks.push({ type: 'heading', level, children: inlineNodes(heading[2]!.trim()) });
    } else if (line.startsWith('>')) {
      flush();
      blocks.push({ type: 'quote', children: inlineNodes(line.replace(/^>\s?/, '')) });
    } else if (item) {
      flush();
      const format = item[1] ? 'unordered' : 'ordered';
      const last = blocks[blocks.length - 1];
      const listItem = { type: 'list-item' as const, children: inlineNodes(item[3]!.trim()) };
      if (last?.type === 'list' && last.format === format) last.children.push(listItem);
      else blocks.push({ type: 'list', format, children: [listItem] });
    } else {
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
};
