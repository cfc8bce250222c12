import type { PlanResult } from '../../contracts/calendar-plan';
import { waitForStatus } from '../helpers/jobs';
import { useSuite } from '../helpers/suite';

/** The AI planner: dated proposals, validated, avoiding keyphrases already taken. */

const suite = useSuite({ redis: false });
const PLAN = '/alwrity/calendar/plan';

/** A Monday a few weeks ahead, so every slot is in the future. */
const nextMonday = () => {
  const day = new Date(Date.now() + 21 * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((8 - day.getUTCDay()) % 7));
  return day.toISOString().slice(0, 10);
};

const proposals = (count: number, keyphrase = (i: number) => `compost topic ${i}`) =>
  JSON.stringify({
    items: Array.from({ length: count }, (_, i) => ({
      title: `Compost idea ${i + 1}`,
      brief: `Angle ${i + 1}.`,
      focusKeyphrase: keyphrase(i),
      channel: i === 1 ? 'fax' : 'blog',
    })),
  });

const request = (fields: object = {}) => ({
  topics: ['Composting at home'],
  keyphrases: ['home compost'],
  perWeek: 3,
  weeks: 2,
  channels: ['blog', 'social'],
  audience: 'Gardeners in flats',
  start: nextMonday(),
  time: '09:00',
  timezone: 'Europe/Berlin',
  ...fields,
});

const withinRange = (plan: PlanResult, start: string, weeks: number) => {
  const from = Date.parse(`${start}T00:00:00Z`) - 2 * 3_600_000;
  const to = Date.parse(`${start}T00:00:00Z`) + weeks * 7 * 86_400_000;
  return plan.items.every(
    (item) => Date.parse(item.publishAt) >= from && Date.parse(item.publishAt) < to,
  );
};

beforeEach(() => suite.fake.reset());

describe('POST /alwrity/calendar/plan', () => {
  it('proposes items dated within the range, 09:00 on the editor clock, keyphrases not reused', async () => {
    await suite.app
      .as('editor')
      .post('/alwrity/calendar/items', {
        title: 'Already planned',
        timezone: 'UTC',
        focusKeyphrase: 'Compost Topic 3!',
      })
      .expect(201);
    suite.fake.enqueue({ text: proposals(6) });
    const body = request();
    const { body: answer } = await suite.app.as('editor').post(PLAN, body).expect(200);
    const plan = answer.data as PlanResult;
    expect(plan.items).toHaveLength(6);
    expect(withinRange(plan, body.start, 2)).toBe(true);
    expect(plan.items.every((item) => item.publishAtLocal.endsWith('T09:00'))).toBe(true);
    expect(new Set(plan.items.map((item) => item.publishAtLocal.slice(0, 10))).size).toBe(6);
    // The model's odd channel is replaced; the taken keyphrase is dropped, and said so.
    expect(plan.items[1]!.channel).toBe('social');
    expect(plan.items[3]!.focusKeyphrase).toBeNull();
    expect(plan.items[3]!.note).toMatch(/already targeted by an existing entry/);
    expect(plan.skippedKeyphrases).toEqual(['compost topic 3']);
    // The prompt asked for six items and named the keyphrase to avoid.
    const prompt = JSON.stringify(suite.fake.requests[0]!.body);
    expect(prompt).toContain('Plan exactly 6 content items');
    expect(prompt).toContain('Compost Topic 3!');
    // Nothing is saved to the calendar until the editor accepts items.
    expect(await suite.strapi.db.query('plugin::alwrity.calendar-item').count()).toBe(1);
    const audit = await suite.strapi.db
      .query('plugin::alwrity.audit-log')
      .findMany({ where: { feature: 'calendar' } });
    expect(audit).toHaveLength(1);
  });

  it('refuses a model answer that is not a plan, after one repair, with 502', async () => {
    suite.fake.enqueue({ text: '{"items": "none"}' }, { text: 'Sorry, no JSON today.' });
    const { body } = await suite.app.as('editor').post(PLAN, request()).expect(502);
    expect(body.error.message).toMatch(/./);
    expect(suite.fake.requests).toHaveLength(2);
  });

  it('runs a large plan as a job whose result is the dated plan', async () => {
    suite.fake.setDefault({ text: proposals(36) });
    const body = request({ perWeek: 3, weeks: 12 });
    const { body: answer } = await suite.app.as('editor').post(PLAN, body).expect(202);
    const job = await waitForStatus(suite.app, answer.data.documentId, 'succeeded');
    const plan = job.result as PlanResult;
    expect(plan.items).toHaveLength(36);
    expect(withinRange(plan, body.start, 12)).toBe(true);
  });

  it.each([
    [{ start: '2020-01-06' }, 'start'],
    [{ perWeek: 14, weeks: 10 }, 'weeks'],
    [{ timezone: 'Nowhere/Else' }, 'timezone'],
    [{ channels: ['fax'] }, 'channels'],
  ])('refuses %j with a 400 naming %s, before any model call', async (change, field) => {
    const { body } = await suite.app.as('editor').post(PLAN, request(change)).expect(400);
    expect(body.error.message).toContain(field);
    expect(suite.fake.requests).toHaveLength(0);
  });

  it('is refused to a role without calendar.manage', async () => {
    await suite.app.as('author').post(PLAN, request()).expect(403);
  });
});
