import { Box } from '@strapi/design-system';
import { Fragment, type ReactNode } from 'react';
import { styled } from 'styled-components';

/**
 * The writers' markdown, shown readably without an HTML renderer (and so without any HTML the
 * model might write reaching the page): headings, lists, paragraphs and bold. Anything fancier
 * stays as its source text, which is still what gets saved.
 */

const Prose = styled(Box)`
  color: ${({ theme }) => theme.colors.neutral800};
  font-size: ${({ theme }) => theme.fontSizes[2]};
  line-height: 1.6;
  & > * + * {
    margin-top: ${({ theme }) => theme.spaces[3]};
  }
  & p {
    white-space: pre-wrap;
  }
  & ul,
  & ol {
    padding-left: ${({ theme }) => theme.spaces[6]};
  }
  & ul {
    list-style: disc;
  }
  & ol {
    list-style: decimal;
  }
  & h4,
  & h5 {
    font-weight: ${({ theme }) => theme.fontWeights.bold};
  }
  & h4 {
    font-size: ${({ theme }) => theme.fontSizes[3]};
  }
`;

const BULLET = /^\s*[-*+]\s+/;
const NUMBERED = /^\s*\d+[.)]\s+/;
const HEADING = /^(#{1,6})\s+(.*)$/;

const inline = (text: string): ReactNode =>
  text
    .split(/(\*\*[^*]+\*\*)/)
    .map((part, i) =>
      part.startsWith('**') && part.endsWith('**') && part.length > 4 ? (
        <strong key={i}>{part.slice(2, -2)}</strong>
      ) : (
        <Fragment key={i}>{part}</Fragment>
      ),
    );

const renderBlock = (block: string, key: number): ReactNode => {
  const lines = block.split('\n');
  const heading = lines.length === 1 ? HEADING.exec(block) : null;
  if (heading) {
    const Tag = (heading[1] ?? '').length <= 2 ? 'h4' : 'h5';
    return <Tag key={key}>{inline(heading[2] ?? '')}</Tag>;
  }
  if (lines.every((line) => BULLET.test(line))) {
    return (
      <ul key={key}>
        {lines.map((line, i) => (
          <li key={i}>{inline(line.replace(BULLET, ''))}</li>
        ))}
      </ul>
    );
  }
  if (lines.every((line) => NUMBERED.test(line))) {
    return (
      <ol key={key}>
        {lines.map((line, i) => (
          <li key={i}>{inline(line.replace(NUMBERED, ''))}</li>
        ))}
      </ol>
    );
  }
  return <p key={key}>{inline(block)}</p>;
};

/** Splits headings off the paragraph they open, as models often write them without a blank line. */
const blocksOf = (markdown: string) =>
  markdown
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .flatMap((block) => block.split(/\n(?=#{1,6}\s)|(?<=^#{1,6}\s[^\n]*)\n/))
    .map((block) => block.trim())
    .filter(Boolean);

export const MarkdownText = ({ children }: { children: string }) => (
  <Prose>{blocksOf(children).map(renderBlock)}</Prose>
);
