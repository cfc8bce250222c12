import type { BlogDraft } from '../../contracts/writers';
import { blogReplies, blogStepOf, META, sectionText } from '../helpers/fake-blog';
import { asEventStream, generation, readEvents, waitForStatus } from '../helpers/jobs';
import { useSuite } from '../helpers/suite';
import { waitUntil } from '../helpers/wait';

const suite = useSuite();

beforeEach(() => suite.fake.reset());

const startBlog = async (input: Record<string, unknown>) => {
  const { body } = await suite.app
    .as('author')
    .post('/alwrity/writers/blog/generate', { input: { topic: 'Composting at home', ...input } })
    .expect(202);
  expect(body.data).toEqual({ documentId: expect.any(String), status: 'queued' });
  return body.data.documentId as string;
};

const steps = () => suite.fake.requests.filter((r) => r.kind === 'chat').map(blogStepOf);
const briefOf = (step: string) =>
  JSON.stringify(suite.fake.requests.find((request) => blogStepOf(request) === step)?.body);

describe('the long-form blog writer', () => {
  it('writes the outline, then each section in order with what came before, then the rest', async () => {
    suite.fake.setDefault(blogReplies(3));
    const id = await startBlog({ sections: 3 });
    const job = await waitForStatus(suite.app, id, 'succeeded');
    expect(steps()).toEqual([
      'outline',
      'introduction',
      'section 1',
      'section 2',
      'section 3',
      'conclusion',
      'faq',
      'meta',
    ]);
    const draft = job.result as BlogDraft;
    expect(draft).toMatchObject({
      phase: 'done',
      title: 'Composting at home',
      introduction: 'An introduction to composting.',
      conclusion: 'Start today.',
      meta: META,
    });
    expect(draft.sections).toEqual(
      [1, 2, 3].map((n) => ({ heading: `Heading ${n}`, body: sectionText(n) })),
    );
    expect(draft.faq).toHaveLength(3);
    // Each section sees the outline and the sections before it, not those after.
    expect(briefOf('section 1')).toContain('Heading 3');
    expect(briefOf('section 3')).toContain(sectionText(1));
    expect(briefOf('section 3')).toContain(sectionText(2));
    expect(briefOf('section 2')).not.toContain(sectionText(2));

    const row = await generation(suite.strapi, id);
    expect(row.usage.total).toBeGreaterThan(0);
    expect(row.costEstimate).toBeGreaterThan(0);
    const logs = await suite.strapi.db
      .query('plugin::alwrity.audit-log')
      .findMany({ where: { subjectDocumentId: id } });
    expect(logs).toHaveLength(8);
    expect(
      logs.reduce((sum: number, log: { outputTokens: number }) => sum + log.outputTokens, 0),
    ).toBe(row.usage.output);
  });

  it('reports progress per step, with the text of the step being written', async () => {
    suite.fake.setDefault(blogReplies(2, { chunkDelayMs: 40 }));
    const id = await startBlog({ sections: 2, includeFaq: false });
    const { events } = await readEvents(suite.app, `/alwrity/jobs/${id}/events`);
    const progress = events
      .filter((event) => event.event === 'progress')
      .map((event) => event.data);
    const percents = progress.map((update) => update.percent as number);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    expect(progress.map((update) => update.stage)).toEqual(
      expect.arrayContaining([
        'Writing section 1 of 2: Heading 1',
        'Writing section 2 of 2: Heading 2',
      ]),
    );
    // What the admin needs to say the step in the reader's language.
    expect(progress.map((update) => update.detail?.section)).toEqual(
      expect.arrayContaining([
        { number: 1, of: 2, heading: 'Heading 1' },
        { number: 2, of: 2, heading: 'Heading 2' },
      ]),
    );
    const live = progress.find((update) => update.detail?.step === 'section' && update.detail.text);
    expect(
      sectionText(1).startsWith(live.detail.text) || sectionText(2).startsWith(live.detail.text),
    ).toBe(true);
    expect(events.at(-1)).toMatchObject({
      event: 'job',
      data: { status: 'succeeded', progress: 100 },
    });
  });

  it('in two-step mode stops after the outline, then writes the sections of the edited one', async () => {
    suite.fake.setDefault(blogReplies(3));
    const id = await startBlog({ sections: 3, reviewOutline: true, includeFaq: false });
    const planned = await waitForStatus(suite.app, id, 'succeeded');
    expect(planned.result).toMatchObject({ phase: 'outline', sections: [] });
    expect(steps()).toEqual(['outline']);

    const outline = [
      { heading: 'Why compost', points: ['Less waste'] },
      { heading: 'Greens and browns', points: [] },
    ];
    await suite.app
      .as('author')
      .post(`/alwrity/generations/${id}/continue`, { title: 'My own title', outline })
      .expect(202);
    const written = await waitForStatus(suite.app, id, 'succeeded');
    const draft = written.result as BlogDraft;
    expect(draft).toMatchObject({ phase: 'done', title: 'My own title', outline });
    expect(draft.sections.map((section) => section.heading)).toEqual([
      'Why compost',
      'Greens and browns',
    ]);
    expect(steps()).toEqual([
      'outline',
      'introduction',
      'section 1',
      'section 2',
      'conclusion',
      'meta',
    ]);
    expect(briefOf('section 1')).toContain('Greens and browns');

    // Only an outline waiting for review can continue.
    const again = await suite.app
      .as('author')
      .post(`/alwrity/generations/${id}/continue`, { outline })
      .expect(400);
    expect(again.body.error.message).toMatch(/waiting for its outline/);
  });

  it('rejects a bad outline naming the field, and writes nothing', async () => {
    suite.fake.setDefault(blogReplies(2));
    const id = await startBlog({ sections: 2, reviewOutline: true });
    await waitForStatus(suite.app, id, 'succeeded');
    const { body } = await suite.app
      .as('author')
      .post(`/alwrity/generations/${id}/continue`, { outline: [{ heading: '' }] })
      .expect(400);
    expect(body.error.message).toMatch(/outline/);
    expect((await generation(suite.strapi, id)).output.phase).toBe('outline');
  });

  it('regenerates one section in place, streamed', async () => {
    suite.fake.setDefault(blogReplies(2));
    const id = await startBlog({ sections: 2, includeFaq: false });
    await waitForStatus(suite.app, id, 'succeeded');
    suite.fake.enqueue({ text: 'A fresh take on section two.' });
    const response = await asEventStream(
      suite.app
        .as('author')
        .post(`/alwrity/generations/${id}/sections/1/regenerate`, { instructions: 'Shorter.' }),
    ).expect(200);
    expect(String(response.body)).toContain('event: delta');
    const { body } = await suite.app.as('author').get(`/alwrity/generations/${id}`).expect(200);
    expect(body.data.output.sections.map((s: { body: string }) => s.body)).toEqual([
      sectionText(1),
      'A fresh take on section two.',
    ]);
    const brief = JSON.stringify(suite.fake.requests.at(-1)!.body);
    expect(brief).toContain('Also: Shorter.');
    expect(brief).toContain(sectionText(1));

    await suite.app
      .as('author')
      .post(`/alwrity/generations/${id}/sections/7/regenerate`, {})
      .expect(400);
  });
});

describe('following and stopping a blog post without the Jobs permissions', () => {
  it('lets its author follow it and stop it, and another Author not find it', async () => {
    suite.fake.setDefault(blogReplies(3, { chunkDelayMs: 150 }));
    const id = await startBlog({ sections: 3 });
    // An Author holds neither jobs.read nor jobs.manage.
    await suite.app.as('author').get(`/alwrity/jobs/${id}`).expect(403);
    await waitUntil('the introduction to be under way', () => steps().includes('introduction'));
    const mine = await suite.app
      .as('superAdmin')
      .post('/alwrity/writers/blog/generate', { input: { topic: 'Not the author', sections: 3 } })
      .expect(202);
    // Authors act on their own runs ("Is creator"): another's is not there for them.
    await suite.app
      .as('author')
      .post(`/alwrity/generations/${mine.body.data.documentId}/cancel`)
      .expect(404);
    expect((await generation(suite.strapi, mine.body.data.documentId)).status).not.toBe('canceled');

    const { body } = await suite.app
      .as('author')
      .post(`/alwrity/generations/${id}/cancel`)
      .expect(200);
    expect(['canceled', 'running']).toContain(body.data.status);
    await waitForStatus(suite.app, id, 'canceled');
    const events = await readEvents(suite.app, `/alwrity/generations/${id}/events`, 'author');
    expect(events.response.status).toBe(200);
    expect(events.events).toEqual([
      { event: 'job', data: expect.objectContaining({ id, status: 'canceled' }) },
    ]);
    await suite.app
      .as('superAdmin')
      .post(`/alwrity/jobs/${mine.body.data.documentId}/cancel`)
      .expect(200);
    await waitForStatus(suite.app, mine.body.data.documentId, 'canceled');
  });
});

describe('a blog job survives a Strapi restart', () => {
  it('resumes at the section it was writing, never writing one twice', async () => {
    suite.fake.setDefault(blogReplies(3, { chunkDelayMs: 150 }));
    const id = await startBlog({ sections: 3, includeFaq: false });
    await waitUntil('section 2 to be under way', () => steps().includes('section 2'), 20_000);
    await suite.restart();
    const job = await waitForStatus(suite.app, id, 'succeeded', 30_000);
    const draft = job.result as BlogDraft;
    expect(draft.sections).toEqual(
      [1, 2, 3].map((n) => ({ heading: `Heading ${n}`, body: sectionText(n) })),
    );
    const written = steps();
    // Steps finished before the restart ran once; the one cut short ran again after it.
    for (const step of [
      'outline',
      'introduction',
      'section 1',
      'section 3',
      'conclusion',
      'meta',
    ]) {
      expect(written.filter((s) => s === step)).toHaveLength(1);
    }
    expect(written.filter((s) => s === 'section 2')).toHaveLength(2);
    expect(written.indexOf('section 3')).toBeGreaterThan(written.lastIndexOf('section 2'));
  });
});
