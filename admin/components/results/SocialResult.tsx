import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { NETWORK_LIMITS, withHashtags } from '../../../writers/social';
import { useOptionText } from '../../hooks/useOptionText';
import type { SocialOutput } from '../../utils/outputs';
import { msg } from '../../utils/translations';
import { CharCount } from './CharCount';
import { TagList } from './TagList';

type Variant = SocialOutput['posts'][number]['variants'][number];

/**
 * One variant: a post, or a thread's posts in order. The last post carries the hashtags, and
 * they count towards its length as the network counts them.
 */
const VariantCard = ({
  variant,
  index,
  maxChars,
}: {
  variant: Variant;
  index: number;
  maxChars: number;
}) => {
  const { formatMessage } = useIntl();
  const { parts, hashtags } = variant;
  return (
    <Box tag="li" background="neutral100" hasRadius padding={4}>
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage(msg('result.variant'), { index: index + 1 })}
        </Typography>
        {parts.map((part, i) => (
          <Flex key={i} direction="column" alignItems="stretch" gap={1}>
            {parts.length > 1 ? (
              <Typography variant="pi" textColor="neutral600">
                {formatMessage(msg('result.part'), { index: i + 1, count: parts.length })}
              </Typography>
            ) : null}
            <Typography style={{ whiteSpace: 'pre-wrap' }}>{part}</Typography>
            <CharCount
              text={i === parts.length - 1 ? withHashtags(part, hashtags) : part}
              max={maxChars}
            />
          </Flex>
        ))}
        {hashtags.length ? <TagList tags={hashtags} prefix="#" /> : null}
      </Flex>
    </Box>
  );
};

export const SocialResult = ({ output }: { output: SocialOutput }) => {
  const text = useOptionText();
  return (
    <Flex direction="column" alignItems="stretch" gap={6}>
      {output.posts.map((post) => (
        <Flex key={post.network} tag="section" direction="column" alignItems="stretch" gap={3}>
          <Typography variant="delta" tag="h3">
            {text.value(post.network)}
          </Typography>
          <Flex tag="ol" direction="column" alignItems="stretch" gap={3}>
            {post.variants.map((variant, i) => (
              <VariantCard
                key={i}
                variant={variant}
                index={i}
                maxChars={NETWORK_LIMITS[post.network].maxChars}
              />
            ))}
          </Flex>
        </Flex>
      ))}
    </Flex>
  );
};
