import { format } from 'd3-format';
import { describe, expect, it, test } from 'vitest';
import {
  MISSING,
  formatCount,
  formatFixed,
  formatPercent,
  formatSigned,
  formatThousands,
  formatValue,
} from '../../src/viz/format';

describe('format', () => {
  test('formatThousands writes what toLocaleString("en-US") writes, a dash for non-finite', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_234_567, 0.5, 1234.25])
      expect(formatThousands(n)).toBe(n.toLocaleString('en-US'));
    expect(formatThousands(NaN)).toBe(MISSING);
    expect(formatThousands(Infinity)).toBe(MISSING);
  });

  test('formatFixed: toFixed with −0 reading 0, a chosen placeholder for non-finite', () => {
    expect(formatFixed(0.7298, 3)).toBe('0.730');
    expect(formatFixed(-0, 3)).toBe('0.000');
    expect(formatFixed(-0.25, 2)).toBe('-0.25');
    expect(formatFixed(NaN, 4)).toBe(MISSING);
    expect(formatFixed(NaN, 4, '—')).toBe('—');
  });

  test('formatSigned: a true minus sign, and nothing that rounds to zero reads negative', () => {
    expect(formatSigned(-0.0312, 3)).toBe('−0.031');
    expect(formatSigned(-0.0001, 3)).toBe('0.000');
    expect(formatSigned(-0, 1)).toBe('0.0');
    expect(formatSigned(-0.4, 0)).toBe('0');
    expect(formatSigned(0.5, 3)).toBe('0.500');
    expect(formatSigned(undefined, 3)).toBe(MISSING);
  });

  test('formatValue, formatCount and formatPercent', () => {
    expect(formatValue(-0.35)).toBe('−0.35');
    expect(formatCount(1384)).toBe('1.4k');
    expect(formatPercent(0.7298)).toBe('73.0%');
    expect(formatPercent(NaN, 1, '—')).toBe('—');
  });
});

describe('formatValue and formatCount write what d3-format did', () => {
  // d3-format ".2f" and ".2~s" were the formatters before; the lab's own code needs neither on
  // its first screen. A fixed spread of values over every SI prefix and around each rounding edge.
  const values: number[] = [1000, 1049, 1050, 1450, 1550, 9949, 9950, 99_500, 999_499, 999_500];
  for (let e = 3; e <= 26; e += 0.37) values.push(Math.round(10 ** e), -Math.round(10 ** e) - 7);
  it('counts of 1,000 and more, 2 significant digits with an SI prefix', () => {
    const si = format('.2~s');
    for (const n of values) expect(formatCount(n), String(n)).toBe(si(n));
  });
  it('values with 2 decimals, a true minus, and no "−0.00"', () => {
    const fixed2 = format('.2f');
    for (let k = -3000; k <= 3000; k += 7) {
      const x = k / 1000 + 0.0005 * Math.sin(k);
      expect(formatValue(x), String(x)).toBe(fixed2(x));
    }
    expect(formatValue(-0.001)).toBe(fixed2(-0.001));
  });
});
