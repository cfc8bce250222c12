import type { Test } from 'supertest';
import { IS_CREATOR } from '../../contracts/permissions';
import adminRoutes from '../../server/routes/admin';
import { blogReplies } from '../helpers/fake-blog';
import { asEventStream, generation, GENERATION, waitForStatus } from '../helpers/jobs';
import { allowLocales } from '../helpers/permissions';
import { startFixtureSite, type FixtureSite } from '../helpers/fixture-site';
import { createUser } from '../helpers/strapi';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

/**
 * Every route of the plugin's own route table (not a hand-kept list): who gets in, and whose
 * runs they reach. A route added later is in this matrix the day it is added; one that takes a
 * run's id fails here until it has its case in `OWNED`.
 */

const suite = useSuite();

interface AdminRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  handler: string;
  config?: {
    auth?: false;
    policies?: (string | { name: string; config?: { actions?: string[] } })[];
  };
}

const routes = adminRoutes.routes as AdminRoute[];
const each = (list: AdminRoute[]) => list.map((route) => [label(route), route] as const);

/** The one action a route declares in its `admin::hasPermissions` policy. */
const actionOf = (route: AdminRoute): string | undefined => {
  const policy = route.config?.policies?.find(
    (candidate) => typeof candidate === 'object' && candidate.name === 'admin::hasPermissions',
  );
  return typeof policy === 'object' ? policy.config?.actions?.[0] : undefined;
};

const takesRun = (route: AdminRoute) => /:(documentId|id)\b/.test(route.path);
/** Routes on a user's entry: a content-type uid and its document id, in the path or the body. */
const takesEntry = (route: AdminRoute) =>
  route.path.includes(':entryId') || route.path.startsWith('/seo/tools/');
const label = (route: AdminRoute) => `${route.method} ${route.path}`;

const urlOf = (route: AdminRoute, runId: string) =>
  `/alwrity${route.path
    .replace(/:(documentId|id)\b/, runId)
    .replace(':otherDocumentId', runId)
    .replace(':writer', 'social')
    .replace(':index', '0')
    .replace(':uid', ARTICLE)
    .replace(':entryId', entryId)
    .replace('(.*)', 'api/queues')}`;

type Sender = (url: string) => Test;
const send = (route: AdminRoute, make: (method: string) => Sender, url: string, body?: object) => {
  const request = make(route.method.toLowerCase())(url);
  const withBody = route.method === 'GET' ? request : request.send(body ?? {});
  // Event streams are read to their end (a finished run's stream sends its snapshot and closes).
  return route.path.endsWith('/events') ? asEventStream(withBody) : withBody;
};

const anonymous = (method: string): Sender => {
  const agent = suite.app.http() as unknown as Record<string, Sender>;
  return (url) => agent[method]!(url);
};
const withToken =
  (token: string) =>
  (method: string): Sender => {
    const agent = suite.app.http() as unknown as Record<string, Sender>;
    return (url) => agent[method]!(url).set('Authorization', `Bearer ${token}`);
  };

const ARTICLE = 'api::article.article';
const SITE_AUDIT = 'plugin::alwrity.site-audit';
const SCHEDULE = 'plugin::alwrity.site-audit-schedule';
const CALENDAR_ITEM = 'plugin::alwrity.calendar-item';
const CHAT_SESSION = 'plugin::alwrity.chat-session';
const CHAT_MESSAGE = 'plugin::alwrity.chat-message';
let site: FixtureSite;

/** Runs owned by the Author, each in the state its route acts on. */
const startAsAuthor = async (path: string, body: object) => {
  const { body: answer } = await suite.app.as('author').post(path, body).expect(202);
  return answer.data.documentId as string;
};
const finishedPrompt = async () => {
  const id = await startAsAuthor('/alwrity/generations', { prompt: 'A finished run.' });
  await waitForStatus(suite.app, id, 'succeeded');
  return id;
};
const finishedBlog = async (reviewOutline = false) => {
  const id = await startAsAuthor('/alwrity/writers/blog/generate', {
    input: { topic: 'Composting at home', sections: 2, reviewOutline },
  });
  await waitForStatus(suite.app, id, 'succeeded');
  return id;
};
const runningPrompt = async () => {
  const id = await startAsAuthor('/alwrity/generations', { prompt: 'SLOW: still writing.' });
  await waitForStatus(suite.app, id, 'running');
  return id;
};
const pageAudit = async () => {
  const { body } = await suite.app
    .as('author')
    .post('/alwrity/site-audits', { url: `${site.origin}/about` })
    .expect(200);
  return body.data.documentId as string;
};
const runningCrawl = async () => {
  site.latencyMs = 2_000;
  const id = await startAsAuthor('/alwrity/site-audits', {
    url: `${site.origin}/`,
    scope: 'site',
    concurrency: 1,
  });
  await waitForStatus(suite.app, id, 'running');
  return id;
};
const weeklyAudit = async () => {
  const { body } = await suite.app
    .as('author')
    .post('/alwrity/site-audit-schedules', {
      url: `${site.origin}/about`,
      cron: '0 6 * * 1',
      timezone: 'Europe/Berlin',
    })
    .expect(201);
  return body.data.documentId as string;
};
const calendarItem = async () => {
  const { body } = await suite.app
    .as('author')
    .post('/alwrity/calendar/items', { title: 'A planned post', timezone: 'Europe/Berlin' })
    .expect(201);
  return body.data.documentId as string;
};
/** Conversations are their author's alone: the Editor's own, which another Author never reaches. */
const chatSession = async () => {
  const { body } = await suite.app.as('editor').post('/alwrity/chat/sessions', {}).expect(201);
  return body.data.documentId as string;
};
/** A draft the model proposed in the Editor's conversation, waiting for Confirm or Discard. */
const chatProposal = async () => {
  const message = await suite.strapi.documents(CHAT_MESSAGE as never).create({
    data: {
      role: 'tool',
      content: '{"proposed":true}',
      toolCalls: [],
      proposal: {
        kind: 'create',
        uid: ARTICLE,
        typeName: 'Article',
        locale: 'en',
        fields: { title: 'A proposed draft' },
        status: 'pending',
      },
      session: await chatSession(),
    },
  } as never);
  return (message as { documentId: string }).documentId;
};
const failedPrompt = async () => {
  const id = await finishedPrompt();
  await suite.strapi.db
    .query(GENERATION)
    .update({ where: { documentId: id }, data: { status: 'failed' } });
  return id;
};

interface OwnedCase {
  run: () => Promise<string>;
  body?: object;
  ok: number;
}

const OUTLINE = {
  outline: [
    { heading: 'Why compost', points: [] },
    { heading: 'How to start', points: [] },
  ],
};

/** For each route on one run: the run to act on and a request an Editor succeeds with. */
const OWNED: Record<string, OwnedCase> = {
  'jobs.findOne': { run: finishedPrompt, ok: 200 },
  'jobs.events': { run: finishedPrompt, ok: 200 },
  'jobs.cancel': { run: runningPrompt, ok: 200 },
  'jobs.retry': { run: failedPrompt, ok: 200 },
  'generations.findOne': { run: finishedPrompt, ok: 200 },
  'generations.events': { run: finishedPrompt, ok: 200 },
  'generations.cancel': { run: runningPrompt, ok: 200 },
  'generations.continue': { run: () => finishedBlog(true), body: OUTLINE, ok: 202 },
  'generations.regenerateSection': { run: () => finishedBlog(), body: {}, ok: 200 },
  'site-audits.findOne': { run: pageAudit, ok: 200 },
  'site-audits.pages': { run: pageAudit, ok: 200 },
  'site-audits.compare': { run: pageAudit, ok: 200 },
  'site-audits.issuesCsv': { run: pageAudit, ok: 200 },
  'site-audits.events': { run: pageAudit, ok: 200 },
  'site-audits.cancel': { run: runningCrawl, ok: 200 },
  'site-audit-schedules.update': { run: weeklyAudit, body: { enabled: false }, ok: 200 },
  'site-audit-schedules.delete': { run: weeklyAudit, ok: 204 },
  'calendar.update': { run: calendarItem, body: { status: 'planned' }, ok: 200 },
  'calendar.delete': { run: calendarItem, ok: 204 },
  'chat-sessions.findOne': { run: chatSession, ok: 200 },
  'chat-sessions.update': { run: chatSession, body: { title: 'Renamed' }, ok: 200 },
  'chat-sessions.delete': { run: chatSession, ok: 204 },
  'chat-sessions.send': { run: chatSession, body: { content: 'What is new?' }, ok: 200 },
  'chat-sessions.confirm': { run: chatProposal, ok: 200 },
  'chat-sessions.discard': { run: chatProposal, ok: 200 },
  'generations.save': {
    run: () => finishedBlog(),
    body: { uid: ARTICLE, mapping: { title: 'title' } },
    ok: 201,
  },
};

/** What a run looks like from outside: any write would change one of these. */
const snapshot = async (id: string) => {
  const row =
    (await generation(suite.strapi, id)) ??
    (await suite.strapi.db.query(SITE_AUDIT).findOne({ where: { documentId: id } })) ??
    (await suite.strapi.db.query(SCHEDULE).findOne({ where: { documentId: id } })) ??
    (await suite.strapi.db.query(CALENDAR_ITEM).findOne({ where: { documentId: id } })) ??
    (await suite.strapi.db.query(CHAT_SESSION).findOne({ where: { documentId: id } })) ??
    (await suite.strapi.db.query(CHAT_MESSAGE).findOne({ where: { documentId: id } }));
  return JSON.stringify([
    row.status,
    row.output,
    row.targetDocumentId,
    row.updatedAt,
    row.title,
    row.proposal,
  ]);
};

let otherAuthor: string;
/** An Article no Author created: outside "Is creator" on the content manager's read. */
let entryId = 'a1b2c3d4e5f6g7h8i9j0k1l2';
let holders: Record<string, string>;
let cases = 0;

beforeAll(async () => {
  suite.fake.setDefault((request) =>
    JSON.stringify(request.body).includes('SLOW')
      ? { text: 'Late.', firstTokenDelayMs: 20_000 }
      : { ...blogReplies(2)(request) },
  );
  // The Author role reaches the jobs routes too, under "Is creator", so every route on a run
  // is tried under the condition.
  site = await startFixtureSite({ sectionPages: 5 });
  const author = await suite.strapi.service('admin::role').findOne({ code: 'strapi-author' });
  await suite.strapi.service('admin::role').addPermissions(
    author.id,
    [
      'jobs.read',
      'jobs.manage',
      'site-audit.run',
      'site-audit.read',
      'calendar.read',
      'calendar.manage',
    ].map((action) => ({
      action: `plugin::alwrity.${action}`,
      conditions: [IS_CREATOR],
    })),
  );
  await allowLocales(suite.strapi, 'strapi-editor', 'create', ARTICLE, ['en']);
  // Both may read English Articles: the Author's only refusal left is "Is creator".
  await allowLocales(suite.strapi, 'strapi-editor', 'read', ARTICLE, ['en']);
  await allowLocales(suite.strapi, 'strapi-author', 'read', ARTICLE, ['en']);
  await allowLocales(suite.strapi, 'strapi-editor', 'update', ARTICLE, ['en']);
  otherAuthor = (await createUser(suite.strapi, 'Other Author', { code: 'strapi-author' })).token;
  entryId = (
    await suite.strapi.documents(ARTICLE as never).create({
      data: { title: 'Composting at home', content: 'Compost your kitchen waste.' } as never,
      locale: 'en',
    })
  ).documentId;
  // A role per declared action, holding exactly that action.
  const actions = [...new Set(routes.map(actionOf).filter((a): a is string => Boolean(a)))];
  holders = {};
  for (const action of actions) {
    holders[action] = (
      await createUser(suite.strapi, `Holder ${action}`, { permissions: [{ action }] })
    ).token;
  }
}, 120_000);

afterAll(async () => {
  await site.close();
  console.log(`route matrix: ${routes.length} routes, ${cases} cases`);
});

describe('the route matrix, built from the route table', () => {
  let finished: string;
  beforeAll(async () => {
    finished = await finishedPrompt();
  });

  it('is the table Strapi serves, every route behind a token and one action but the board', () => {
    const served = (
      suite.strapi.plugin('alwrity').routes as unknown as { admin: { routes: AdminRoute[] } }
    ).admin.routes;
    expect(served.map(label)).toEqual(routes.map(label));
    expect(routes.length).toBeGreaterThanOrEqual(23);
    for (const route of routes) {
      expect({ route: label(route), guarded: Boolean(actionOf(route)) }).toEqual({
        route: label(route),
        guarded: route.config?.auth !== false,
      });
    }
  });

  it.each(each(routes))('%s: 401 without a token', async (_name, route) => {
    const response = await send(route, anonymous, urlOf(route, finished));
    cases += 1;
    expect(response.status).toBe(401);
  });

  it.each(each(routes))(
    '%s: 403 for a role holding no plugin permission (401 on the cookie-guarded board)',
    async (_name, route) => {
      const response = await send(
        route,
        withToken(suite.app.tokens.noRole),
        urlOf(route, finished),
      );
      cases += 1;
      expect(response.status).toBe(actionOf(route) ? 403 : 401);
    },
  );

  it.each(each(routes.filter(actionOf)))(
    "%s: a role holding exactly the route's action gets in",
    async (_name, route) => {
      const response = await send(
        route,
        withToken(holders[actionOf(route)!]!),
        urlOf(route, finished),
      );
      cases += 1;
      expect([401, 403, 500]).not.toContain(response.status);
    },
  );
});

describe("a run outside the user's role conditions", () => {
  it.each(each(routes.filter(takesRun)))(
    '%s: 404 for another Author ("Is creator"), nothing changes; 2xx for an Editor',
    async (name, route) => {
      const owned = OWNED[route.handler];
      if (!owned) throw new Error(`${name} takes a run's id: give it a case in OWNED`);
      const id = await owned.run();
      const before = await snapshot(id);

      const refused = await send(route, withToken(otherAuthor), urlOf(route, id), owned.body);
      cases += 1;
      expect(refused.status).toBe(404);
      expect(await snapshot(id)).toBe(before);

      const allowed = await send(
        route,
        withToken(suite.app.tokens.editor),
        urlOf(route, id),
        owned.body,
      );
      cases += 1;
      expect({ status: allowed.status, error: allowed.body?.error?.message }).toEqual({
        status: owned.ok,
        error: undefined,
      });
      // The slow run is stopped, not left writing.
      if (owned.run === runningPrompt || owned.run === runningCrawl) {
        await waitForStatus(suite.app, id, 'canceled');
        site.latencyMs = 0;
      }
    },
    60_000,
  );
});

/** For each route on an entry: a request an Editor (who may read every Article) succeeds with. */
const ENTRY: Record<string, { body?: (entry: object) => object; ok: number }> = {
  'seo.report': { ok: 200 },
  'seo.focus': { body: () => ({ keyphrase: 'compost', locale: 'en' }), ok: 200 },
  'seo-tools.keywords': { body: (entry) => ({ entry, keyphrase: 'compost' }), ok: 200 },
  'seo-tools.contentGap': {
    body: (entry) => ({ entry, competitors: [{ html: '<h2>Worms</h2><p>Worms eat waste.</p>' }] }),
    ok: 200,
  },
  'seo-tools.structuredData': { body: (entry) => ({ entry, type: 'Article' }), ok: 200 },
  // The entry has no image: nothing to describe, no model call.
  'seo-tools.altText': { body: (entry) => ({ entry }), ok: 200 },
};

describe("an entry outside the user's content-manager read conditions", () => {
  it.each(each(routes.filter(takesEntry)))(
    '%s: 404 for an Author ("Is creator" on read), nothing written; 2xx for an Editor',
    async (name, route) => {
      const entry = ENTRY[route.handler];
      if (!entry) throw new Error(`${name} takes an entry: give it a case in ENTRY`);
      // This entry's reports: entries other tests save are analysed in the background meanwhile.
      const reports = () =>
        suite.strapi.db
          .query('plugin::alwrity.seo-report')
          .findMany({ where: { targetDocumentId: entryId } });
      const before = JSON.stringify(await reports());
      const body = entry.body?.({ uid: ARTICLE, documentId: entryId, locale: 'en' });
      const refused = await send(route, withToken(otherAuthor), urlOf(route, ''), body);
      cases += 1;
      expect(refused.status).toBe(404);
      expect(JSON.stringify(await reports())).toBe(before);
      const allowed = await send(route, withToken(suite.app.tokens.editor), urlOf(route, ''), body);
      cases += 1;
      expect({ status: allowed.status, error: allowed.body?.error?.message }).toEqual({
        status: entry.ok,
        error: undefined,
      });
    },
  );
});

describe('the history', () => {
  it("lists to an Author only their own runs, and to an Editor everyone's", async () => {
    const mine = await finishedPrompt();
    const theirs = await suite.app
      .as('editor')
      .post('/alwrity/generations', { prompt: 'An Editor run.' })
      .expect(202);
    await waitForStatus(suite.app, theirs.body.data.documentId, 'succeeded');
    const ids = async (token: string) => {
      const { body } = await withToken(token)('get')('/alwrity/generations?pageSize=100').expect(
        200,
      );
      return body.data.map((row: { documentId: string }) => row.documentId) as string[];
    };
    const authorSees = await ids(suite.app.tokens.author);
    expect(authorSees).toContain(mine);
    expect(authorSees).not.toContain(theirs.body.data.documentId);
    expect(await ids(otherAuthor)).toEqual([]);
    const editorSees = await ids(suite.app.tokens.editor);
    expect(editorSees).toEqual(expect.arrayContaining([mine, theirs.body.data.documentId]));
    await waitUntil('every run to have finished', async () => {
      const { body } = await suite.app.as('superAdmin').get('/alwrity/jobs?status=running');
      return body.data.length === 0;
    });
  });
});
