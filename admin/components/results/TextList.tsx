import { Flex, Typography } from '@strapi/design-system';
import { CharCount } from './CharCount';

interface TextListProps {
  items: readonly string[];
  /** Counts each item against this many characters. */
  max?: number;
}

/** Alternatives to choose from (subject lines, video titles), each with its length. */
export const TextList = ({ items, max }: TextListProps) => (
  <Flex tag="ol" direction="column" alignItems="stretch" gap={2}>
    {items.map((item, i) => (
      <Flex tag="li" key={i} justifyContent="space-between" gap={4}>
        <Typography>{item}</Typography>
        {max ? <CharCount text={item} max={max} /> : null}
      </Flex>
    ))}
  </Flex>
);
