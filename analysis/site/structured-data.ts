import { SCHEMA_TYPES, validateJsonLd, type SchemaType } from '../seo/tools/structured-data';
import type { JsonLdBlock } from './research';

type Node = Record<string, unknown>;

/** Types Google documents with the same rules as one the validator knows. */
const SAME_RULES: Record<string, SchemaType> = { NewsArticle: 'Article', BlogPosting: 'Article' };

const isNode = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The top-level nodes of a block: itself, the items of an array, or those of its `@graph`. */
const nodesOf = (json: unknown): Node[] => {
  if (Array.isArray(json)) return json.flatMap(nodesOf);
  if (!isNode(json)) return [];
  return Array.isArray(json['@graph']) ? json['@graph'].flatMap(nodesOf) : [json];
};

const typesOf = (node: Node) =>
  (Array.isArray(node['@type']) ? node['@type'] : [node['@type']]).filter(
    (type): type is string => typeof type === 'string',
  );

/** The type whose rules apply: the first one the validator knows, under its documented name. */
const ruledType = (node: Node) =>
  typesOf(node)
    .map((type) => SAME_RULES[type] ?? type)
    .find((type): type is SchemaType => (SCHEMA_TYPES as readonly string[]).includes(type));

/**
 * A page's JSON-LD as the structured-data check reports it: the types found, and each problem
 * (a block that does not parse, a missing required or recommended property) in a line.
 */
export const describeJsonLd = (blocks: readonly JsonLdBlock[]) => {
  const problems: string[] = [];
  const recommended: string[] = [];
  const types = new Set<string>();
  blocks.forEach((block, i) => {
    const name = `Block ${i + 1}`;
    if (block.error !== undefined) {
      problems.push(`${name} is not valid JSON: ${block.error}`);
      return;
    }
    const nodes = nodesOf(block.json);
    if (!nodes.length) problems.push(`${name} holds no JSON-LD object.`);
    for (const node of nodes) {
      typesOf(node).forEach((type) => types.add(type));
      const type = ruledType(node);
      if (!type) continue;
      for (const issue of validateJsonLd({ ...node, '@type': type })) {
        const line = `${name}, ${typesOf(node).join('/')}${issue.path ? ` (${issue.path})` : ''}: ${issue.message}`;
        (issue.severity === 'error' ? problems : recommended).push(line);
      }
    }
  });
  return {
    types: [...types],
    problems: [...problems, ...recommended],
    errors: problems.length,
    warnings: recommended.length,
  };
};
