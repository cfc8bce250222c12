import {
  Box,
  Button,
  Field,
  Flex,
  Grid,
  Loader,
  NumberInput,
  Radio,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { Play, Search } from '@strapi/icons';
import { useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate } from 'react-router-dom';
import { CRAWL_LIMITS } from '../../../contracts/site-audits';
import { ErrorText } from '../../components/ErrorText';
import { siteAnalyzerPath } from '../../utils/paths';
import { msg, type TranslationKey } from '../../utils/translations';
import { ToolCard } from '../seo/tools/ToolCard';
import {
  bodyOf,
  FORM_FIELDS,
  INITIAL_FORM,
  KEYPHRASE_MAX,
  LIMIT_FIELDS,
  problemsOf,
  serverErrorsOf,
  type AuditForm as Form,
  type FormField,
  type LimitField,
  type Problem,
} from './audit-form';
import { useStartAudit } from './useSiteAudits';

const LIMIT_LABELS: Record<LimitField, TranslationKey> = {
  maxPages: 'site.form.maxPages',
  maxDepth: 'site.form.maxDepth',
  concurrency: 'site.form.concurrency',
  delayMs: 'site.form.delayMs',
};

const fieldId = (field: FormField) => `site-audit-${field}`;

/** Where the reader should look first: the first field at fault, in the form's order. */
const focusFirst = (faulty: Partial<Record<FormField, unknown>>) => {
  const field = FORM_FIELDS.find((name) => faulty[name]);
  if (field) document.getElementById(fieldId(field))?.focus();
};

/**
 * A page audit (answered in a few seconds) or a crawl (queued): either opens the audit once the
 * server has it. On failure the form keeps what was typed and shows why under the field.
 */
export const AuditForm = () => {
  const { formatMessage } = useIntl();
  const navigate = useNavigate();
  const start = useStartAudit();
  const scopeLabel = useId();
  const [form, setForm] = useState<Form>(INITIAL_FORM);
  const [problems, setProblems] = useState<Partial<Record<FormField, Problem>>>({});
  const serverErrors = useMemo(() => serverErrorsOf(start.error), [start.error]);
  const crawl = form.scope === 'site';

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
    start.mutate(bodyOf(form), {
      onSuccess: (audit) => navigate(siteAnalyzerPath(audit.documentId)),
      onError: (error) => focusFirst(serverErrorsOf(error)),
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

          <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
            <Box aria-live="polite">
              {start.isPending && !crawl ? (
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
              startIcon={crawl ? <Play /> : <Search />}
              loading={start.isPending}
            >
              {formatMessage(msg(crawl ? 'site.form.submit.site' : 'site.form.submit.page'))}
            </Button>
          </Flex>
          {Object.keys(serverErrors).length ? null : <ErrorText error={start.error} />}
        </Flex>
      </form>
    </ToolCard>
  );
};
