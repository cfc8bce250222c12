import {
  Box,
  Button,
  Checkbox,
  Field,
  Flex,
  Grid,
  Modal,
  NumberInput,
  ProgressBar,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Sparkle } from '@strapi/icons';
import { useEffect, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { CHANNELS } from '../../../contracts/calendar';
import type { PlannedItem, PlanRequest } from '../../../contracts/calendar-plan';
import { ErrorText } from '../../components/ErrorText';
import { TextField } from '../../components/TextField';
import { msg } from '../../utils/translations';
import { useCreateItem } from './useCalendarItems';
import { usePlan, usePlanJob } from './useCalendarTools';

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** Next Monday on the editor's calendar: plans start on a week's first day. */
const nextMonday = () => {
  const day = new Date();
  day.setDate(day.getDate() + ((8 - day.getDay()) % 7 || 7));
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
};

interface Proposal extends PlannedItem {
  chosen: boolean;
  added: boolean;
}

/**
 * The AI planner: topics, keyphrases and a cadence in; dated proposals out, which the editor
 * accepts all, some, or edits first. Nothing reaches the calendar until "Add".
 */
export const PlanDialog = ({ zone }: { zone: string }) => {
  const { formatMessage } = useIntl();
  const label = (key: Parameters<typeof msg>[0]) => formatMessage(msg(key));
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    topics: '',
    keyphrases: '',
    audience: '',
    perWeek: 3,
    weeks: 4,
    start: nextMonday(),
    time: '09:00',
    channels: ['blog'] as PlanRequest['channels'],
  });
  const [proposals, setProposals] = useState<Proposal[] | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [adding, setAdding] = useState<{ done: number; total: number } | null>(null);
  const plan = usePlan();
  const job = usePlanJob(jobId);
  const create = useCreateItem();

  const show = (items: PlannedItem[]) =>
    setProposals(items.map((item) => ({ ...item, chosen: true, added: false })));
  const jobStatus = job.data?.status;
  const jobResult = jobStatus === 'succeeded' ? job.data?.result : undefined;
  useEffect(() => {
    if (jobResult) show((jobResult as { items: PlannedItem[] }).items);
  }, [jobResult]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setProposals(null);
    setJobId(null);
    plan.mutate(
      {
        topics: lines(form.topics),
        keyphrases: lines(form.keyphrases),
        perWeek: form.perWeek,
        weeks: form.weeks,
        channels: form.channels,
        ...(form.audience.trim() ? { audience: form.audience.trim() } : {}),
        start: form.start,
        time: form.time,
        timezone: zone,
      },
      {
        onSuccess: (data) => ('items' in data ? show(data.items) : setJobId(data.documentId)),
      },
    );
  };

  // One at a time, so a failure stops with what was added marked and the rest still chosen.
  const addChosen = async () => {
    const chosen = (proposals ?? []).filter((item) => item.chosen && !item.added);
    setAdding({ done: 0, total: chosen.length });
    for (const [i, item] of chosen.entries()) {
      try {
        await create.mutateAsync({
          title: item.title,
          brief: item.brief || null,
          status: 'planned',
          channel: item.channel,
          publishAt: item.publishAtLocal,
          timezone: item.timezone,
          focusKeyphrase: item.focusKeyphrase,
          tags: [],
        });
      } catch {
        break;
      }
      setProposals((current) =>
        (current ?? []).map((p) => (p.publishAt === item.publishAt ? { ...p, added: true } : p)),
      );
      setAdding({ done: i + 1, total: chosen.length });
    }
  };

  const update = (index: number, change: Partial<Proposal>) =>
    setProposals((current) =>
      (current ?? []).map((item, i) => (i === index ? { ...item, ...change } : item)),
    );
  const chosenCount = (proposals ?? []).filter((item) => item.chosen && !item.added).length;
  const waiting = plan.isPending || (jobId !== null && !proposals && jobStatus !== 'failed');

  return (
    <Modal.Root open={open} onOpenChange={setOpen}>
      <Modal.Trigger>
        <Button variant="secondary" startIcon={<Sparkle />}>
          {label('calendar.plan.open')}
        </Button>
      </Modal.Trigger>
      <Modal.Content style={{ width: 'min(96rem, 96vw)', maxWidth: '96vw' }}>
        <Modal.Header>
          <Modal.Title>{label('calendar.plan.title')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <form id="calendar-plan" onSubmit={submit} noValidate>
            <Grid.Root gap={4}>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="plan-topics"
                  label={label('calendar.plan.topics')}
                  hint={label('calendar.plan.perLine')}
                  required
                  multiline
                  value={form.topics}
                  onChange={(value) => setForm({ ...form, topics: value })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="plan-keyphrases"
                  label={label('calendar.plan.keyphrases')}
                  hint={label('calendar.plan.perLine')}
                  multiline
                  value={form.keyphrases}
                  onChange={(value) => setForm({ ...form, keyphrases: value })}
                />
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <Field.Root name="plan-per-week">
                  <Field.Label>{label('calendar.plan.perWeek')}</Field.Label>
                  <NumberInput
                    value={form.perWeek}
                    onValueChange={(value?: number) => setForm({ ...form, perWeek: value ?? 1 })}
                  />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <Field.Root name="plan-weeks">
                  <Field.Label>{label('calendar.plan.weeks')}</Field.Label>
                  <NumberInput
                    value={form.weeks}
                    onValueChange={(value?: number) => setForm({ ...form, weeks: value ?? 1 })}
                  />
                </Field.Root>
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <TextField
                  name="plan-start"
                  label={label('calendar.plan.start')}
                  hint={zone}
                  type="date"
                  value={form.start}
                  onChange={(value) => setForm({ ...form, start: value })}
                />
              </Grid.Item>
              <Grid.Item col={3} s={6} direction="column" alignItems="stretch">
                <TextField
                  name="plan-time"
                  label={label('calendar.plan.time')}
                  type="time"
                  value={form.time}
                  onChange={(value) => setForm({ ...form, time: value })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <TextField
                  name="plan-audience"
                  label={label('calendar.plan.audience')}
                  value={form.audience}
                  onChange={(value) => setForm({ ...form, audience: value })}
                />
              </Grid.Item>
              <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                <Typography variant="pi" fontWeight="bold">
                  {label('calendar.field.channel')}
                </Typography>
                <Flex gap={3} wrap="wrap" paddingTop={2}>
                  {CHANNELS.map((channel) => (
                    <Checkbox
                      key={channel}
                      checked={form.channels.includes(channel)}
                      onCheckedChange={(checked: boolean) =>
                        setForm({
                          ...form,
                          channels: checked
                            ? [...form.channels, channel]
                            : form.channels.filter((c) => c !== channel),
                        })
                      }
                    >
                      {formatMessage(msg(`calendar.channel.${channel}`))}
                    </Checkbox>
                  ))}
                </Flex>
              </Grid.Item>
            </Grid.Root>
          </form>
          <Box paddingTop={4}>
            {plan.error ? <ErrorText error={plan.error} /> : null}
            {jobStatus === 'failed' ? <ErrorText error={new Error(job.data?.error ?? '')} /> : null}
            {waiting ? (
              <Flex direction="column" alignItems="stretch" gap={2}>
                <Typography>{label('calendar.plan.working')}</Typography>
                <ProgressBar value={job.data?.progress ?? 5} />
              </Flex>
            ) : null}
            {proposals ? (
              <Table colCount={5} rowCount={proposals.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Checkbox
                        aria-label={label('calendar.plan.all')}
                        checked={proposals.every((item) => item.chosen)}
                        onCheckedChange={(checked: boolean) =>
                          setProposals(proposals.map((item) => ({ ...item, chosen: checked })))
                        }
                      />
                    </Th>
                    <Th>{label('calendar.field.publishAt')}</Th>
                    <Th>{label('calendar.field.title')}</Th>
                    <Th>{label('calendar.field.channel')}</Th>
                    <Th>{label('calendar.field.keyphrase')}</Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {proposals.map((item, index) => (
                    <Tr key={item.publishAt}>
                      <Td>
                        <Checkbox
                          aria-label={item.title}
                          disabled={item.added}
                          checked={item.chosen}
                          onCheckedChange={(checked: boolean) => update(index, { chosen: checked })}
                        />
                      </Td>
                      <Td>
                        <Typography>{item.publishAtLocal.replace('T', ' ')}</Typography>
                      </Td>
                      <Td>
                        <TextInput
                          aria-label={label('calendar.field.title')}
                          value={item.title}
                          disabled={item.added}
                          onChange={(e: { target: { value: string } }) =>
                            update(index, { title: e.target.value })
                          }
                        />
                        {item.note ? (
                          <Typography variant="pi" textColor="warning600">
                            {item.note}
                          </Typography>
                        ) : null}
                      </Td>
                      <Td>
                        <Typography>
                          {formatMessage(msg(`calendar.channel.${item.channel}`))}
                        </Typography>
                      </Td>
                      <Td>
                        <Typography>
                          {item.added ? label('calendar.plan.added') : (item.focusKeyphrase ?? '—')}
                        </Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>
            ) : null}
            {adding ? (
              <Box paddingTop={3}>
                <ProgressBar value={(adding.done / Math.max(1, adding.total)) * 100} />
                <Typography>{formatMessage(msg('calendar.plan.adding'), adding)}</Typography>
              </Box>
            ) : null}
            {create.error ? <ErrorText error={create.error} /> : null}
          </Box>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{label('calendar.sheet.close')}</Button>
          </Modal.Close>
          <Flex gap={2}>
            <Button variant="secondary" type="submit" form="calendar-plan" loading={waiting}>
              {label('calendar.plan.propose')}
            </Button>
            {proposals ? (
              <Button disabled={!chosenCount || create.isPending} onClick={addChosen}>
                {formatMessage(msg('calendar.plan.add'), { count: chosenCount })}
              </Button>
            ) : null}
          </Flex>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};
