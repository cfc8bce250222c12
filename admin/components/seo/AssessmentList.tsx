import { Box, Flex, Typography } from '@strapi/design-system';
import { memo } from 'react';
import { useIntl } from 'react-intl';
import type { Analysis, AssessmentGroup, Rating } from '../../../analysis/seo/types';
import { msg } from '../../utils/translations';

const BULLET: Record<Rating, string> = { bad: 'danger600', ok: 'warning500', good: 'success500' };
const ORDER: Record<Rating, number> = { bad: 0, ok: 1, good: 2 };

/** One assessment; memoised, so a re-score redraws only the advice that changed. */
const AssessmentItem = memo(function AssessmentItem({
  rating,
  message,
}: {
  rating: Rating;
  message: string;
}) {
  const { formatMessage } = useIntl();
  return (
    <Flex tag="li" gap={2} alignItems="flex-start" data-rating={rating}>
      <Box
        background={BULLET[rating]}
        hasRadius
        width="1rem"
        height="1rem"
        shrink={0}
        marginTop={1}
        aria-label={formatMessage(msg(`seo.rating.${rating}`))}
        role="img"
      />
      <Typography variant="pi">{message}</Typography>
    </Flex>
  );
});

/** One group's assessments, worst first, each with its coloured bullet and advice. */
export const AssessmentList = ({
  analysis,
  group,
}: {
  analysis: Analysis;
  group: AssessmentGroup;
}) => {
  const items = analysis.assessments
    .filter((item) => item.group === group)
    .sort((a, b) => ORDER[a.rating] - ORDER[b.rating]);
  const unavailable = analysis.notAvailable.filter((item) => item.group === group);
  return (
    <Flex direction="column" alignItems="stretch" gap={2} tag="ul">
      {items.map((item) => (
        <AssessmentItem key={item.id} rating={item.rating} message={item.message} />
      ))}
      {unavailable.map((item) => (
        <Flex key={item.id} tag="li" gap={2} alignItems="flex-start">
          <Box
            background="neutral300"
            hasRadius
            width="1rem"
            height="1rem"
            shrink={0}
            marginTop={1}
          />
          <Typography variant="pi" textColor="neutral600">
            {item.message}
          </Typography>
        </Flex>
      ))}
    </Flex>
  );
};
