import { Button, Flex, Typography } from '@strapi/design-system';
import { ChevronLeft, ChevronRight } from '@strapi/icons';
import { useIntl } from 'react-intl';
import type { Pagination } from '../../contracts/jobs';
import { msg } from '../utils/translations';

interface PrevNextPaginationProps {
  pagination: Pagination;
  onChange: (page: number) => void;
}

/** Previous / next through a `{ meta: { pagination } }` list; hidden when it fits on one page. */
export const PrevNextPagination = ({ pagination, onChange }: PrevNextPaginationProps) => {
  const { formatMessage } = useIntl();
  const { page, pageCount } = pagination;
  if (pageCount <= 1) return null;
  return (
    <Flex
      tag="nav"
      aria-label={formatMessage(msg('pagination.label'))}
      justifyContent="flex-end"
      gap={2}
    >
      <Button
        variant="tertiary"
        startIcon={<ChevronLeft />}
        disabled={page <= 1}
        onClick={() => onChange(page - 1)}
      >
        {formatMessage(msg('pagination.previous'))}
      </Button>
      <Typography>{formatMessage(msg('pagination.position'), { page, pageCount })}</Typography>
      <Button
        variant="tertiary"
        endIcon={<ChevronRight />}
        disabled={page >= pageCount}
        onClick={() => onChange(page + 1)}
      >
        {formatMessage(msg('pagination.next'))}
      </Button>
    </Flex>
  );
};
