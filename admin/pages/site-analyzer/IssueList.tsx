import {
  Accordion,
  Box,
  Button,
  Flex,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { CheckCircle } from '@strapi/icons';
import { useMemo, useState, type ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import type { Severity } from '../../../analysis/site/types';
import { SEVERITIES, type SiteAuditDetail } from '../../../contracts/site-audits';
import { msg } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import { IssueItem } from './IssueItem';
import {
  filterIssues,
  groupIssues,
  issuesOf,
  NO_ISSUE_FILTER,
  type Issue,
  type IssueFilter,
} from './issues';
import { useIssueName } from './useIssueName';

const isSeverity = (value: string): value is Severity =>
  (SEVERITIES as readonly string[]).includes(value);

/** The checks that passed, out of the way until asked for: a page audit's reassurance. */
const PassedChecks = ({ checks }: { checks: Issue[] }) => {
  const { formatMessage } = useIntl();
  const nameOf = useIssueName();
  return (
    <Accordion.Root>
      <Accordion.Item value="passed">
        <Accordion.Header>
          <Accordion.Trigger icon={CheckCircle}>
            {formatMessage(msg('site.issues.passed'), { count: checks.length })}
          </Accordion.Trigger>
        </Accordion.Header>
        <Accordion.Content>
          <Flex tag="ul" direction="column" alignItems="stretch" gap={2} padding={4}>
            {checks.map((check) => (
              <li key={check.id}>
                <Typography fontWeight="semiBold">{nameOf(check.id)}</Typography>{' '}
                <Typography variant="pi" textColor="neutral600">
                  {check.found}
                </Typography>
              </li>
            ))}
          </Flex>
        </Accordion.Content>
      </Accordion.Item>
    </Accordion.Root>
  );
};

interface IssueListProps {
  audit: SiteAuditDetail;
  /** A crawl lists the pages failing a check in its pages table. */
  onShowPages?: (checkId: string) => void;
}

/** The failed checks by group, worst first, with a severity filter and a search. */
export const IssueList = ({ audit, onShowPages }: IssueListProps) => {
  const { formatMessage } = useIntl();
  const nameOf = useIssueName();
  const [filter, setFilter] = useState<IssueFilter>(NO_ISSUE_FILTER);
  const { failed, passed } = useMemo(() => issuesOf(audit), [audit]);
  const groups = useMemo(
    () => groupIssues(filterIssues(failed, filter, nameOf)),
    [failed, filter, nameOf],
  );

  return (
    <ToolCard
      title={formatMessage(msg('site.issues.title'))}
      subtitle={formatMessage(msg('site.issues.count'), { count: failed.length })}
      action={
        failed.length ? (
          <Flex gap={3} wrap="wrap">
            <Box width="240px">
              <Searchbar
                name="issue-search"
                value={filter.q}
                placeholder={formatMessage(msg('site.issues.search'))}
                clearLabel={formatMessage(msg('site.filter.clear'))}
                onClear={() => setFilter({ ...filter, q: '' })}
                onChange={(event: ChangeEvent<HTMLInputElement>) =>
                  setFilter({ ...filter, q: event.target.value })
                }
              >
                {formatMessage(msg('site.issues.search'))}
              </Searchbar>
            </Box>
            <Box width="180px">
              <SingleSelect
                aria-label={formatMessage(msg('site.issues.severity'))}
                placeholder={formatMessage(msg('site.issues.severity.all'))}
                value={filter.severity}
                onChange={(value: string | number) => {
                  const severity = String(value);
                  setFilter({ ...filter, severity: isSeverity(severity) ? severity : '' });
                }}
                onClear={() => setFilter({ ...filter, severity: '' })}
              >
                {SEVERITIES.map((severity) => (
                  <SingleSelectOption key={severity} value={severity}>
                    {formatMessage(msg(`site.severity.${severity}.plural`))}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          </Flex>
        ) : undefined
      }
    >
      {!failed.length ? (
        <Typography textColor="success600">{formatMessage(msg('site.issues.none'))}</Typography>
      ) : !groups.length ? (
        <Typography textColor="neutral600">{formatMessage(msg('site.issues.noMatch'))}</Typography>
      ) : (
        groups.map(({ group, issues }) => (
          <Flex key={group} direction="column" alignItems="stretch" gap={2}>
            <Typography variant="sigma" textColor="neutral600" tag="h3">
              {formatMessage(msg(`site.group.${group}`))} · {issues.length}
            </Typography>
            <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
              {issues.map((issue) => (
                <IssueItem
                  key={issue.id}
                  issue={issue}
                  action={
                    onShowPages && issue.pages ? (
                      <Box>
                        <Button variant="tertiary" size="S" onClick={() => onShowPages(issue.id)}>
                          {formatMessage(msg('site.issues.showPages'), {
                            count: issue.pages.failed,
                          })}
                        </Button>
                      </Box>
                    ) : undefined
                  }
                />
              ))}
            </Flex>
          </Flex>
        ))
      )}
      {passed.length ? <PassedChecks checks={passed} /> : null}
    </ToolCard>
  );
};
