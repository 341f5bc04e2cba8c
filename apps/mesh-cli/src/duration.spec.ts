import { describeExpiry, formatSeconds } from './duration';

const NOW = new Date('2026-12-03T19:00:00.000Z');
const nowS = NOW.getTime() / 1000;

describe('formatSeconds / describeExpiry', () => {
  it.each([
    [0, '0s'],
    [59, '59s'],
    [120, '2m'],
    [843, '14m 3s'],
    [3600 + 61, '1h 1m'],
    [86400 * 2 + 3600 * 5 + 7, '2d 5h'],
  ])('%i s → %s', (s, text) => expect(formatSeconds(s)).toBe(text));

  it('says expires in / expired ago', () => {
    expect(describeExpiry(nowS + 843, NOW)).toBe('expires in 14m 3s');
    expect(describeExpiry(nowS - 120, NOW)).toBe('expired 2m ago');
    expect(describeExpiry(nowS, NOW)).toBe('expired 0s ago');
  });
});
