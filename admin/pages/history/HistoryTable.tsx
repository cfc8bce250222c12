import {
  Flex,
  IconButton,
  Link,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Duplicate } from '@strapi/icons';
import { useIntl } from 'react-intl';
import { Link as RouterLink, useNavigate } from 'react-router-dom';
import type { GenerationSummary } from '../../../contracts/generations';
import { JobStatusBadge } from '../../components/JobStatusBadge';
import { COST_FORMAT } from '../../utils/cost';
import { formatDuration } from '../../utils/format';
import { ACTIONS } from '../../../contracts/permissions';
import { usePermissions } from '../../hooks/usePermissions';
import { duplicatePath, historyPath, writerPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { isWriterId, WRITER_TEXT } from '../../utils/writers';

const COLUMNS = [
  'title',
  'writer',
  'status',
  'author',
  'created',
  'cost',
  'duration',
  'actions',
] as const;

/** The generations, newest first; a row opens the generation. */
export const HistoryTable = ({ rows }: { rows: readonly GenerationSummary[] }) => {
  const { formatMessage, formatDate, formatNumber } = useIntl();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const writer = can(ACTIONS.writerUse);
  // Writer users reopen a generation in the writer, with its input; readers get the result only.
  const detailPath = (documentId: string) =>
    writer ? writerPath(documentId) : historyPath(documentId);
  return (
    <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
      <Thead>
        <Tr>
          {COLUMNS.map((column) => (
            <Th key={column}>
              <Typography variant="sigma">
                {formatMessage(msg(`history.column.${column}`))}
              </Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {rows.map((row) => (
          <Tr
            key={row.documentId}
            onClick={() => navigate(detailPath(row.documentId))}
            style={{ cursor: 'pointer' }}
          >
            <Td maxWidth="360px">
              <Flex direction="column" alignItems="flex-start">
                {/* The link is the keyboard's way in; the row click is the mouse's shortcut. */}
                <Link
                  tag={RouterLink}
                  to={detailPath(row.documentId)}
                  onClick={(event) => event.stopPropagation()}
                >
                  <Typography fontWeight="semiBold" ellipsis>
                    {row.title ?? formatMessage(msg('history.untitled'))}
                  </Typography>
                </Link>
                {row.error && row.status === 'failed' ? (
                  <Typography variant="pi" textColor="danger600" ellipsis>
                    {row.error}
                  </Typography>
                ) : null}
              </Flex>
            </Td>
            <Td>
              <Typography>
                {isWriterId(row.kind) ? formatMessage(msg(WRITER_TEXT[row.kind].name)) : row.kind}
              </Typography>
            </Td>
            <Td>
              <JobStatusBadge status={row.status} />
            </Td>
            <Td>
              <Typography>{row.author?.name || '—'}</Typography>
            </Td>
            <Td>
              <Typography>
                {formatDate(row.createdAt, { dateStyle: 'medium', timeStyle: 'short' })}
              </Typography>
            </Td>
            <Td>
              <Typography>
                {row.costEstimate === null ? '—' : formatNumber(row.costEstimate, COST_FORMAT)}
              </Typography>
            </Td>
            <Td>
              <Typography>{formatDuration(row.durationMs)}</Typography>
            </Td>
            <Td onClick={(event) => event.stopPropagation()}>
              {isWriterId(row.kind) && writer ? (
                <IconButton
                  label={formatMessage(msg('writer.duplicate'))}
                  variant="ghost"
                  onClick={() => navigate(duplicatePath(row.documentId))}
                >
                  <Duplicate />
                </IconButton>
              ) : null}
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
};
