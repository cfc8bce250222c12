import { stringValuesOf } from '../../admin/utils/streamed-json-text';

describe('the readable text of a JSON answer still arriving', () => {
  const answer = JSON.stringify({
    headline: 'City opens a "green" centre',
    lead: 'On Monday,\nthe city opened it.',
    quotes: ['[Quote from the mayor]', 'Café ☕'],
    count: 3,
    nested: { network: 'x', parts: ['One', 'Two'] },
  });

  it('gives every string value in order, and no keys, numbers or punctuation', () => {
    expect(stringValuesOf(answer)).toEqual([
      'City opens a "green" centre',
      'On Monday,\nthe city opened it.',
      '[Quote from the mayor]',
      'Café ☕',
      'x',
      'One',
      'Two',
    ]);
  });

  it('shows the value being written, and never a key cut in half', () => {
    expect(stringValuesOf('{"headline":"City opens a comp')).toEqual(['City opens a comp']);
    expect(stringValuesOf('{"headline":"City","le')).toEqual(['City']);
    expect(stringValuesOf('{"parts":["One","Tw')).toEqual(['One', 'Tw']);
  });

  it('drops an escape cut off at the end rather than showing it raw', () => {
    expect(stringValuesOf('{"a":"line\\')).toEqual(['line']);
    expect(stringValuesOf('{"a":"caf\\u00')).toEqual(['caf']);
    expect(stringValuesOf('{"a":"caf\\u00e9"}')).toEqual(['café']);
  });

  it('never shrinks or throws as a real answer arrives, ending with all of it', () => {
    let previous = '';
    for (let end = 0; end <= answer.length; end += 1) {
      const text = stringValuesOf(answer.slice(0, end)).join('\n');
      expect(text.length).toBeGreaterThanOrEqual(previous.length);
      previous = text;
    }
    expect(previous).toBe(stringValuesOf(answer).join('\n'));
  });
});
