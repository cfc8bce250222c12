import { Typography } from '@strapi/design-system';
import { Fragment, type MouseEvent } from 'react';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import type { Citation } from '../../../contracts/chat';
import { msg } from '../../utils/translations';
import { segmentsOf } from './answer-text';
import { citationAnchor } from './Citations';

const Marker = styled.a`
  color: ${({ theme }) => theme.colors.primary600};
  font-weight: ${({ theme }) => theme.fontWeights.bold};
  text-decoration: none;
  border-radius: ${({ theme }) => theme.borderRadius};
  &:hover {
    text-decoration: underline;
  }
  &:focus-visible {
    outline: 2px solid ${({ theme }) => theme.colors.primary600};
    outline-offset: 1px;
  }
`;

/** Moves to the cited source's link (which scrolls it into view) without touching the address. */
const focusSource = (event: MouseEvent<HTMLAnchorElement>, id: string) => {
  event.preventDefault();
  document.getElementById(id)?.focus();
};

/**
 * An answer as plain text with its line breaks: nothing the model writes becomes HTML. Its
 * `[n]` markers become small links to the numbered sources below it.
 */
export const AnswerText = ({
  text,
  citations,
  scope,
}: {
  text: string;
  citations: Citation[];
  scope: string;
}) => {
  const { formatMessage } = useIntl();
  const byNumber = new Map(citations.map((citation) => [citation.n, citation]));
  return (
    <Typography tag="p" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      {segmentsOf(text).map((segment, i) => {
        if (segment.kind === 'text') return <Fragment key={i}>{segment.text}</Fragment>;
        if (segment.kind === 'strong') return <strong key={i}>{segment.text}</strong>;
        if (!segment.numbers.some((n) => byNumber.has(n))) {
          return <Fragment key={i}>{segment.source}</Fragment>;
        }
        return (
          <sup key={i}>
            [
            {segment.numbers.map((n, j) => {
              const citation = byNumber.get(n);
              const id = citationAnchor(scope, n);
              return (
                <Fragment key={`${n}-${j}`}>
                  {j > 0 ? ', ' : null}
                  {citation ? (
                    <Marker
                      href={`#${id}`}
                      title={citation.title}
                      aria-label={formatMessage(msg('chat.citation.marker'), { n })}
                      onClick={(event) => focusSource(event, id)}
                    >
                      {n}
                    </Marker>
                  ) : (
                    n
                  )}
                </Fragment>
              );
            })}
            ]
          </sup>
        );
      })}
    </Typography>
  );
};
