import { Badge, Flex } from '@strapi/design-system';

/** Tags and hashtags as the small labels they become once published. */
export const TagList = ({ tags, prefix = '' }: { tags: readonly string[]; prefix?: string }) => (
  <Flex gap={1} wrap="wrap" tag="ul">
    {tags.map((tag, i) => (
      <li key={i}>
        <Badge>{`${prefix}${tag.replace(/^#/, '')}`}</Badge>
      </li>
    ))}
  </Flex>
);
