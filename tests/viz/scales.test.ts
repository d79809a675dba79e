// @vitest-environment jsdom
import { describe, expect, test } from 'vitest';
import {
  DARK_TEXT,
  LIGHT_TEXT,
  UNKNOWN_COLOR,
  advantageScale,
  colorScale,
  contrastRatio,
  contrastingText,
  divergingInterpolator,
  divergingScale,
  extentWithZero,
  parseColor,
  qScale,
  relativeLuminance,
  sequentialInterpolator,
  sequentialScale,
  valueScale,
  type Palette,
} from '../../src/viz/scales';

const PALETTES: Palette[] = ['default', 'colorblind'];

/** A colour string every SVG renderer accepts and that carries no NaN. */
function isColour(c: string): boolean {
  return parseColor(c) !== null && !c.includes('NaN');
}

describe('sequentialScale', () => {
  test.each(PALETTES)('maps lo to t = 0, hi to t = 1 and the middle to t = ½ (%s)', (p) => {
    const s = sequentialScale([0, 2], p);
    const i = sequentialInterpolator(p);
    expect(s(0)).toBe(i(0));
    expect(s(2)).toBe(i(1));
    expect(s(1)).toBe(i(0.5));
    expect(s.normalize(0.5)).toBeCloseTo(0.25, 12);
  });

  test('clamps values outside the domain', () => {
    const s = sequentialScale([0, 1]);
    expect(s(-3)).toBe(s(0));
    expect(s(7)).toBe(s(1));
  });

  test.each(PALETTES)(
    'a zero-width domain still draws: every value gets the t = 0 colour (%s)',
    (p) => {
      const s = sequentialScale([0, 0], p);
      for (const x of [0, -1, 1, 1e-12]) {
        expect(isColour(s(x))).toBe(true);
        expect(s(x)).toBe(sequentialInterpolator(p)(0));
        expect(s.normalize(x)).toBe(0);
      }
    },
  );

  test('non-finite values get the unknown colour, non-finite domain ends count as 0', () => {
    const s = sequentialScale([NaN, Infinity]);
    expect(s.domain).toEqual([0, 0]);
    expect(s(NaN)).toBe(UNKNOWN_COLOR);
    expect(s(Infinity)).toBe(UNKNOWN_COLOR);
    expect(isColour(s(0))).toBe(true);
  });

  test('reversed domains are put in order', () => {
    expect(sequentialScale([1, -1]).domain).toEqual([-1, 1]);
  });
});

describe('divergingScale', () => {
  test.each(PALETTES)('0 is neutral (t = ½), the most negative end t = 0 (%s)', (p) => {
    const s = divergingScale([-0.4, 0], p);
    const i = divergingInterpolator(p);
    expect(s(0)).toBe(i(0.5));
    expect(s(-0.4)).toBe(i(0));
    expect(s.normalize(-0.2)).toBeCloseTo(0.25, 12);
    expect(s.kind).toBe('diverging');
  });

  test('is symmetric: t = ½ + ½ · x / max(|lo|, |hi|)', () => {
    const s = divergingScale([-1, 0.5]);
    expect(s.normalize(0.5)).toBeCloseTo(0.75, 12);
    expect(s.normalize(-1)).toBe(0);
  });

  test.each(PALETTES)('a zero-width domain maps everything to the neutral colour (%s)', (p) => {
    const s = divergingScale([0, 0], p);
    expect(s(0)).toBe(divergingInterpolator(p)(0.5));
    expect(isColour(s(-1))).toBe(true);
  });

  test('the neutral colour is light, the negative end dark (default and colour-blind)', () => {
    for (const p of PALETTES) {
      const i = divergingInterpolator(p);
      expect(relativeLuminance(i(0.5))).toBeGreaterThan(0.75);
      expect(relativeLuminance(i(0))).toBeLessThan(0.2);
    }
  });
});

describe('interpolators', () => {
  test.each(PALETTES)('give parsable colours over [0, 1] (%s)', (p) => {
    for (let k = 0; k <= 20; k++) {
      expect(isColour(sequentialInterpolator(p)(k / 20))).toBe(true);
      expect(isColour(divergingInterpolator(p)(k / 20))).toBe(true);
    }
  });

  test('the default value ramp rises from light ice to dark ember (monotone luminance)', () => {
    const i = sequentialInterpolator('default');
    let previous = Infinity;
    for (let k = 0; k <= 10; k++) {
      const l = relativeLuminance(i(k / 10));
      expect(l).toBeLessThanOrEqual(previous + 1e-9);
      previous = l;
    }
  });

  test('palettes differ', () => {
    expect(sequentialInterpolator('default')(0.5)).not.toBe(
      sequentialInterpolator('colorblind')(0.5),
    );
    expect(divergingInterpolator('default')(0)).not.toBe(divergingInterpolator('colorblind')(0));
  });
});

describe('domains from data', () => {
  test('extentWithZero is [min(0, min x), max(0, max x)] over finite values', () => {
    expect(extentWithZero([0.2, 0.5, NaN])).toEqual([0, 0.5]);
    expect(extentWithZero([-0.3, -0.1])).toEqual([-0.3, 0]);
    expect(extentWithZero([])).toEqual([0, 0]);
    expect(extentWithZero([Infinity, -Infinity])).toEqual([0, 0]);
  });

  test('extentWithZero skips entries that include() rejects', () => {
    expect(extentWithZero([9, 0.5, 0.25], (i) => i > 0)).toEqual([0, 0.5]);
  });

  test('all-zero V, Q and A draw without NaN', () => {
    const zeros = new Float64Array(64);
    for (const p of PALETTES) {
      expect(isColour(valueScale(zeros.subarray(0, 16), p)(0))).toBe(true);
      expect(isColour(qScale(zeros, p)(0))).toBe(true);
      expect(isColour(advantageScale(zeros, p)(0))).toBe(true);
    }
  });

  test('advantageScale spans [min A, 0] and puts the greedy action (A = 0) at the neutral colour', () => {
    const s = advantageScale([-0.5, -0.1, 0, -0.25]);
    expect(s.domain).toEqual([-0.5, 0]);
    expect(s(0)).toBe(divergingInterpolator('default')(0.5));
  });

  test('colorScale builds either kind from a spec', () => {
    expect(colorScale('sequential', [0, 1]).kind).toBe('sequential');
    expect(colorScale('diverging', [-1, 0], 'colorblind').palette).toBe('colorblind');
  });
});

describe('contrast', () => {
  test('parseColor reads #rgb, #rrggbb, rgb() and rgba()', () => {
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('#0b1F3a')).toEqual([11, 31, 58]);
    expect(parseColor('rgb(12, 34, 56)')).toEqual([12, 34, 56]);
    expect(parseColor('rgba(1,2,3,0.5)')).toEqual([1, 2, 3]);
    expect(parseColor('url(#x)')).toBeNull();
  });

  test('relative luminance is 1 for white and 0 for black; contrast ratio of the two is 21', () => {
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 12);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio(1, 0)).toBeCloseTo(21, 12);
    expect(Number.isNaN(relativeLuminance('nope'))).toBe(true);
  });

  test('contrastingText picks dark text on light fills and light text on dark fills', () => {
    expect(contrastingText('#ffffff')).toBe(DARK_TEXT);
    expect(contrastingText('#eef5fb')).toBe(DARK_TEXT);
    expect(contrastingText('#000000')).toBe(LIGHT_TEXT);
    expect(contrastingText('#440154')).toBe(LIGHT_TEXT);
    expect(contrastingText('not a colour')).toBe(DARK_TEXT);
  });

  test('every colour of every ramp gets text with a contrast ratio of at least 4.5 (WCAG AA)', () => {
    for (const p of PALETTES)
      for (const ramp of [sequentialInterpolator(p), divergingInterpolator(p)])
        for (let k = 0; k <= 20; k++) {
          const fill = ramp(k / 20);
          const ratio = contrastRatio(
            relativeLuminance(fill),
            relativeLuminance(contrastingText(fill)),
          );
          expect(ratio).toBeGreaterThanOrEqual(4.5);
        }
  });
});
