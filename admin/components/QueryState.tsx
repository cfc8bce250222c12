import { EmptyStateLayout, Flex, Loader } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { msg } from '../utils/translations';
import { ErrorText } from './ErrorText';

interface QueryStateProps {
  query: { isLoading: boolean; isError: boolean; error: unknown };
  isEmpty: boolean;
  /** What to say when the list is empty. */
  empty: string;
  children: ReactNode;
}

/** A list's loading, failed and empty states; its rows once there are some. */
export const QueryState = ({ query, isEmpty, empty, children }: QueryStateProps) => {
  const { formatMessage } = useIntl();
  if (query.isLoading) {
    return (
      <Flex justifyContent="center" padding={6}>
        <Loader>{formatMessage(msg('common.loading'))}</Loader>
      </Flex>
    );
  }
  if (query.isError) return <ErrorText error={query.error} />;
  if (isEmpty) return <EmptyStateLayout content={empty} />;
  return <>{children}</>;
};
