import { Box, Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { SEVERITIES, type SiteAuditSummary } from '../../../contracts/site-audits';
import { msg } from '../../utils/translations';
import { scoreTone } from './issues';

const COUNT_COLOUR = { error: 'danger600', warning: 'warning600', notice: 'neutral600' } as const;

/** The score out of 100, coloured by its band, and how many issues of each severity. */
export const AuditScore = ({ audit }: { audit: SiteAuditSummary }) => {
  const { formatMessage } = useIntl();
  const { score, issueCounts } = audit;
  return (
    <Flex gap={8} wrap="wrap" alignItems="center">
      <Flex direction="column" alignItems="flex-start">
        <Typography variant="sigma" textColor="neutral600">
          {formatMessage(msg('site.score.label'))}
        </Typography>
        {score === null ? (
          <Typography variant="alpha" textColor="neutral600">
            {formatMessage(msg('site.score.none'))}
          </Typography>
        ) : (
          <Flex gap={1} alignItems="baseline">
            <Typography
              textColor={`${scoreTone(score)}600`}
              fontWeight="bold"
              style={{ fontSize: '4.8rem', lineHeight: 1 }}
            >
              {score}
            </Typography>
            <Typography variant="delta" textColor="neutral600">
              / 100
            </Typography>
          </Flex>
        )}
        {audit.scope === 'site' ? (
          <Typography variant="pi" textColor="neutral600">
            {formatMessage(msg('site.score.pages'), { count: audit.pagesDone })}
          </Typography>
        ) : null}
      </Flex>
      {issueCounts ? (
        <Flex tag="ul" gap={6} aria-label={formatMessage(msg('site.score.counts'))}>
          {SEVERITIES.map((severity) => (
            <Box key={severity} tag="li">
              <Typography variant="alpha" textColor={COUNT_COLOUR[severity]} tag="p">
                {issueCounts[severity]}
              </Typography>
              <Typography variant="pi" textColor="neutral600">
                {formatMessage(msg(`site.count.${severity}`), { count: issueCounts[severity] })}
              </Typography>
            </Box>
          ))}
        </Flex>
      ) : null}
    </Flex>
  );
};
