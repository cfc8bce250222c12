import { fuseRanks, RRF_K } from '../../../server/chat/rank-fusion';
import { createVectorIndex } from '../../../server/chat/vector-index';

describe('reciprocal rank fusion', () => {
  it('ranks what both lists rank well above what one ranks first', () => {
    const fused = fuseRanks([
      ['a', 'b', 'c'],
      ['d', 'b', 'e'],
    ]);
    // Ties (a and d, c and e) keep the order they first appeared in.
    expect(fused.map((entry) => entry.id)).toEqual(['b', 'a', 'd', 'c', 'e']);
    expect(fused[0]).toEqual({ id: 'b', score: 2 / (RRF_K + 2), ranks: [2, 2] });
    expect(fused.find((entry) => entry.id === 'e')!.ranks).toEqual([null, 3]);
  });

  it('counts an item a list names twice at its best rank, and takes an empty list', () => {
    const fused = fuseRanks([['a', 'a', 'b'], []]);
    expect(fused).toEqual([
      { id: 'a', score: 1 / (RRF_K + 1), ranks: [1, null] },
      { id: 'b', score: 1 / (RRF_K + 3), ranks: [3, null] },
    ]);
  });
});

describe('the vector index', () => {
  it('answers the nearest by cosine, best first, within the filter', () => {
    const index = createVectorIndex<string>(3, 2);
    index.set('x', [1, 0, 0]);
    index.set('xy', [1, 1, 0]);
    index.set('y', [0, 5, 0]);
    index.set('z', [0, 0, 2]);
    const hits = index.search([2, 0.1, 0], 3);
    expect(hits.map((hit) => hit.id)).toEqual(['x', 'xy', 'y']);
    expect(hits[0]!.score).toBeCloseTo(2 / Math.hypot(2, 0.1), 5);
    expect(index.search([1, 0, 0], 2, (id) => id !== 'x').map((hit) => hit.id)).toEqual([
      'xy',
      'y',
    ]);
  });

  it('replaces a vector under the same id, and reuses a deleted row', () => {
    const index = createVectorIndex<number>(2, 1);
    index.set(1, [1, 0]);
    index.set(2, [0, 1]);
    index.set(1, [0, 1]);
    expect(index.search([1, 0], 1)[0]!.score).toBeCloseTo(0, 5);
    const bytes = index.bytes;
    index.delete(2);
    index.set(3, [1, 0]);
    expect(index.size).toBe(2);
    expect(index.bytes).toBe(bytes);
    expect(index.search([1, 0], 1)).toEqual([{ id: 3, score: expect.closeTo(1, 5) }]);
  });

  it('refuses a vector of the wrong size, and finds nothing for a zero query', () => {
    const index = createVectorIndex<string>(4);
    expect(() => index.set('a', [1, 2])).toThrow(/2 dimensions; this index holds 4/);
    index.set('a', [1, 0, 0, 0]);
    expect(index.search([0, 0, 0, 0], 5)).toEqual([]);
  });
});
