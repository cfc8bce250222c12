import { Box, Field, SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { MAX_PAGE_SIZE } from '../../../contracts/jobs';
import type { SiteAuditSummary } from '../../../contracts/site-audits';
import { siteAuditComparePath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { comparePair } from './compare';
import { useSiteAuditList } from './useSiteAudits';

/** The site's other finished audits of the same scope, the newest first; one opens the comparison. */
export const CompareSelect = ({ audit }: { audit: SiteAuditSummary }) => {
  const { formatMessage, formatDate } = useIntl();
  const navigate = useNavigate();
  const candidates = useSiteAuditList({
    host: audit.host,
    scope: audit.scope,
    status: 'succeeded',
    page: 1,
    pageSize: MAX_PAGE_SIZE,
  });
  // A placeholder is the list of the audit shown before, of another site perhaps.
  const others = candidates.isPlaceholderData
    ? []
    : (candidates.data?.data ?? []).filter((other) => other.documentId !== audit.documentId);
  return (
    <Box minWidth="280px">
      <Field.Root name="compare-with" id="site-audit-compare-with">
        <Field.Label>{formatMessage(msg('site.compare.with'))}</Field.Label>
        <SingleSelect
          value=""
          placeholder={formatMessage(
            msg(
              candidates.isLoading || candidates.isPlaceholderData
                ? 'site.loading'
                : others.length
                  ? 'site.compare.choose'
                  : 'site.compare.none',
            ),
          )}
          disabled={!others.length}
          onChange={(value: string | number) => {
            const other = others.find((candidate) => candidate.documentId === String(value));
            if (other) navigate(siteAuditComparePath(...comparePair(audit, other)));
          }}
        >
          {others.map((other) => (
            <SingleSelectOption key={other.documentId} value={other.documentId}>
              {formatMessage(msg('site.compare.option'), {
                date: formatDate(other.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
                score: other.score ?? '—',
              })}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};
