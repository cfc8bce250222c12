import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import { humanize } from '../../utils/humanize';
import { msg } from '../../utils/translations';
import { nameKeyOf } from './issues';

/** A check's or a site-wide finding's name in the reader's language, from its id. */
export const useIssueName = () => {
  const { formatMessage } = useIntl();
  return useCallback(
    (id: string) => {
      const key = nameKeyOf(id);
      return key ? formatMessage(msg(key)) : humanize(id);
    },
    [formatMessage],
  );
};
