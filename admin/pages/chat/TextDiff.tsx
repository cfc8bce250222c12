import { VisuallyHidden } from '@strapi/design-system';
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { styled } from 'styled-components';
import { msg } from '../../utils/translations';
import { ScrollingText } from './ScrollingText';
import { diffText } from './word-diff';

const Removed = styled.del`
  color: ${({ theme }) => theme.colors.danger600};
  background: ${({ theme }) => theme.colors.danger100};
  text-decoration: line-through;
`;

const Added = styled.ins`
  color: ${({ theme }) => theme.colors.success700};
  background: ${({ theme }) => theme.colors.success100};
  text-decoration: none;
`;

/**
 * A field's text before and after a proposed change, as one text: removed words struck through
 * in red, added ones in green. Screen readers are told which is which, since most of them do
 * not announce `del` and `ins`.
 */
export const TextDiff = ({
  before,
  after,
  label,
}: {
  before: string;
  after: string;
  label: string;
}) => {
  const { formatMessage } = useIntl();
  const parts = useMemo(() => diffText(before, after), [before, after]);
  return (
    <ScrollingText label={label} maxHeight="320px">
      {parts.map((part, i) =>
        part.kind === 'removed' ? (
          <Removed key={i}>
            <VisuallyHidden>{formatMessage(msg('chat.diff.removedStart'))}</VisuallyHidden>
            {part.text}
            <VisuallyHidden>{formatMessage(msg('chat.diff.end'))}</VisuallyHidden>
          </Removed>
        ) : part.kind === 'added' ? (
          <Added key={i}>
            <VisuallyHidden>{formatMessage(msg('chat.diff.addedStart'))}</VisuallyHidden>
            {part.text}
            <VisuallyHidden>{formatMessage(msg('chat.diff.end'))}</VisuallyHidden>
          </Added>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </ScrollingText>
  );
};
