import { Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import type { SiteFinding, SiteFindingId } from '../../../analysis/site/types';
import { msg, type TranslationKey } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import { AddressList } from './AddressList';
import { SeverityBadge } from './SeverityBadge';
import { useIssueName } from './useIssueName';

/** What an item's related addresses are to it (a finding added since gets the plain words). */
const RELATED: Partial<Record<SiteFindingId, TranslationKey>> = {
  'broken-links': 'site.findings.related.linkedFrom',
  'redirected-links': 'site.findings.related.linkedFrom',
  'blocked-by-robots': 'site.findings.related.linkedFrom',
  'redirect-chains': 'site.findings.related.hops',
  'duplicate-titles': 'site.findings.related.sameTitle',
  'duplicate-descriptions': 'site.findings.related.sameDescription',
  'hreflang-return-links': 'site.findings.related.listedBy',
};

/** A finding may name hundreds of addresses: the first few, then all on request. */
const ITEMS_SHOWN = 10;

const Finding = ({ finding }: { finding: SiteFinding }) => {
  const { formatMessage } = useIntl();
  const nameOf = useIssueName();
  const [all, setAll] = useState(false);
  const items = all ? finding.items : finding.items.slice(0, ITEMS_SHOWN);
  const related = formatMessage(msg(RELATED[finding.id] ?? 'site.findings.related'));
  return (
    <Box tag="li" padding={4} hasRadius borderColor="neutral200" background="neutral0">
      <Flex direction="column" alignItems="stretch" gap={2}>
        <Flex gap={2} wrap="wrap" alignItems="center">
          <Typography fontWeight="bold">{nameOf(finding.id)}</Typography>
          <SeverityBadge severity={finding.severity} />
        </Flex>
        <Typography>{finding.found}</Typography>
        <Typography variant="pi" textColor="neutral700">
          {formatMessage(msg('site.issue.fix'), { fix: finding.fix })}
        </Typography>
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2} paddingLeft={2}>
          {items.map((item) => (
            <Flex key={item.url} tag="li" direction="column" alignItems="stretch" gap={1}>
              <Link href={item.url} isExternal style={{ wordBreak: 'break-all' }}>
                {item.url}
              </Link>
              {item.related.length ? <AddressList items={item.related} label={related} /> : null}
            </Flex>
          ))}
        </Flex>
        {finding.items.length > ITEMS_SHOWN ? (
          <Box>
            <Button variant="tertiary" size="S" onClick={() => setAll(!all)}>
              {formatMessage(msg(all ? 'site.findings.fewer' : 'site.findings.all'), {
                count: finding.items.length,
              })}
            </Button>
          </Box>
        ) : null}
      </Flex>
    </Box>
  );
};

/** Issues no single page shows: broken links, duplicates, orphans, redirect chains... */
export const SiteFindings = ({ findings }: { findings: SiteFinding[] }) => {
  const { formatMessage } = useIntl();
  return (
    <ToolCard
      title={formatMessage(msg('site.findings.title'))}
      subtitle={formatMessage(msg('site.findings.intro'))}
    >
      {findings.length ? (
        <Flex tag="ul" direction="column" alignItems="stretch" gap={2}>
          {findings.map((finding) => (
            <Finding key={finding.id} finding={finding} />
          ))}
        </Flex>
      ) : (
        <Typography textColor="success600">{formatMessage(msg('site.findings.none'))}</Typography>
      )}
    </ToolCard>
  );
};
