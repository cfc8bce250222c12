import {
  durableBacklog,
  type BacklogStore,
  type Kept,
} from '../../../server/queue/durable-backlog';

interface Job {
  id: string;
  version: number;
}

/** A store as the plugin store behaves: what was set is what is read back, as a copy. */
const memoryStore = () => {
  let value: Record<string, Kept<Job>> | null = null;
  const store: BacklogStore<Job> = {
    get: async () => value && { ...value },
    set: async (next) => {
      value = { ...next };
    },
  };
  const kept = () =>
    value && Object.fromEntries(Object.entries(value).map(([key, { item }]) => [key, item]));
  return { store, kept };
};

const backlogOn = (store: BacklogStore<Job>, overflow: Job[] = []) =>
  durableBacklog(store, (job) => job.id, { limit: 2, onOverflow: (job) => overflow.push(job) });

describe('a durable backlog', () => {
  it('keeps the latest of each key, up to its limit, and says what it could not keep', async () => {
    const { store, kept } = memoryStore();
    const overflow: Job[] = [];
    const backlog = backlogOn(store, overflow);
    // Side by side, as saves come: each one's write sees the others'.
    await Promise.all([
      backlog.add({ id: 'a', version: 1 }),
      backlog.add({ id: 'b', version: 1 }),
      backlog.add({ id: 'a', version: 2 }),
      backlog.add({ id: 'c', version: 1 }),
    ]);
    expect(kept()).toEqual({ a: { id: 'a', version: 2 }, b: { id: 'b', version: 1 } });
    expect(overflow).toEqual([{ id: 'c', version: 1 }]);
  });

  it('sends what it keeps and forgets it; what is refused stays, and the rest still goes', async () => {
    const { store, kept } = memoryStore();
    const backlog = backlogOn(store);
    await backlog.add({ id: 'a', version: 1 });
    await backlog.add({ id: 'b', version: 1 });
    const sent: string[] = [];
    const refused = new Error('Redis is away');
    await expect(
      backlog.flush(async (job) => {
        if (job.id === 'a') throw refused;
        sent.push(job.id);
      }),
    ).rejects.toBe(refused);
    expect(sent).toEqual(['b']);
    expect(kept()).toEqual({ a: { id: 'a', version: 1 } });

    await backlog.flush(async (job) => void sent.push(job.id));
    expect(sent).toEqual(['b', 'a']);
    expect(kept()).toEqual({});
  });

  it('keeps what another process kept again while it was being sent', async () => {
    const { store, kept } = memoryStore();
    const backlog = backlogOn(store);
    const other = backlogOn(store);
    const job = { id: 'a', version: 1 };
    await backlog.add(job);
    // The same document saved again elsewhere, its job refused again, while this one sends.
    await backlog.flush(async () => other.add({ ...job }));
    expect(kept()).toEqual({ a: job });
  });
});
