/**
 * Hostile links (issue 22): however much junk a link carries, its notices stay short, name each
 * unknown thing once, and list what the lab knows once.
 */
import { describe, expect, it } from 'vitest';
import { HIDEABLE_IDS } from '../../src/shared/hideable';
import { parseUrlState, URL_KEYS } from '../../src/shared/url/url-state';

const count = (text: string, part: string) => text.split(part).length - 1;

describe('link notices are bounded', () => {
  it('12,000 unknown parameters give one notice under 1,000 characters, naming eight and counting the rest', () => {
    const search = Array.from({ length: 12_000 }, (_, i) => `junk${i}=1`).join('&');
    const { notices } = parseUrlState(search);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.length).toBeLessThan(1000);
    expect(notices[0]).toContain('"junk0", "junk1"');
    expect(notices[0]).toContain('and 11,992 more');
    expect(count(notices[0]!, URL_KEYS.join(', '))).toBe(1);
  });

  it('a 100 KB hide list of repeated junk names each unknown name once, under 1,000 characters', () => {
    const junk = Array.from({ length: 35_000 }, (_, i) => ['xy', 'zz', `q${i % 20}`][i % 3]).join(
      ',',
    );
    expect(junk.length).toBeGreaterThan(100_000);
    const { state, notices } = parseUrlState(`hide=alpha,${junk}`);
    expect(state.hide).toEqual(['alpha']);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.length).toBeLessThan(1000);
    expect(count(notices[0]!, '"xy"')).toBe(1);
    expect(notices[0]).toContain('and 14 more');
    expect(count(notices[0]!, HIDEABLE_IDS.join(', '))).toBe(1);
  });

  it('a 100 KB link of junk of every kind gives short notices, one for all repeated keys', () => {
    const parts = [
      `hide=${'xy,'.repeat(20_000)}`,
      ...Array.from({ length: 5000 }, (_, i) => `k${i}=v`),
      ...URL_KEYS.filter((k) => k !== 'hide').flatMap((k) => [
        `${k}=%00`,
        `${k}=${'9'.repeat(300)}`,
      ]),
    ];
    const search = parts.join('&');
    expect(search.length).toBeGreaterThan(100_000);
    const { notices } = parseUrlState(search);
    for (const n of notices) expect(n.length).toBeLessThan(1000);
    // Repeats of known keys are said in one notice, not one per key.
    expect(notices.filter((n) => n.includes('more than once'))).toHaveLength(1);
  });
});
