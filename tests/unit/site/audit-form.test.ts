import {
  INITIAL_FORM,
  problemsOf,
  scheduleBodyOf,
  serverErrorsOf,
  type AuditForm,
} from '../../../admin/pages/site-analyzer/audit-form';
import { scheduleBody } from '../../../contracts/site-audit-schedules';

const form = (patch: Partial<AuditForm>): AuditForm => ({
  ...INITIAL_FORM,
  url: 'example.com/pricing',
  ...patch,
});

describe('the audit form, repeated', () => {
  it.each([
    [{ repeat: 'day', time: '06:30' }, '30 6 * * *'],
    [{ repeat: 'week', time: '07:00', weekday: 5 }, '0 7 * * 5'],
    [{ repeat: 'month', time: '23:45', day: 28 }, '45 23 28 * *'],
  ] as const)('%j asks for the pattern %s in the browser’s zone', (patch, cron) => {
    const body = scheduleBodyOf(form(patch), 'Europe/Berlin');
    expect(body).toEqual({
      url: 'https://example.com/pricing',
      scope: 'page',
      cron,
      timezone: 'Europe/Berlin',
      enabled: true,
    });
    // What the server will take.
    expect(scheduleBody.safeParse(body).success).toBe(true);
  });

  it('sends a crawl’s limits with its schedule', () => {
    const body = scheduleBodyOf(form({ scope: 'site', repeat: 'day' }), 'UTC');
    expect(body).toMatchObject({ scope: 'site', maxPages: 100, delayMs: 250 });
  });

  it('asks for a time and a day every month has', () => {
    expect(problemsOf(form({ repeat: 'day', time: '' }))).toEqual({
      time: { key: 'site.form.time.required' },
    });
    expect(problemsOf(form({ repeat: 'month', day: 31 }))).toEqual({
      day: { key: 'site.form.day.range', values: { max: 28 } },
    });
    expect(problemsOf(form({ repeat: 'month', day: undefined }))).toEqual({
      day: { key: 'form.error.required' },
    });
    expect(problemsOf(form({ repeat: 'once', time: '', day: undefined }))).toEqual({});
  });

  it('shows the server’s words on the pattern and the zone under the repeat choice', () => {
    const error = {
      response: {
        data: {
          error: {
            details: {
              errors: [
                { path: ['cron'], message: 'fires every 30 minutes' },
                { path: ['url'], message: 'is a loopback address' },
              ],
            },
          },
        },
      },
    };
    expect(serverErrorsOf(error)).toEqual({
      repeat: 'fires every 30 minutes',
      url: 'is a loopback address',
    });
  });
});
