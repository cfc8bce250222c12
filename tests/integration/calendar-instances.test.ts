import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CalendarItemView } from '../../contracts/calendar';
import { toWallTime } from '../../contracts/zoned-time';
import { createUser } from '../helpers/strapi';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';
import { startWorkerProcess, type WorkerProcess } from '../helpers/worker-process';

/**
 * Two Strapi instances in two processes on one PostgreSQL and one Redis publish 200 scheduled
 * entries, one instance killed (SIGKILL) and restarted midway: each entry is published exactly
 * once, counted from the Document Service in every process.
 */

const ENTRIES = 200;
const SPREAD_MS = 60_000;
const logDir = mkdtempSync(path.join(tmpdir(), 'alwrity-instances-'));
const LOG = path.join(logDir, 'publishes.jsonl');
// This process takes the editors' requests; the two instances run the jobs.
const suite = useSuite({
  database: 'postgres',
  config: { worker: 'off' },
  env: { PLAYGROUND_PUBLISH_LOG: LOG },
});
const instances: WorkerProcess[] = [];

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop('SIGKILL')));
  rmSync(logDir, { recursive: true, force: true });
});

const publishLines = () => {
  try {
    return readFileSync(LOG, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { action: string; documentId: string; pid: number });
  } catch {
    return [];
  }
};

const statusCounts = async () => {
  const rows = (await suite.strapi.db
    .query('plugin::alwrity.calendar-item')
    .findMany({ select: ['status'] })) as { status: string }[];
  return rows.reduce<Record<string, number>>(
    (counts, row) => ({ ...counts, [row.status]: (counts[row.status] ?? 0) + 1 }),
    {},
  );
};

describe('scheduled publishing across instances', () => {
  it(`publishes ${ENTRIES} entries exactly once with one instance killed and restarted midway`, async () => {
    const [first, second] = await Promise.all([
      startWorkerProcess(suite.env()),
      startWorkerProcess(suite.env()),
    ]);
    instances.push(first!, second!);
    const publisher = await createUser(suite.strapi, 'Publisher', {
      permissions: [
        { action: 'plugin::alwrity.calendar.manage' },
        ...['publish', 'read'].map((action) => ({
          action: `plugin::content-manager.explorer.${action}`,
          subject: 'api::article.article',
          properties: { locales: ['en'] },
        })),
      ],
    });

    const documents = suite.strapi.documents('api::article.article' as never);
    const articles: string[] = [];
    for (let i = 0; i < ENTRIES; i += 1) {
      const { documentId } = await documents.create({
        data: { title: `Scheduled entry ${i}` } as never,
        locale: 'en',
      });
      articles.push(documentId);
    }

    // Far enough ahead to schedule them all, then one every SPREAD_MS / ENTRIES.
    const start = Math.ceil((Date.now() + 15_000) / 1000) * 1000;
    const items: CalendarItemView[] = [];
    for (const [i, documentId] of articles.entries()) {
      const at = new Date(start + Math.round((i * SPREAD_MS) / ENTRIES));
      const { body } = await suite.app
        .http()
        .post('/alwrity/calendar/items')
        .set('Authorization', `Bearer ${publisher.token}`)
        .send({
          title: `Entry ${i}`,
          timezone: 'UTC',
          status: 'scheduled',
          target: { uid: 'api::article.article', documentId, locale: 'en' },
          publishAt: toWallTime(at, 'UTC'),
        })
        .expect(201);
      items.push(body.data);
    }
    expect(Date.now()).toBeLessThan(start);

    // Midway, the first instance dies without a chance to hand anything back, and comes back.
    await new Promise((resolve) => setTimeout(resolve, start + SPREAD_MS / 2 - Date.now()));
    const publishedBeforeKill = publishLines().length;
    await instances.shift()!.stop('SIGKILL');
    instances.push(await startWorkerProcess(suite.env()));

    await waitUntil(
      `all ${ENTRIES} items published`,
      async () => (await statusCounts()).published === ENTRIES,
      // The jobs of the killed instance come back once BullMQ sees their lock expire.
      SPREAD_MS + 120_000,
      500,
    );
    // Anything still in flight would show up as a second publish: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 2000));

    const lines = publishLines().filter((line) => line.action === 'publish');
    const perEntry = new Map<string, number>();
    for (const line of lines)
      perEntry.set(line.documentId, (perEntry.get(line.documentId) ?? 0) + 1);
    expect([...perEntry.values()].filter((count) => count !== 1)).toEqual([]);
    expect([...perEntry.keys()].sort()).toEqual([...articles].sort());
    expect(lines).toHaveLength(ENTRIES);
    // Both instances did work, before and after the kill, and none of it ran in this process.
    expect(publishedBeforeKill).toBeGreaterThan(0);
    expect(publishedBeforeKill).toBeLessThan(ENTRIES);
    expect(lines.some((line) => line.pid === process.pid)).toBe(false);
    expect(new Set(lines.map((line) => line.pid)).size).toBeGreaterThanOrEqual(2);

    const published = await Promise.all(
      articles.map((documentId) =>
        documents.findOne({ documentId, locale: 'en', status: 'published' } as never),
      ),
    );
    expect(published.filter((entry) => !entry)).toEqual([]);
    const late = (
      (await suite.strapi.db
        .query('plugin::alwrity.calendar-item')
        .findMany({ select: ['lateMs'] })) as { lateMs: number }[]
    )
      .map((row) => row.lateMs)
      .sort((a, b) => a - b);
    console.log(
      `fire lateness over ${late.length}: median ${late[Math.floor(late.length / 2)]} ms, p99 ${late[Math.floor(late.length * 0.99)]} ms, worst ${late.at(-1)} ms`,
    );
  }, 300_000);
});
