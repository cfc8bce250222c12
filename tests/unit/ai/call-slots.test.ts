import { createCallSlots } from '../../../server/ai/call-slots';
import { createAiClient } from '../../../server/ai/client';
import { createOpenAIAdapter } from '../../../server/ai/openai-adapter';
import type { UsageRecord } from '../../../server/ai/types';
import { startFakeModelServer, type FakeModelServer } from '../../helpers/fake-model-server';
import { peakOpen } from '../../helpers/peak';

/** Lets every pending promise callback run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('call slots', () => {
  it('gives out at most the limit, and the next waiter gets a slot handed back', async () => {
    const slots = createCallSlots(2);
    const gate = slots.gate(1);
    const first = await gate();
    await gate();
    let third = false;
    void gate().then(() => {
      third = true;
    });
    await settle();
    expect(third).toBe(false);
    expect(slots.state()).toEqual({ free: 0, waiting: 1 });
    first();
    first();
    await settle();
    expect(third).toBe(true);
    // Released twice, handed back once: nothing extra became free.
    expect(slots.state()).toEqual({ free: 0, waiting: 0 });
  });

  it('serves the waiting job with the fewest calls first, then the one claimed first', async () => {
    const slots = createCallSlots(1);
    const ahead = slots.gate(1);
    const behind = slots.gate(2);
    // `ahead` has had one call already; `behind` none, so it goes first despite its later claim.
    (await ahead())();
    const busy = await slots.gate(0)();
    const served: string[] = [];
    const wait = (gate: ReturnType<typeof slots.gate>, name: string) =>
      gate().then((release) => {
        served.push(name);
        release();
      });
    const waits = [wait(ahead, 'ahead, second call'), wait(behind, 'behind, first call')];
    busy();
    await Promise.all(waits);
    expect(served).toEqual(['behind, first call', 'ahead, second call']);
  });

  it('drops a waiter whose signal fires, without losing the slot', async () => {
    const slots = createCallSlots(1);
    const gate = slots.gate(0);
    const held = await gate();
    const controller = new AbortController();
    const waiting = gate(controller.signal);
    controller.abort('shutdown');
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError', message: 'shutdown' });
    expect(slots.state()).toEqual({ free: 0, waiting: 0 });
    held();
    expect(slots.state()).toEqual({ free: 1, waiting: 0 });
  });
});

describe('a client whose calls pass a gate', () => {
  let fake: FakeModelServer;
  beforeAll(async () => {
    fake = await startFakeModelServer();
  });
  beforeEach(() => fake.reset());
  afterAll(() => fake.close());

  const clientOf = (usage: UsageRecord[]) =>
    createAiClient({
      adapters: [
        createOpenAIAdapter({
          apiKey: 'sk-test',
          baseURL: fake.openaiBaseURL,
          models: {},
          timeoutMs: 5000,
        }),
      ],
      retry: { maxRetries: 2, baseMs: 5, maxMs: 1000 },
      streamIdleTimeoutMs: 2000,
      onUsage: (record) => {
        usage.push(record);
      },
    });
  const ask = { messages: [{ role: 'user' as const, content: 'One line about tea.' }] };

  it('never has more calls at the provider than slots, streams included', async () => {
    fake.setDefault({ text: 'Tea steeps slowly.', firstTokenDelayMs: 40 });
    const slots = createCallSlots(2);
    const client = clientOf([]);
    await Promise.all(
      Array.from({ length: 6 }, async (_, job) => {
        const context = { feature: 'writer' as const, gate: slots.gate(job) };
        const stream = client.streamText(ask, context);
        for await (const delta of stream) void delta;
        await client.generateText(ask, context);
      }),
    );
    expect(fake.requests).toHaveLength(12);
    expect(peakOpen(fake.requests)).toBe(2);
    expect(slots.state()).toEqual({ free: 2, waiting: 0 });
  });

  it('leaves the slot to another call while a retry waits, and times only the provider', async () => {
    fake.enqueue({ status: 429, retryAfter: 0.3 });
    fake.setDefault({ text: 'Tea.' });
    const slots = createCallSlots(1);
    const usage: UsageRecord[] = [];
    const client = clientOf(usage);
    const done: string[] = [];
    const retried = client
      .generateText(ask, { feature: 'writer', gate: slots.gate(0) })
      .then(() => done.push('retried'));
    // Sent while the first call waits out its Retry-After: it needs the only slot.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const other = client
      .generateText(ask, { feature: 'writer', gate: slots.gate(1) })
      .then(() => done.push('other'));
    await Promise.all([retried, other]);
    expect(done).toEqual(['other', 'retried']);
    expect(fake.requests).toHaveLength(3);

    // A call that waited for its slot reports the provider's time, not the wait.
    const held = await slots.gate(2)();
    const waited = client.generateText(ask, { feature: 'writer', gate: slots.gate(3) });
    await new Promise((resolve) => setTimeout(resolve, 500));
    held();
    await waited;
    expect(usage.at(-1)!.latencyMs).toBeLessThan(500);
  });
});
