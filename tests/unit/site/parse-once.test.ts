import { load } from 'cheerio/slim';
import { auditPage } from '../../../analysis/site';
import { goodArticle } from './fixtures';

jest.mock('cheerio/slim', () => {
  const actual = jest.requireActual<typeof import('cheerio/slim')>('cheerio/slim');
  return { ...actual, load: jest.fn(actual.load) };
});

it('parses a page once, however many checks read it', () => {
  const robots = { url: 'https://www.example.com/robots.txt', status: 200, allowed: true };
  const audit = auditPage(goodArticle(), { robots, keyphrase: 'content calendar' });
  expect(audit.checks.length).toBeGreaterThan(30);
  expect(jest.mocked(load)).toHaveBeenCalledTimes(1);
});
