import {
  Box,
  Checkbox,
  DatePicker,
  Flex,
  Searchbar,
  SingleSelect,
  SingleSelectOption,
} from '@strapi/design-system';
import type { ChangeEvent } from 'react';
import { useIntl } from 'react-intl';
import { JOB_STATUSES, type JobStatus } from '../../../contracts/jobs';
import { msg } from '../../utils/translations';
import { WRITER_TEXT, isWriterId } from '../../utils/writers';
import type { HistoryFilters } from './filters';

interface HistoryFilterBarProps {
  value: HistoryFilters;
  onChange: (filters: HistoryFilters) => void;
}

const isStatus = (value: string): value is JobStatus =>
  (JOB_STATUSES as readonly string[]).includes(value);

/** Writer, status, dates, own runs only, and a search in titles. */
export const HistoryFilterBar = ({ value, onChange }: HistoryFilterBarProps) => {
  const { formatMessage } = useIntl();
  const set = (patch: Partial<HistoryFilters>) => onChange({ ...value, ...patch });
  return (
    <Flex gap={3} wrap="wrap" alignItems="center">
      <Box width="280px">
        <Searchbar
          name="q"
          value={value.q}
          placeholder={formatMessage(msg('history.filter.search'))}
          clearLabel={formatMessage(msg('history.filter.clear'))}
          onClear={() => set({ q: '' })}
          onChange={(event: ChangeEvent<HTMLInputElement>) => set({ q: event.target.value })}
        >
          {formatMessage(msg('history.filter.search'))}
        </Searchbar>
      </Box>
      <Box width="200px">
        <SingleSelect
          aria-label={formatMessage(msg('history.filter.writer'))}
          placeholder={formatMessage(msg('history.filter.allWriters'))}
          value={value.kind}
          onChange={(kind: string | number) => {
            const id = String(kind);
            set({ kind: isWriterId(id) ? id : '' });
          }}
          onClear={() => set({ kind: '' })}
        >
          {Object.entries(WRITER_TEXT).map(([id, text]) => (
            <SingleSelectOption key={id} value={id}>
              {formatMessage(msg(text.name))}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      <Box width="180px">
        <SingleSelect
          aria-label={formatMessage(msg('jobs.filter.status'))}
          placeholder={formatMessage(msg('jobs.filter.all'))}
          value={value.status}
          onChange={(status: string | number) => {
            const name = String(status);
            set({ status: isStatus(name) ? name : '' });
          }}
          onClear={() => set({ status: '' })}
        >
          {JOB_STATUSES.map((status) => (
            <SingleSelectOption key={status} value={status}>
              {formatMessage(msg(`jobs.status.${status}`))}
            </SingleSelectOption>
          ))}
        </SingleSelect>
      </Box>
      <Box width="180px">
        <DatePicker
          aria-label={formatMessage(msg('history.filter.from'))}
          placeholder={formatMessage(msg('history.filter.from'))}
          value={value.from}
          maxDate={value.to}
          onChange={(from) => set({ from })}
          onClear={() => set({ from: undefined })}
          clearLabel={formatMessage(msg('history.filter.clear'))}
        />
      </Box>
      <Box width="180px">
        <DatePicker
          aria-label={formatMessage(msg('history.filter.to'))}
          placeholder={formatMessage(msg('history.filter.to'))}
          value={value.to}
          minDate={value.from}
          onChange={(to) => set({ to })}
          onClear={() => set({ to: undefined })}
          clearLabel={formatMessage(msg('history.filter.clear'))}
        />
      </Box>
      <Checkbox checked={value.mine} onCheckedChange={(mine) => set({ mine: mine === true })}>
        {formatMessage(msg('history.filter.mine'))}
      </Checkbox>
    </Flex>
  );
};
