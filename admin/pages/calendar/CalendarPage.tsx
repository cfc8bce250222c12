import type { DatesSetArg, EventDropArg, EventClickArg } from '@fullcalendar/core';
import dayGridPlugin from '@fullcalendar/daygrid';
import interactionPlugin, { type DateClickArg } from '@fullcalendar/interaction';
import listPlugin from '@fullcalendar/list';
import FullCalendar from '@fullcalendar/react';
import timeGridPlugin from '@fullcalendar/timegrid';
import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  SingleSelect,
  SingleSelectOption,
  Typography,
} from '@strapi/design-system';
import { Download, Plus } from '@strapi/icons';
import { BackButton, Layouts, Page, useAuth, useNotification } from '@strapi/strapi/admin';
import { useMemo, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import {
  CHANNELS,
  ITEM_STATUSES,
  type CalendarItemView,
  type ReleaseView,
} from '../../../contracts/calendar';
import { ACTIONS } from '../../../contracts/permissions';
import { toWallTime } from '../../../contracts/zoned-time';
import { ErrorText } from '../../components/ErrorText';
import { useLocales } from '../../components/schema-form/LocaleSelect';
import { useSeoTypes } from '../../hooks/useSeoTypes';
import { errorMessage } from '../../hooks/useApi';
import { usePermissions } from '../../hooks/usePermissions';
import { msg } from '../../utils/translations';
import { releaseEvents, toEvents, type ColourBy } from './calendar-events';
import { CalendarStyles } from './CalendarStyles';
import { FeedDialog } from './FeedDialog';
import { ItemSheet, type SheetTarget } from './ItemSheet';
import { PlanDialog } from './PlanDialog';
import { useExportIcs } from './useCalendarTools';
import {
  useCalendarItems,
  useReleases,
  useUpdateItem,
  type CalendarFilters,
} from './useCalendarItems';

const BROWSER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
/** A day clicked in the month view gets an item at this time of day. */
const DEFAULT_HOUR = 'T09:00';

const ALL = 'all';
const CLOCK = { hour: '2-digit', minute: '2-digit', hour12: false } as const;

/**
 * The editorial calendar: month, week and agenda views of the items, coloured by channel or
 * status, filtered; drag an item to move it, click a day to add one, click an item to edit it.
 */
export const CalendarPage = () => {
  const { formatMessage } = useIntl();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const canManage = can(ACTIONS.calendarManage);
  const me = useAuth('CalendarPage', (state) => state.user?.id);
  const types = useSeoTypes({ enabled: can(ACTIONS.seoUse) });
  const locales = useLocales();
  const exportIcs = useExportIcs();
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [filters, setFilters] = useState<CalendarFilters>({});
  const [colourBy, setColourBy] = useState<ColourBy>('channel');
  const [sheet, setSheet] = useState<SheetTarget | null>(null);
  const items = useCalendarItems(range, filters);
  const releases = useReleases(range);
  const update = useUpdateItem();
  const events = useMemo(
    () => [
      ...toEvents(items.data?.data ?? [], colourBy),
      ...releaseEvents(releases.data?.data ?? []),
    ],
    [items.data, releases.data, colourBy],
  );

  const onDatesSet = (arg: DatesSetArg) =>
    setRange({ from: arg.start.toISOString(), to: arg.end.toISOString() });

  // The item keeps its own zone: the new day and time are read on its clock.
  const onDrop = (arg: EventDropArg) => {
    const item = arg.event.extendedProps.item as CalendarItemView;
    const start = arg.event.start;
    if (!start) return arg.revert();
    update.mutate(
      { documentId: item.documentId, publishAt: toWallTime(start, item.timezone) },
      {
        onError: (error) => {
          arg.revert();
          toggleNotification({ type: 'danger', message: errorMessage(error) });
        },
      },
    );
  };

  const onDateClick = (arg: DateClickArg) => {
    if (!canManage) return;
    const wall = toWallTime(arg.date, BROWSER_ZONE);
    setSheet({ publishAtLocal: arg.allDay ? `${wall.slice(0, 10)}${DEFAULT_HOUR}` : wall });
  };

  const onEventClick = (arg: EventClickArg) => {
    const release = arg.event.extendedProps.release as ReleaseView | undefined;
    if (release) navigate(`/plugins/content-releases/${release.id}`);
    else setSheet({ item: arg.event.extendedProps.item as CalendarItemView });
  };

  const filter = (key: 'channel' | 'status' | 'uid' | 'locale', value: string) =>
    setFilters((previous) => ({ ...previous, [key]: value === ALL ? undefined : value }));

  return (
    <Page.Main>
      <Page.Title>{formatMessage(msg('calendar.title'))}</Page.Title>
      <Layouts.Header
        navigationAction={<BackButton fallback=".." />}
        title={formatMessage(msg('calendar.title'))}
        subtitle={formatMessage(msg('calendar.subtitle'), { zone: BROWSER_ZONE })}
        primaryAction={
          canManage ? (
            <Button startIcon={<Plus />} onClick={() => setSheet({})}>
              {formatMessage(msg('calendar.new'))}
            </Button>
          ) : undefined
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Flex gap={2} wrap="wrap">
            {canManage ? <PlanDialog zone={BROWSER_ZONE} /> : null}
            <FeedDialog />
            <Button
              variant="tertiary"
              startIcon={<Download />}
              disabled={!range}
              loading={exportIcs.isPending}
              onClick={() =>
                range &&
                exportIcs.mutate(
                  { ...range, ...filters },
                  {
                    onError: (error) =>
                      toggleNotification({
                        type: 'danger',
                        message: formatMessage(msg('calendar.export.failed'), {
                          error: errorMessage(error),
                        }),
                      }),
                  },
                )
              }
            >
              {formatMessage(msg('calendar.export'))}
            </Button>
          </Flex>
          <Flex gap={4} wrap="wrap" alignItems="flex-end">
            <FilterSelect
              name="filter-channel"
              label={formatMessage(msg('calendar.field.channel'))}
              value={filters.channel ?? ALL}
              options={CHANNELS.map((channel) => ({
                value: channel,
                label: formatMessage(msg(`calendar.channel.${channel}`)),
              }))}
              onChange={(value) => filter('channel', value)}
            />
            <FilterSelect
              name="filter-status"
              label={formatMessage(msg('calendar.field.status'))}
              value={filters.status ?? ALL}
              options={ITEM_STATUSES.map((status) => ({
                value: status,
                label: formatMessage(msg(`calendar.status.${status}`)),
              }))}
              onChange={(value) => filter('status', value)}
            />
            {types.data?.length ? (
              <FilterSelect
                name="filter-type"
                label={formatMessage(msg('calendar.filter.type'))}
                value={filters.uid ?? ALL}
                options={types.data.map((type) => ({ value: type.uid, label: type.displayName }))}
                onChange={(value) => filter('uid', value)}
              />
            ) : null}
            {locales.data?.length ? (
              <FilterSelect
                name="filter-locale"
                label={formatMessage(msg('calendar.filter.locale'))}
                value={filters.locale ?? ALL}
                options={locales.data.map((locale) => ({ value: locale.code, label: locale.name }))}
                onChange={(value) => filter('locale', value)}
              />
            ) : null}
            <Box paddingBottom={3}>
              <Checkbox
                checked={filters.assigneeId !== undefined}
                onCheckedChange={(checked: boolean) =>
                  setFilters((previous) => ({
                    ...previous,
                    assigneeId: checked && me ? Number(me) : undefined,
                  }))
                }
              >
                {formatMessage(msg('calendar.filter.mine'))}
              </Checkbox>
            </Box>
            <FilterSelect
              name="colour-by"
              label={formatMessage(msg('calendar.colourBy'))}
              value={colourBy}
              options={(['channel', 'status'] as const).map((by) => ({
                value: by,
                label: formatMessage(msg(`calendar.colourBy.${by}`)),
              }))}
              onChange={(value) => setColourBy(value as ColourBy)}
              noAll
            />
            <Typography textColor="neutral600" aria-live="polite">
              {items.isFetching
                ? formatMessage(msg('common.loading'))
                : formatMessage(msg('calendar.count'), { count: items.data?.data.length ?? 0 })}
            </Typography>
          </Flex>
          {items.isError ? <ErrorText error={items.error} /> : null}
          {releases.data?.meta.available ? (
            <Typography textColor="neutral600">
              {formatMessage(msg('calendar.releases'))}
            </Typography>
          ) : null}
          <Box background="neutral0" hasRadius shadow="tableShadow" padding={4}>
            <CalendarStyles>
              <FullCalendar
                plugins={[dayGridPlugin, timeGridPlugin, listPlugin, interactionPlugin]}
                initialView="dayGridMonth"
                headerToolbar={{
                  left: 'prev,next today',
                  center: 'title',
                  right: 'dayGridMonth,timeGridWeek,listMonth',
                }}
                buttonText={{
                  today: formatMessage(msg('calendar.view.today')),
                  month: formatMessage(msg('calendar.view.month')),
                  week: formatMessage(msg('calendar.view.week')),
                  list: formatMessage(msg('calendar.view.agenda')),
                }}
                timeZone="local"
                firstDay={1}
                height="auto"
                nowIndicator
                editable={canManage}
                eventStartEditable={canManage}
                eventDurationEditable={false}
                events={events}
                datesSet={onDatesSet}
                eventDrop={onDrop}
                dateClick={onDateClick}
                eventClick={onEventClick}
                noEventsText={formatMessage(msg('calendar.empty'))}
                eventTimeFormat={CLOCK}
                slotLabelFormat={CLOCK}
                scrollTime="08:00:00"
              />
            </CalendarStyles>
          </Box>
        </Flex>
      </Layouts.Content>
      {sheet ? (
        <ItemSheet
          key={sheet.item?.documentId ?? sheet.publishAtLocal ?? 'new'}
          target={sheet}
          zone={BROWSER_ZONE}
          canManage={canManage}
          me={me === undefined ? undefined : Number(me)}
          onClose={() => setSheet(null)}
        />
      ) : null}
    </Page.Main>
  );
};

const FilterSelect = ({
  name,
  label,
  value,
  options,
  onChange,
  noAll,
}: {
  name: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
  noAll?: boolean;
}) => {
  const { formatMessage } = useIntl();
  return (
    <Box minWidth="180px">
      <Field.Root name={name}>
        <Field.Label>{label}</Field.Label>
        <SingleSelect value={value} onChange={(next: string | number) => onChange(String(next))}>
          {noAll ? null : (
            <SingleSelectOption value={ALL}>
              {formatMessage(msg('calendar.filter.all'))}
            </SingleSelectOption>
          )}
          {options.map((option) => (
            <SingleSelectOption key={option.value} value={option.value}>
              {option.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Field.Root>
    </Box>
  );
};
