import { fromWallTime, toWallTime } from '../../../contracts/zoned-time';

const utc = (wall: string, zone: string) => fromWallTime(wall, zone).toISOString();

describe('wall times in a time zone', () => {
  it('keeps 09:00 in Berlin at 09:00 on the days the clocks change', () => {
    expect(utc('2026-03-28T09:00', 'Europe/Berlin')).toBe('2026-03-28T08:00:00.000Z');
    expect(utc('2026-03-29T09:00', 'Europe/Berlin')).toBe('2026-03-29T07:00:00.000Z');
    expect(utc('2026-10-25T09:00', 'Europe/Berlin')).toBe('2026-10-25T08:00:00.000Z');
  });

  it('reads a time the spring change skips as the same moment after the jump', () => {
    const skipped = fromWallTime('2026-03-29T02:30', 'Europe/Berlin');
    expect(skipped.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(toWallTime(skipped, 'Europe/Berlin')).toBe('2026-03-29T03:30');
    // Half-hour changes too (Lord Howe Island moves its clocks by 30 minutes).
    expect(
      toWallTime(fromWallTime('2026-10-04T02:15', 'Australia/Lord_Howe'), 'Australia/Lord_Howe'),
    ).toBe('2026-10-04T02:45');
  });

  it('reads a time the autumn change passes twice as its first passing', () => {
    expect(utc('2026-10-25T02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z');
    expect(utc('2026-11-01T01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
  });

  it.each([
    ['2026-12-01T09:00', 'Asia/Tokyo', '2026-12-01T00:00:00.000Z'],
    ['2026-12-01T09:00', 'Asia/Kolkata', '2026-12-01T03:30:00.000Z'],
    ['2026-07-01T09:00', 'America/Los_Angeles', '2026-07-01T16:00:00.000Z'],
    ['2026-06-01T12:00', 'UTC', '2026-06-01T12:00:00.000Z'],
  ])('%s in %s is %s, and back', (wall, zone, instant) => {
    expect(utc(wall, zone)).toBe(instant);
    expect(toWallTime(new Date(instant), zone)).toBe(wall);
  });

  it.each(['2026-02-30T09:00', '2026-03-29 09:00', '2026-03-29T24:00', 'tomorrow'])(
    'refuses %s',
    (wall) => {
      expect(() => fromWallTime(wall, 'Europe/Berlin')).toThrow(RangeError);
    },
  );
});

describe('wall times with seconds', () => {
  it('reads and writes seconds when the time is not on the minute', () => {
    const instant = fromWallTime('2026-12-02T10:15:30', 'Europe/Berlin');
    expect(instant.toISOString()).toBe('2026-12-02T09:15:30.000Z');
    expect(toWallTime(instant, 'Europe/Berlin')).toBe('2026-12-02T10:15:30');
    expect(toWallTime(new Date('2026-12-02T09:15:00Z'), 'Europe/Berlin')).toBe('2026-12-02T10:15');
    expect(() => fromWallTime('2026-12-02T10:15:61', 'UTC')).toThrow(/exists/);
  });
});
