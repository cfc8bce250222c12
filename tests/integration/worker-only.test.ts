import { useSuite } from '../helpers/suite';

const suite = useSuite({ config: { worker: 'only' } });

describe("a process started with worker: 'only'", () => {
  it('answers every plugin route with 503 and says where to send requests', async () => {
    for (const path of ['/alwrity/settings', '/alwrity/jobs']) {
      const { body } = await suite.app.as('superAdmin').get(path).expect(503);
      expect(body.error.message).toContain("runs Alwrity workers only (worker: 'only')");
    }
    await suite.app.as('superAdmin').post('/alwrity/generations', { prompt: 'x' }).expect(503);
  });

  it('still refuses an anonymous request with 401 before anything else', async () => {
    await suite.app.http().get('/alwrity/jobs').expect(401);
  });
});
