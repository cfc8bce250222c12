import { Grid, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { PageFacts as Facts } from '../../../analysis/site/types';
import { msg, type TranslationKey } from '../../utils/translations';

/** What a page audit read from the page, as search engines will. */
export const PageFacts = ({ facts }: { facts: Facts }) => {
  const { formatMessage, formatNumber } = useIntl();
  const rows: [TranslationKey, string | null][] = [
    ['site.facts.title', facts.title],
    ['site.facts.description', facts.description],
    ['site.facts.canonical', facts.canonical],
    ['site.facts.lang', facts.lang],
    ['site.facts.words', formatNumber(facts.wordCount)],
    [
      'site.facts.links',
      formatMessage(msg('site.facts.links.value'), {
        internal: facts.links.filter((link) => link.internal).length,
        external: facts.links.filter((link) => !link.internal).length,
      }),
    ],
  ];
  return (
    <Grid.Root gap={4} tag="dl">
      {rows.map(([label, value]) => (
        <Grid.Item key={label} col={4} s={6} xs={12} direction="column" alignItems="flex-start">
          <Typography variant="sigma" textColor="neutral600" tag="dt">
            {formatMessage(msg(label))}
          </Typography>
          <Typography tag="dd" style={{ wordBreak: 'break-word' }}>
            {value ?? formatMessage(msg('site.facts.missing'))}
          </Typography>
        </Grid.Item>
      ))}
    </Grid.Root>
  );
};
