import { toWallTime } from '../../contracts/zoned-time';
import { logInAsDemoAdmin, screenshot } from '../helpers/browser';
import { useFakePlayground } from '../helpers/e2e-suite';

// The content calendar in Chromium: create, drag, schedule, and watch it publish.
const e2e = useFakePlayground(Number(process.env.E2E_PORT_CALENDAR ?? 1395));
const calendar = () => `${e2e.server.url}/admin/plugins/alwrity/calendar`;

const DAY = 86_400_000;
const dayIn = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);
const zone = () => e2e.page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone);

/** FullCalendar starts a drag on pointer moves, not on a synthetic drop: move in steps. */
const drag = async (from: string, to: string) => {
  const source = await e2e.page.locator(from).boundingBox();
  const target = await e2e.page.locator(to).boundingBox();
  if (!source || !target) throw new Error(`Nothing to drag from ${from} to ${to}`);
  await e2e.page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await e2e.page.mouse.down();
  await e2e.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, {
    steps: 15,
  });
  await e2e.page.mouse.up();
};

describe('the content calendar', () => {
  it('creates an item on a clicked day, moves it by dragging, and sees it publish on time', async () => {
    await logInAsDemoAdmin(e2e.page, e2e.server.url);
    await e2e.page.goto(calendar());
    await e2e.page.getByRole('heading', { name: 'Content calendar' }).waitFor();
    await e2e.page.getByText(`Times shown in ${await zone()}`).waitFor();

    // Click a day: the sheet opens with that day at 09:00.
    const first = dayIn(2);
    await e2e.page.locator(`td.fc-daygrid-day[data-date="${first}"]`).click();
    await e2e.page.getByRole('heading', { name: 'New calendar item' }).waitFor();
    await e2e.page.getByLabel('Title').fill('Launch announcement');
    await e2e.page.getByLabel('Brief').fill('What ships this week and why it matters.');
    await e2e.page.getByLabel('Focus keyphrase').fill('release notes');
    await screenshot(e2e.page, '40-calendar-new-item');
    await e2e.page.getByRole('button', { name: 'Save' }).click();
    const event = `td[data-date="${first}"] .fc-event:has-text("Launch announcement")`;
    await e2e.page.locator(event).waitFor();

    // Drag it one day on: it is saved there.
    const second = dayIn(3);
    await drag(event, `td.fc-daygrid-day[data-date="${second}"]`);
    const moved = `td[data-date="${second}"] .fc-event:has-text("Launch announcement")`;
    await e2e.page.locator(moved).waitFor();
    await e2e.page.reload();
    await e2e.page.locator(moved).waitFor();
    await screenshot(e2e.page, '41-calendar-month');

    // Schedule it for a near time, with an entry to publish.
    await e2e.page.locator(moved).click();
    await e2e.page.getByRole('heading', { name: 'Edit calendar item' }).waitFor();
    const sheet = e2e.page.getByRole('dialog');
    await sheet.getByLabel('Status').click();
    await e2e.page.getByRole('option', { name: 'Scheduled' }).click();
    const soon = toWallTime(new Date(Math.ceil(Date.now() / 1000) * 1000 + 20_000), await zone());
    await sheet
      .getByLabel('Publish at', { exact: true })
      .fill(soon.length === 16 ? `${soon}:00` : soon);
    await sheet.getByLabel('Entry', { exact: true }).click();
    await e2e.page.getByRole('option').first().click();
    await screenshot(e2e.page, '42-calendar-schedule');
    await e2e.page.getByRole('button', { name: 'Save' }).click();
    await e2e.page
      .getByRole('heading', { name: 'Edit calendar item' })
      .waitFor({ state: 'hidden' });

    // The page polls: the item turns published once its time has come.
    await e2e.page
      .locator('.fc-event.alwrity-status-published')
      .first()
      .waitFor({ timeout: 60_000 });
    await e2e.page.getByLabel('Colour by').click();
    await e2e.page.getByRole('option', { name: 'Status' }).click();
    await screenshot(e2e.page, '43-calendar-published');
  });

  it('shows the week and agenda views', async () => {
    await e2e.page.getByRole('button', { name: 'Week' }).click();
    await e2e.page.locator('.fc-timeGridWeek-view').waitFor();
    await screenshot(e2e.page, '44-calendar-week');
    await e2e.page.getByRole('button', { name: 'Agenda' }).click();
    await e2e.page.locator('.fc-listMonth-view').waitFor();
    await e2e.page.getByText('Launch announcement').first().waitFor();
    await screenshot(e2e.page, '45-calendar-agenda');
  });

  it('plans with AI: proposals dated in the range, some accepted into the calendar', async () => {
    await e2e.page.goto(calendar());
    e2e.fake.enqueue({
      text: JSON.stringify({
        items: Array.from({ length: 6 }, (_, i) => ({
          title: `Balcony compost, part ${i + 1}`,
          brief: `Step ${i + 1} of composting in a flat.`,
          focusKeyphrase: `balcony compost ${i + 1}`,
          channel: i % 2 ? 'social' : 'blog',
        })),
      }),
    });
    await e2e.page.getByRole('button', { name: 'Plan with AI' }).click();
    const dialog = e2e.page.getByRole('dialog');
    await dialog.getByLabel('Pillars or topics').fill('Composting in a flat');
    await dialog.getByLabel('Target keyphrases').fill('balcony compost');
    await dialog.getByLabel('Items per week').fill('3');
    await dialog.getByLabel('Weeks', { exact: true }).fill('2');
    await dialog.getByRole('checkbox', { name: 'Social' }).click();
    await dialog.getByRole('button', { name: 'Propose a plan' }).click();
    // Titles are editable: each proposal is a row with its own checkbox.
    const last = dialog.getByRole('checkbox', { name: 'Balcony compost, part 6' });
    await last.waitFor();
    // Leave one out, then add the other five.
    await last.click();
    await screenshot(e2e.page, '46-calendar-plan');
    await dialog.getByRole('button', { name: 'Add 5 items to calendar' }).click();
    await dialog.getByText('Added 5 of 5.').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await e2e.page.getByText(/\d+ items? in view/).waitFor();
  });

  it('opens the writer from an item with its brief and keyphrase filled in', async () => {
    await e2e.page.getByRole('button', { name: 'Agenda' }).click();
    const item = e2e.page.locator('.fc-list-event', { hasText: 'Balcony compost, part 1' });
    // The plan starts next Monday: in this month's agenda, or the next one's.
    await e2e.page.locator('.fc-list-event, .fc-list-empty').first().waitFor();
    if (!(await item.count())) await e2e.page.locator('.fc-next-button').click();
    await item.first().click();
    await e2e.page.getByRole('button', { name: 'Write it now' }).click();
    await e2e.page.getByLabel('What to write about').waitFor();
    await expectValue('What to write about', /Balcony compost, part 1: Step 1/);
    await expectValue('Primary keyword', /balcony compost 1/);
    await e2e.page.getByRole('link', { name: 'Back to the calendar' }).waitFor();
    await screenshot(e2e.page, '47-calendar-write-it-now');
  });
});

const expectValue = async (label: string, pattern: RegExp) => {
  const value = await e2e.page.getByLabel(label).inputValue();
  if (!pattern.test(value)) throw new Error(`${label} is ${JSON.stringify(value)}`);
};
