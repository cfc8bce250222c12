import {
  Flex,
  IconButton,
  Link,
  Switch,
  Table,
  Tbody,
  Td,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useIntl } from 'react-intl';
import { Link as RouterLink } from 'react-router-dom';
import { ACTIONS } from '../../../contracts/permissions';
import { readPreset, type ScheduleView } from '../../../contracts/site-audit-schedules';
import { QueryState } from '../../components/QueryState';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { HeaderRow } from '../../components/HeaderRow';
import { errorMessage } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { siteAnalyzerPath } from '../../utils/paths';
import { msg } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import { useDeleteSchedule, useSchedules, useUpdateSchedule } from './useSchedules';

const COLUMNS = ['url', 'scope', 'repeat', 'next', 'last', 'active'] as const;
const pad = (value: number) => String(value).padStart(2, '0');
// 2023-01-01 was a Sunday: day 0 of the week, as cron counts.
const SUNDAY = Date.UTC(2023, 0, 1, 12);

/** "Every Monday at 06:00": the form's presets in words, any other pattern as it is. */
const useRepeatText = () => {
  const { formatMessage, formatDate } = useIntl();
  return (schedule: ScheduleView) => {
    const preset = readPreset(schedule.cron);
    if (!preset) return formatMessage(msg('site.repeat.cron'), { cron: schedule.cron });
    const time = `${pad(preset.hour)}:${pad(preset.minute)}`;
    if (preset.every === 'day') return formatMessage(msg('site.repeat.day'), { time });
    if (preset.every === 'month') {
      return formatMessage(msg('site.repeat.month'), { time, day: preset.day });
    }
    const weekday = formatDate(SUNDAY + preset.weekday * 86_400_000, {
      weekday: 'long',
      timeZone: 'UTC',
    });
    return formatMessage(msg('site.repeat.week'), { time, weekday });
  };
};

const DeleteSchedule = ({ schedule }: { schedule: ScheduleView }) => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const remove = useDeleteSchedule();
  return (
    <ConfirmDialog
      trigger={
        <IconButton
          label={formatMessage(msg('site.recurring.delete'), { url: schedule.url })}
          variant="ghost"
          disabled={remove.isPending}
        >
          <Trash />
        </IconButton>
      }
      title={formatMessage(msg('site.recurring.delete.title'))}
      body={formatMessage(msg('site.recurring.delete.body'), { url: schedule.url })}
      keepLabel={formatMessage(msg('site.recurring.delete.keep'))}
      confirmLabel={formatMessage(msg('site.recurring.delete.confirm'))}
      onConfirm={() =>
        remove.mutate(schedule.documentId, {
          onError: (error) => toggleNotification({ type: 'danger', message: errorMessage(error) }),
        })
      }
    />
  );
};

const Row = ({ schedule, manage }: { schedule: ScheduleView; manage: boolean }) => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const repeatText = useRepeatText();
  const update = useUpdateSchedule();
  const when = (iso: string) => formatDate(iso, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Tr>
      <Td maxWidth="300px">
        <Typography fontWeight="semiBold" ellipsis title={schedule.url}>
          {schedule.url}
        </Typography>
      </Td>
      <Td>
        <Typography>{formatMessage(msg(`site.scope.${schedule.scope}`))}</Typography>
      </Td>
      <Td>
        <Flex direction="column" alignItems="flex-start">
          <Typography>{repeatText(schedule)}</Typography>
          <Typography variant="pi" textColor="neutral600">
            {schedule.timezone}
          </Typography>
        </Flex>
      </Td>
      <Td>
        <Typography>
          {schedule.nextRunAt
            ? when(schedule.nextRunAt)
            : formatMessage(msg('site.recurring.paused'))}
        </Typography>
      </Td>
      <Td maxWidth="280px">
        <Flex direction="column" alignItems="flex-start">
          {schedule.lastAuditDocumentId && schedule.lastRunAt ? (
            <Link tag={RouterLink} to={siteAnalyzerPath(schedule.lastAuditDocumentId)}>
              {when(schedule.lastRunAt)}
            </Link>
          ) : (
            <Typography textColor="neutral600">
              {schedule.lastRunAt
                ? when(schedule.lastRunAt)
                : formatMessage(msg('site.recurring.never'))}
            </Typography>
          )}
          {schedule.lastError ? (
            <Typography variant="pi" textColor="danger600" ellipsis title={schedule.lastError}>
              {schedule.lastError}
            </Typography>
          ) : null}
        </Flex>
      </Td>
      <Td>
        <Flex gap={2}>
          <Switch
            aria-label={formatMessage(msg('site.recurring.active'), { url: schedule.url })}
            checked={schedule.enabled}
            disabled={!manage || update.isPending}
            onCheckedChange={(enabled: boolean) =>
              update.mutate(
                { documentId: schedule.documentId, enabled },
                {
                  onError: (error) =>
                    toggleNotification({ type: 'danger', message: errorMessage(error) }),
                },
              )
            }
          />
          {manage ? <DeleteSchedule schedule={schedule} /> : null}
        </Flex>
      </Td>
    </Tr>
  );
};

/** The recurring audits the user may read: when each runs next, how its last run went. */
export const RecurringAudits = () => {
  const { formatMessage } = useIntl();
  const { can } = usePermissions();
  const schedules = useSchedules();
  const rows = schedules.data?.data ?? [];
  return (
    <ToolCard title={formatMessage(msg('site.recurring.title'))}>
      <QueryState
        query={schedules}
        isEmpty={!rows.length}
        empty={formatMessage(msg('site.recurring.empty'))}
      >
        <Table colCount={COLUMNS.length} rowCount={rows.length + 1}>
          <HeaderRow
            labels={COLUMNS.map((column) => formatMessage(msg(`site.recurring.column.${column}`)))}
          />
          <Tbody>
            {rows.map((schedule) => (
              <Row
                key={schedule.documentId}
                schedule={schedule}
                manage={can(ACTIONS.siteAuditRun)}
              />
            ))}
          </Tbody>
        </Table>
      </QueryState>
    </ToolCard>
  );
};
