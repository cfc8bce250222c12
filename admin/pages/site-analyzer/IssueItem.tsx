import { Badge, Box, Flex, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { msg } from '../../utils/translations';
import { AddressList } from './AddressList';
import type { Issue } from './issues';
import { SeverityBadge } from './SeverityBadge';
import { useIssueName } from './useIssueName';

/** One check: what was found, how to fix it, and where (the failing pages or the elements). */
export const IssueItem = ({ issue, action }: { issue: Issue; action?: ReactNode }) => {
  const { formatMessage } = useIntl();
  const nameOf = useIssueName();
  return (
    <Box tag="li" padding={4} hasRadius borderColor="neutral200" background="neutral0">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2} wrap="wrap" alignItems="center">
          <Typography fontWeight="bold">{nameOf(issue.id)}</Typography>
          <SeverityBadge severity={issue.severity} />
          {issue.lighthouse ? (
            <Badge title={formatMessage(msg('site.issue.lighthouse.title'))}>
              {formatMessage(msg('site.issue.lighthouse'), { id: issue.lighthouse })}
            </Badge>
          ) : null}
          {issue.pages ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(msg('site.issue.failingPages'), {
                failed: issue.pages.failed,
                total: issue.pages.failed + issue.pages.passed,
              })}
            </Typography>
          ) : null}
        </Flex>
        <Typography>{issue.found}</Typography>
        {issue.fix ? (
          <Typography variant="pi" textColor="neutral700">
            {formatMessage(msg('site.issue.fix'), { fix: issue.fix })}
          </Typography>
        ) : null}
        {issue.items?.length ? (
          <AddressList items={issue.items} label={formatMessage(msg('site.issue.items'))} />
        ) : null}
        {issue.pages?.examples.length ? (
          <AddressList
            items={issue.pages.examples}
            label={formatMessage(msg('site.issue.examples'))}
          />
        ) : null}
        {action}
      </Flex>
    </Box>
  );
};
