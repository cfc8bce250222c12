import { Button } from '@strapi/design-system';
import { ArrowClockwise } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { errorMessage } from '../../../hooks/useApi';
import { msg } from '../../../utils/translations';
import { useRebuildIndex } from './useChatSettings';

/** Asks first: every entry of every indexed type is read again, which takes a while on a big site. */
export const ReindexButton = ({ disabled }: { disabled: boolean }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const rebuild = useRebuildIndex();
  const label = formatMessage(msg('chat.settings.reindex'));
  return (
    <ConfirmDialog
      trigger={
        <Button
          variant="secondary"
          startIcon={<ArrowClockwise />}
          disabled={disabled}
          loading={rebuild.isPending}
        >
          {label}
        </Button>
      }
      title={formatMessage(msg('chat.settings.reindex.title'))}
      body={formatMessage(msg('chat.settings.reindex.body'))}
      keepLabel={formatMessage(msg('chat.settings.reindex.keep'))}
      confirmLabel={label}
      onConfirm={() =>
        rebuild.mutate(undefined, {
          onSuccess: () =>
            toggleNotification({
              type: 'success',
              message: formatMessage(msg('chat.settings.reindex.started')),
            }),
          onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
        })
      }
    />
  );
};
