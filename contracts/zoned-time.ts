/**
 * Wall-clock times in an IANA time zone and the instants they name, with Intl alone. An editor
 * schedules "09:00 in Berlin"; the queue needs the UTC instant, which moves with daylight saving.
 */

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
const formatterOf = (timeZone: string) => {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
};

/** The zone's wall clock at `instant`, as milliseconds of a UTC calendar. */
const wallMs = (instant: number, timeZone: string) => {
  const parts = Object.fromEntries(
    formatterOf(timeZone)
      .formatToParts(new Date(instant))
      .map((part) => [part.type, Number(part.value)]),
  ) as Record<string, number>;
  return Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour!,
    parts.minute!,
    parts.second!,
  );
};

/** How far the zone's clock is ahead of UTC at `instant`. */
const offsetAt = (instant: number, timeZone: string) =>
  wallMs(instant, timeZone) - Math.floor(instant / 1000) * 1000;

/** The wall time `YYYY-MM-DDTHH:mm` in `timeZone` at `instant` (`:ss` when not on the minute). */
export const toWallTime = (instant: Date, timeZone: string): string => {
  const wall = new Date(wallMs(instant.getTime(), timeZone)).toISOString();
  return wall.slice(0, wall.slice(17, 19) === '00' ? 16 : 19);
};

/**
 * The instant a wall time names in `timeZone`. A time the clocks skip (02:30 on the spring
 * change) is taken as the same moment after the jump (03:30), as a clock moved by hand would
 * read; a time they pass twice (02:30 on the autumn change) as its first passing.
 */
export const fromWallTime = (wall: string, timeZone: string): Date => {
  const match = WALL.exec(wall);
  if (!match) throw new RangeError(`${wall} is not a wall time like 2026-03-29T09:00`);
  const [year, month, day, hour, minute, second] = match
    .slice(1)
    .map((part) => Number(part ?? 0)) as number[];
  const asUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  if (new Date(asUtc).toISOString().slice(0, wall.length) !== wall) {
    throw new RangeError(`${wall} is not a date and time that exists`);
  }
  // The offsets on either side of the wanted instant: one of them is the one in force there.
  const candidates = [
    offsetAt(asUtc - 86_400_000, timeZone),
    offsetAt(asUtc + 86_400_000, timeZone),
  ]
    .map((offset) => asUtc - offset)
    .filter((instant) => wallMs(instant, timeZone) === asUtc)
    .sort((a, b) => a - b);
  if (candidates.length) return new Date(candidates[0]!);
  // Skipped by the clocks: the offset before the jump, read on the far side of it.
  return new Date(asUtc - offsetAt(asUtc - 86_400_000, timeZone));
};
