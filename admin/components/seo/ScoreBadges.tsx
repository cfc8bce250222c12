import { memo } from 'react';
import { Badge, Flex } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/translations';

const toneOf = (score: number) => (score >= 80 ? 'success' : score >= 50 ? 'warning' : 'danger');

/** The two scores, coloured as their band: under 50 bad, 50 to 79 ok, 80 and over good. */
// Memoised: the panel re-renders on every keystroke and re-score; the scores change less often.
export const ScoreBadges = memo(({ seo, readability }: { seo: number; readability: number }) => {
  const { formatMessage } = useIntl();
  return (
    <Flex gap={2} wrap="wrap">
      <Badge size="M" backgroundColor={`${toneOf(seo)}100`} textColor={`${toneOf(seo)}700`}>
        {formatMessage(msg('seo.score.seo'), { score: seo })}
      </Badge>
      <Badge
        size="M"
        backgroundColor={`${toneOf(readability)}100`}
        textColor={`${toneOf(readability)}700`}
      >
        {formatMessage(msg('seo.score.readability'), { score: readability })}
      </Badge>
    </Flex>
  );
});
