import { Flex, Loader, Typography } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { PublicSettings } from '../../../../contracts/chat';
import { ACTIONS } from '../../../../contracts/permissions';
import { usePermissions } from '../../../hooks/usePermissions';
import { msg } from '../../../utils/translations';
import type { PublicTypeDraft } from './public-draft';
import { PublicTypeRow } from './PublicTypeRow';
import { useChatIndex } from './useChatSettings';

const OFF: PublicTypeDraft = { on: false, urlPattern: '' };

/**
 * The collection types to offer: the index view's (the same cache entry as the section above),
 * and any type already chosen that it does not list (one since deleted, or no view at all), so
 * it can still be unset.
 */
const useTypeList = (saved: PublicSettings) => {
  const { can } = usePermissions();
  const index = useChatIndex(can(ACTIONS.chatUse));
  const known = index.data?.types ?? [];
  const extra = Object.keys(saved.types).filter((uid) => !known.some((type) => type.uid === uid));
  return {
    loading: index.isLoading,
    // Without the view it is not known which types exist, nor which are indexed.
    partial: !index.data,
    types: [
      ...known.map(({ uid, displayName, enabled }) => ({
        uid,
        name: displayName,
        indexed: enabled,
      })),
      ...extra.map((uid) => ({ uid, name: uid, indexed: index.data ? false : undefined })),
    ],
  };
};

interface PublicTypeListProps {
  saved: PublicSettings;
  value: Record<string, PublicTypeDraft>;
  disabled: boolean;
  errorOf(field: string): string | undefined;
  onChange(value: Record<string, PublicTypeDraft>): void;
}

export const PublicTypeList = ({
  saved,
  value,
  disabled,
  errorOf,
  onChange,
}: PublicTypeListProps) => {
  const { formatMessage } = useIntl();
  const list = useTypeList(saved);
  return (
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h3">
        {formatMessage(msg('chat.settings.public.types'))}
      </Typography>
      {list.loading ? (
        <Loader small>{formatMessage(msg('common.loading'))}</Loader>
      ) : (
        <>
          {list.partial ? (
            <Typography variant="pi" textColor="neutral600">
              {formatMessage(msg('chat.settings.public.typesUnavailable'))}
            </Typography>
          ) : !list.types.length ? (
            <Typography textColor="neutral600">
              {formatMessage(msg('chat.settings.public.noTypes'))}
            </Typography>
          ) : null}
          {list.types.map((type) => (
            <PublicTypeRow
              key={type.uid}
              uid={type.uid}
              name={type.name}
              indexed={type.indexed}
              value={value[type.uid] ?? OFF}
              disabled={disabled}
              error={errorOf(`types.${type.uid}.urlPattern`) ?? errorOf(`types.${type.uid}`)}
              onChange={(next) => onChange({ ...value, [type.uid]: next })}
            />
          ))}
        </>
      )}
    </Flex>
  );
};
