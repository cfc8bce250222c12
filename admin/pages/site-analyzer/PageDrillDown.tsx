import { Button, Flex, Grid, Link, Modal, Typography } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import type { AuditPageRow } from '../../../contracts/site-audits';
import { msg, type TranslationKey } from '../../utils/translations';
import { IssueItem } from './IssueItem';
import { groupIssues, issueOfResult } from './issues';

const Fact = ({ label, children }: { label: TranslationKey; children: ReactNode }) => {
  const { formatMessage } = useIntl();
  return (
    <Grid.Item col={6} s={12} direction="column" alignItems="flex-start">
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage(msg(label))}
      </Typography>
      <Typography style={{ wordBreak: 'break-all' }}>{children}</Typography>
    </Grid.Item>
  );
};

/** One crawled page: how it answered and the checks it failed, worst first. */
export const PageDrillDown = ({
  page,
  onClose,
}: {
  page: AuditPageRow | undefined;
  onClose: () => void;
}) => {
  const { formatMessage } = useIntl();
  const issues = page
    ? groupIssues(page.checks.map(issueOfResult)).flatMap((entry) => entry.issues)
    : [];
  return (
    <Modal.Root open={Boolean(page)} onOpenChange={(open) => (open ? undefined : onClose())}>
      {page ? (
        <Modal.Content>
          <Modal.Header>
            <Modal.Title>{formatMessage(msg('site.page.title'))}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={5}>
              <Link href={page.url} isExternal style={{ wordBreak: 'break-all' }}>
                {page.url}
              </Link>
              <Grid.Root gap={4}>
                <Fact label="site.pages.column.statusCode">
                  {page.statusCode ?? formatMessage(msg('site.pages.noResponse'))}
                </Fact>
                <Fact label="site.pages.column.score">{page.score ?? '—'}</Fact>
                <Fact label="site.page.depth">{page.depth}</Fact>
                <Fact label="site.page.pageTitle">{page.title ?? '—'}</Fact>
                {page.finalUrl && page.finalUrl !== page.url ? (
                  <Fact label="site.page.finalUrl">{page.finalUrl}</Fact>
                ) : null}
                {page.blockedByRobots ? (
                  <Fact label="site.page.robots">{formatMessage(msg('site.page.blocked'))}</Fact>
                ) : null}
                {page.error ? <Fact label="site.page.error">{page.error}</Fact> : null}
              </Grid.Root>
              <Typography variant="delta" tag="h3">
                {formatMessage(msg('site.page.failed'), { count: issues.length })}
              </Typography>
              {issues.length ? (
                <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
                  {issues.map((issue) => (
                    <IssueItem key={issue.id} issue={issue} />
                  ))}
                </Flex>
              ) : (
                <Typography textColor="success600">
                  {formatMessage(msg('site.page.allPassed'))}
                </Typography>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{formatMessage(msg('site.close'))}</Button>
            </Modal.Close>
          </Modal.Footer>
        </Modal.Content>
      ) : null}
    </Modal.Root>
  );
};
