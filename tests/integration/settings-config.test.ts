import { useSuite } from '../helpers/suite';
import { startGeneration, waitForStatus } from '../helpers/jobs';

// Providers set in the config file (the suite's default), and no Redis: the inline driver.
const locked = useSuite({ redis: false });

describe('values from the config file', () => {
  it('win over saved values and cannot be changed from the admin', async () => {
    const { body } = await locked.app.as('superAdmin').get('/alwrity/settings').expect(200);
    expect(body.data.providers.openai.apiKey).toMatchObject({
      source: 'config',
      locked: true,
      value: '…1234',
    });
    const refused = await locked.app
      .as('superAdmin')
      .put('/alwrity/settings', { providers: { openai: { apiKey: 'sk-another-key-0000' } } })
      .expect(400);
    expect(refused.body.error.message).toContain('providers.openai.apiKey');
    expect(body.data.queue).toEqual({ driver: 'inline', worker: 'on' });
  });
});

describe('without Redis', () => {
  it('runs jobs in this process with the inline driver', async () => {
    locked.fake.enqueue({ text: 'Inline and fine.' });
    const id = await startGeneration(locked.app);
    const job = await waitForStatus(locked.app, id, 'succeeded');
    expect(job.result).toEqual({ text: 'Inline and fine.' });
  });
});

describe('the queue dashboard without Redis', () => {
  it('is not offered, and asking for it says why', async () => {
    const { body } = await locked.app.as('superAdmin').get('/alwrity/jobs').expect(200);
    expect(body.meta.queue).toEqual({ driver: 'inline' });
    const refused = await locked.app.as('superAdmin').post('/alwrity/board/session').expect(400);
    expect(refused.body.error.message).toContain('needs Redis');
  });
});
