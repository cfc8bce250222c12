import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Loader,
  NumberInput,
  Radio,
  SingleSelect,
  SingleSelectOption,
  TextInput,
  TimePicker,
  Typography,
} from '@strapi/design-system';
import { Clock, Play, Search } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { CRAWL_LIMITS } from '../../../contracts/site-audits';
import { ErrorText } from '../../components/ErrorText';
import { siteAnalyzerPath } from '../../utils/paths';
import { msg, type TranslationKey } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import { WEEKDAYS } from '../../../contracts/site-audit-schedules';
import {
  bodyOf,
  FORM_FIELDS,
  INITIAL_FORM,
  KEYPHRASE_MAX,
  LAST_MONTH_DAY,
  LIMIT_FIELDS,
  problemsOf,
  REPEATS,
  scheduleBodyOf,
  serverErrorsOf,
  type AuditForm as Form,
  type FormField,
  type LimitField,
  type Problem,
} from './audit-form';
import { useCreateSchedule } from './useSchedules';
import { useStartAudit } from './useSiteAudits';

const LIMIT_LABELS: Record<LimitField, TranslationKey> = {
  maxPages: 'site.form.maxPages',
  maxDepth: 'site.form.maxDepth',
  concurrency: 'site.form.concurrency',
  delayMs: 'site.form.delayMs',
};

const fieldId = (field: FormField) => `site-audit-${field}`;
// 2023-01-01 was a Sunday: day 0 of the week, as cron counts.
const SUNDAY = Date.UTC(2023, 0, 1, 12);
/** Recurring audits run at the editor's own wall-clock time. */
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Where the reader should look first: the first field at fault, in the form's order. */
const focusFirst = (faulty: Partial<Record<FormField, unknown>>) => {
  const field = FORM_FIELDS.find((name) => faulty[name]);
  if (field) document.getElementById(fieldId(field))?.focus();
};

/**
 * A page audit (answered in a few seconds) or a crawl (queued): either opens the audit once the
 * server has it. Or, repeated, a recurring audit the list below shows. On failure the form keeps
 * what was typed and shows why under the field.
 */
export const AuditForm = () => {
  const { formatMessage, formatDate } = useIntl();
  const { toggleNotification } = useNotification();
  const navigate = useNavigate();
  const startNow = useStartAudit();
  const schedule = useCreateSchedule();
  const scopeLabel = useId();
  const [form, setForm] = useState<Form>(INITIAL_FORM);
  const [problems, setProblems] = useState<Partial<Record<FormField, Problem>>>({});
  const repeated = form.repeat !== 'once';
  const start = repeated ? schedule : startNow;
  const serverErrors = useMemo(() => serverErrorsOf(start.error), [start.error]);
  const crawl = form.scope === 'site';
  const zone = useMemo(browserZone, []);

  const errorOf = (field: FormField) => {
    const problem = problems[field];
    return problem ? formatMessage(msg(problem.key), problem.values) : serverErrors[field];
  };
  /** A change answers the complaint about what changed: the old error no longer applies. */
  const edit = (field: FormField, next: (current: Form) => Form) => {
    setForm(next);
    setProblems(({ [field]: _fixed, ...rest }) => rest);
    if (start.error) start.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (start.isPending) return;
    const found = problemsOf(form);
    setProblems(found);
    if (Object.keys(found).length) {
      focusFirst(found);
      return;
    }
    const onError = (error: unknown) => focusFirst(serverErrorsOf(error));
    if (!repeated) {
      startNow.mutate(bodyOf(form), {
        onSuccess: (audit) => navigate(siteAnalyzerPath(audit.documentId)),
        onError,
      });
      return;
    }
    schedule.mutate(scheduleBodyOf(form, zone), {
      onSuccess: (saved) => {
        // Saved and listed below: a second press must not save it twice.
        setForm(INITIAL_FORM);
        toggleNotification({
          type: 'success',
          message: formatMessage(msg('site.form.scheduled'), {
            next: saved.nextRunAt
              ? formatDate(saved.nextRunAt, { dateStyle: 'full', timeStyle: 'short' })
              : '—',
          }),
        });
      },
      onError,
    });
  };

  return (
    <ToolCard title={formatMessage(msg('site.form.title'))}>
      <form noValidate onSubmit={submit} aria-label={formatMessage(msg('site.form.title'))}>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Field.Root
            id={fieldId('url')}
            name="url"
            required
            hint={formatMessage(msg(crawl ? 'site.form.url.hint.site' : 'site.form.url.hint'))}
            error={errorOf('url')}
          >
            <Field.Label>{formatMessage(msg('site.form.url'))}</Field.Label>
            <TextInput
              type="url"
              inputMode="url"
              autoComplete="url"
              placeholder={formatMessage(msg('site.form.url.placeholder'))}
              value={form.url}
              onChange={(event: ChangeEvent<HTMLInputElement>) => {
                const url = event.target.value;
                edit('url', (current) => ({ ...current, url }));
              }}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>

          <Flex direction="column" alignItems="flex-start" gap={2}>
            <Typography id={scopeLabel} variant="pi" fontWeight="bold" textColor="neutral800">
              {formatMessage(msg('site.form.scope'))}
            </Typography>
            <Radio.Group
              aria-labelledby={scopeLabel}
              value={form.scope}
              onValueChange={(scope: string) =>
                setForm((current) => ({ ...current, scope: scope === 'site' ? 'site' : 'page' }))
              }
            >
              <Flex gap={6}>
                <Radio.Item value="page">{formatMessage(msg('site.form.scope.page'))}</Radio.Item>
                <Radio.Item value="site">{formatMessage(msg('site.form.scope.site'))}</Radio.Item>
              </Flex>
            </Radio.Group>
          </Flex>

          <Field.Root
            id={fieldId('keyphrase')}
            name="keyphrase"
            hint={formatMessage(msg('site.form.keyphrase.hint'))}
            error={errorOf('keyphrase')}
          >
            <Field.Label>{formatMessage(msg('site.form.keyphrase'))}</Field.Label>
            <TextInput
              value={form.keyphrase}
              maxLength={KEYPHRASE_MAX}
              onChange={(event: ChangeEvent<HTMLInputElement>) => {
                const keyphrase = event.target.value;
                edit('keyphrase', (current) => ({ ...current, keyphrase }));
              }}
            />
            <Field.Hint />
            <Field.Error />
          </Field.Root>

          {crawl ? (
            <Grid.Root gap={4}>
              {LIMIT_FIELDS.map((field) => (
                <Grid.Item
                  key={field}
                  col={3}
                  s={6}
                  xs={12}
                  direction="column"
                  alignItems="stretch"
                >
                  <Field.Root
                    id={fieldId(field)}
                    name={field}
                    required
                    hint={formatMessage(msg('site.form.limit.hint'), {
                      min: CRAWL_LIMITS[field].min,
                      max: CRAWL_LIMITS[field].max,
                      default: CRAWL_LIMITS[field].default,
                    })}
                    error={errorOf(field)}
                  >
                    <Field.Label>{formatMessage(msg(LIMIT_LABELS[field]))}</Field.Label>
                    <NumberInput
                      value={form.limits[field]}
                      step={1}
                      min={CRAWL_LIMITS[field].min}
                      max={CRAWL_LIMITS[field].max}
                      onValueChange={(value) =>
                        edit(field, (current) => ({
                          ...current,
                          limits: { ...current.limits, [field]: value },
                        }))
                      }
                    />
                    <Field.Hint />
                    <Field.Error />
                  </Field.Root>
                </Grid.Item>
              ))}
            </Grid.Root>
          ) : null}

          <Grid.Root gap={4}>
            <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
              <Field.Root
                id={fieldId('repeat')}
                name="repeat"
                hint={formatMessage(
                  msg(repeated ? 'site.form.repeat.hint' : 'site.form.repeat.once.hint'),
                  { zone },
                )}
                error={errorOf('repeat')}
              >
                <Field.Label>{formatMessage(msg('site.form.repeat'))}</Field.Label>
                <SingleSelect
                  value={form.repeat}
                  onChange={(value: string | number) =>
                    edit('repeat', (current) => ({
                      ...current,
                      repeat: REPEATS.find((repeat) => repeat === value) ?? 'once',
                    }))
                  }
                >
                  {REPEATS.map((repeat) => (
                    <SingleSelectOption key={repeat} value={repeat}>
                      {formatMessage(msg(`site.form.repeat.${repeat}`))}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
                <Field.Hint />
                <Field.Error />
              </Field.Root>
            </Grid.Item>
            {form.repeat === 'week' ? (
              <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root id={fieldId('repeat') + '-weekday'} name="weekday">
                  <Field.Label>{formatMessage(msg('site.form.weekday'))}</Field.Label>
                  <SingleSelect
                    value={String(form.weekday)}
                    onChange={(value: string | number) =>
                      edit('repeat', (current) => ({ ...current, weekday: Number(value) }))
                    }
                  >
                    {WEEKDAYS.map((weekday) => (
                      <SingleSelectOption key={weekday} value={String(weekday)}>
                        {formatDate(SUNDAY + weekday * 86_400_000, {
                          weekday: 'long',
                          timeZone: 'UTC',
                        })}
                      </SingleSelectOption>
                    ))}
                  </SingleSelect>
                </Field.Root>
              </Grid.Item>
            ) : null}
            {form.repeat === 'month' ? (
              <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root
                  id={fieldId('day')}
                  name="day"
                  required
                  hint={formatMessage(msg('site.form.day.hint'), { max: LAST_MONTH_DAY })}
                  error={errorOf('day')}
                >
                  <Field.Label>{formatMessage(msg('site.form.day'))}</Field.Label>
                  <NumberInput
                    value={form.day}
                    step={1}
                    min={1}
                    max={LAST_MONTH_DAY}
                    onValueChange={(day) => edit('day', (current) => ({ ...current, day }))}
                  />
                  <Field.Hint />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            ) : null}
            {repeated ? (
              <Grid.Item col={3} s={6} xs={12} direction="column" alignItems="stretch">
                <Field.Root id={fieldId('time')} name="time" required error={errorOf('time')}>
                  <Field.Label>{formatMessage(msg('site.form.time'))}</Field.Label>
                  <TimePicker
                    value={form.time}
                    step={15}
                    onChange={(time?: string) =>
                      edit('time', (current) => ({ ...current, time: time ?? '' }))
                    }
                    onClear={() => edit('time', (current) => ({ ...current, time: '' }))}
                    clearLabel={formatMessage(msg('site.filter.clear'))}
                  />
                  <Field.Error />
                </Field.Root>
              </Grid.Item>
            ) : null}
          </Grid.Root>

          <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
            <Box aria-live="polite">
              {start.isPending && !crawl && !repeated ? (
                <Flex gap={2}>
                  <Loader small>{formatMessage(msg('site.form.auditing'))}</Loader>
                  {/* The loader's own label is for screen readers only. */}
                  <Typography textColor="neutral600" aria-hidden>
                    {formatMessage(msg('site.form.auditing'))}
                  </Typography>
                </Flex>
              ) : null}
            </Box>
            <Button
              type="submit"
              startIcon={repeated ? <Clock /> : crawl ? <Play /> : <Search />}
              loading={start.isPending}
            >
              {formatMessage(
                msg(
                  repeated
                    ? 'site.form.submit.schedule'
                    : crawl
                      ? 'site.form.submit.site'
                      : 'site.form.submit.page',
                ),
              )}
            </Button>
          </Flex>
          {Object.keys(serverErrors).length ? null : <ErrorText error={start.error} />}
        </Flex>
      </form>
    </ToolCard>
  );
};
