import { Badge, Box, Button, Flex, Link, Typography } from '@strapi/design-system';
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import type { Citation } from '../../../contracts/chat';
import { contentManagerPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { citedNumbers } from './answer-text';

/** The id a citation's link carries, so the `[n]` markers in the answer can point at it. */
export const citationAnchor = (scope: string, n: number) => `${scope}-source-${n}`;

const CitationChip = ({ citation, scope }: { citation: Citation; scope: string }) => {
  const { formatMessage } = useIntl();
  const facts = [citation.typeName, citation.field, citation.locale].filter(Boolean).join(' · ');
  return (
    <Box
      tag="li"
      background="neutral0"
      borderColor="neutral200"
      hasRadius
      paddingTop={1}
      paddingBottom={1}
      paddingLeft={2}
      paddingRight={2}
    >
      <Flex gap={2} wrap="wrap">
        <Typography variant="pi" fontWeight="bold" textColor="neutral600">
          [{citation.n}]
        </Typography>
        <Link
          id={citationAnchor(scope, citation.n)}
          tag={RouterLink}
          to={contentManagerPath(citation)}
        >
          {citation.title || citation.documentId}
        </Link>
        <Typography variant="pi" textColor="neutral600">
          — {facts}
        </Typography>
        <Badge size="S" variant={citation.status === 'published' ? 'success' : 'secondary'}>
          {formatMessage(msg(`chat.citation.${citation.status}`))}
        </Badge>
      </Flex>
    </Box>
  );
};

interface CitationsProps {
  citations: Citation[];
  /** The answer's text: the sources it cites come first, the others only on request. */
  text: string;
  /** Unique to the answer, for the anchors of its markers. */
  scope: string;
  /** While an answer is written, which sources it will cite is not known yet. */
  showAll?: boolean;
}

/** The passages an answer rests on, numbered as the answer cites them, each opening its entry. */
export const Citations = ({ citations, text, scope, showAll }: CitationsProps) => {
  const { formatMessage } = useIntl();
  const [expanded, setExpanded] = useState(false);
  if (!citations.length) return null;
  const cited = citedNumbers(text);
  const first = citations.filter((citation) => cited.has(citation.n));
  const split = !showAll && first.length > 0;
  const shown = split ? first : citations;
  const others = split ? citations.filter((citation) => !cited.has(citation.n)) : [];

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography variant="sigma" textColor="neutral600">
        {formatMessage(msg('chat.citations.title'))}
      </Typography>
      <Flex tag="ul" direction="column" alignItems="flex-start" gap={1}>
        {shown.map((citation) => (
          <CitationChip key={citation.n} citation={citation} scope={scope} />
        ))}
        {expanded
          ? others.map((citation) => (
              <CitationChip key={citation.n} citation={citation} scope={scope} />
            ))
          : null}
      </Flex>
      {others.length ? (
        <Box>
          <Button variant="ghost" size="S" onClick={() => setExpanded((previous) => !previous)}>
            {formatMessage(msg(expanded ? 'chat.citations.less' : 'chat.citations.more'), {
              count: others.length,
            })}
          </Button>
        </Box>
      ) : null}
    </Flex>
  );
};
