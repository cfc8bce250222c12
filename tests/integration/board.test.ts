import { startGeneration, waitForStatus } from '../helpers/jobs';
import { useSuite } from '../helpers/suite';

const suite = useSuite();

/** Opens a board session as `role` and answers the cookie the board's path receives. */
const boardCookie = async (role: 'superAdmin' | 'editor') => {
  const response = await suite.app.as(role).post('/alwrity/board/session').expect(200);
  expect(response.body.data.url).toBe('/alwrity/board/');
  const cookie = ([] as string[]).concat(response.headers['set-cookie'] ?? [])[0]!;
  expect(cookie).toMatch(/^alwrity_board=[^;]+;.*path=\/alwrity\/board/i);
  expect(cookie).toMatch(/httponly/i);
  expect(cookie).toMatch(/samesite=strict/i);
  return cookie.split(';')[0]!;
};

describe('the bull-board queue dashboard', () => {
  it('opens a session only for a user holding jobs.read', async () => {
    await suite.app.http().post('/alwrity/board/session').expect(401);
    await suite.app.as('noRole').post('/alwrity/board/session').expect(403);
    await boardCookie('editor');
  });

  it('refuses the page and its API without a genuine, live session cookie', async () => {
    await suite.app.http().get('/alwrity/board/').expect(401);
    const cookie = await boardCookie('superAdmin');
    const tampered = cookie.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    const refused = await suite.app
      .http()
      .get('/alwrity/board/api/queues')
      .set('Cookie', tampered)
      .expect(401);
    expect(refused.body.error.message).toContain('Jobs page');
    // A bearer token is not a board session.
    await suite.app.as('superAdmin').get('/alwrity/board/api/queues').expect(401);
  });

  it('serves the dashboard and lists the plugin queues with their jobs, read-only', async () => {
    suite.fake.enqueue({ text: 'On the board.' });
    const id = await startGeneration(suite.app);
    await waitForStatus(suite.app, id, 'succeeded');
    const cookie = await boardCookie('superAdmin');

    const page = await suite.app.http().get('/alwrity/board/').set('Cookie', cookie).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('<base href="/alwrity/board/"');

    const { body } = await suite.app
      .http()
      .get('/alwrity/board/api/queues?activeQueue=generation&status=completed&page=1')
      .set('Cookie', cookie)
      .expect(200);
    const queue = body.queues.find((q: { name: string }) => q.name === 'generation');
    expect(queue).toMatchObject({ readOnlyMode: true });
    expect(queue.counts.completed).toBeGreaterThanOrEqual(1);
    expect(queue.jobs.map((job: { id: string }) => job.id)).toContain(id);

    // Only reads are routed: a write to the board's API goes nowhere.
    const write = await suite.app
      .http()
      .put(`/alwrity/board/api/queues/generation/${id}/retry/completed`)
      .set('Cookie', cookie);
    expect([404, 405]).toContain(write.status);
  });

  it('stops answering once the admin session that opened it ends', async () => {
    const cookie = await boardCookie('editor');
    await suite.app.http().get('/alwrity/board/api/queues').set('Cookie', cookie).expect(200);
    await suite.app.as('editor').post('/admin/logout').expect(200);
    await suite.app.http().get('/alwrity/board/api/queues').set('Cookie', cookie).expect(401);
  });
});
