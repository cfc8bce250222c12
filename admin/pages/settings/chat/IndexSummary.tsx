import { Flex, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { IndexView } from '../../../../contracts/chat';
import { msg } from '../../../utils/translations';
import { relativeTimeOf } from '../../chat/relative-time';
import { useNow } from '../../chat/useNow';

/** How much is indexed, how fresh it is, and whether retrieval matches meaning or words only. */
export const IndexSummary = ({ view }: { view: IndexView }) => {
  const { formatMessage, formatDate, formatRelativeTime } = useIntl();
  const now = useNow();
  const last = view.lastIndexedAt;
  const relative = last ? relativeTimeOf(last, now) : undefined;
  return (
    <Flex gap={2} wrap="wrap">
      <Typography fontWeight="semiBold">
        {formatMessage(msg('chat.settings.index.summary.chunks'), { count: view.chunks })}
      </Typography>
      <Typography textColor="neutral600" aria-hidden>
        ·
      </Typography>
      <Typography textColor="neutral600">
        {last && relative ? (
          <>
            {formatMessage(msg('chat.settings.index.summary.last'))}{' '}
            <time dateTime={last}>
              {formatRelativeTime(relative.value, relative.unit, { numeric: 'auto' })} (
              {formatDate(last, { dateStyle: 'medium', timeStyle: 'short' })})
            </time>
          </>
        ) : (
          formatMessage(msg('chat.settings.index.summary.never'))
        )}
      </Typography>
      <Typography textColor="neutral600" aria-hidden>
        ·
      </Typography>
      <Typography textColor="neutral600">
        {view.embeddings
          ? formatMessage(msg('chat.settings.index.retrieval.embeddings'), {
              model: view.embeddings,
            })
          : formatMessage(msg('chat.settings.index.retrieval.lexical'))}
      </Typography>
    </Flex>
  );
};
