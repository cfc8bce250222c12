import { createModelBuilder, type ModelBuilder, type TextModel } from './model';

/** A node of Strapi's blocks editor, as far as the text model needs it. */
interface BlockNode {
  type?: string;
  text?: string;
  level?: number;
  url?: string;
  image?: { url?: string; alternativeText?: string | null };
  children?: BlockNode[];
}

const inline = (builder: ModelBuilder, nodes: BlockNode[] | undefined) => {
  for (const node of nodes ?? []) {
    if (node.type === 'link') {
      builder.startLink(node.url ?? '');
      inline(builder, node.children);
      builder.endLink();
    } else if (typeof node.text === 'string') builder.text(node.text);
    else inline(builder, node.children);
  }
};

const block = (builder: ModelBuilder, node: BlockNode) => {
  switch (node.type) {
    case 'heading':
      builder.startBlock('heading', Math.min(6, Math.max(1, node.level ?? 2)));
      inline(builder, node.children);
      builder.endBlock();
      return;
    case 'list':
      builder.endBlock();
      for (const item of node.children ?? []) block(builder, item);
      return;
    case 'list-item':
      builder.startBlock('paragraph');
      for (const child of node.children ?? []) {
        // A nested list ends the item's own text and is walked as blocks.
        if (child.type === 'list') block(builder, child);
        else inline(builder, [child]);
      }
      builder.endBlock();
      return;
    case 'image':
      builder.endBlock();
      builder.image(node.image?.url ?? '', node.image?.alternativeText ?? '');
      return;
    default:
      // paragraph, quote, code, and kinds added later: their text is a paragraph.
      builder.startBlock('paragraph');
      inline(builder, node.children);
      builder.endBlock();
  }
};

export const blocksToModel = (nodes: unknown[]): TextModel => {
  const builder = createModelBuilder();
  for (const node of nodes) if (node && typeof node === 'object') block(builder, node as BlockNode);
  return builder.done();
};
