// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { seedBand } from '../../src/rl/seed-band';
import type { SeedCurve } from '../../src/rl/seed-curve';
import {
  bandChartData,
  bandReadout,
  bandChartWidth,
  createSeedBandChart,
} from '../../src/viz/seed-band-chart';

const curve = (seed: number, k: number): SeedCurve => ({
  seed,
  episodes: [100, 200, 300],
  successRate: [0.1 * k, 0.2 * k, 0.3 * k],
  exactSuccess: [0.2 * k, 0.3 * k, 0.4 * k],
  episodeLength: [5 * k, 6 * k, 7 * k],
});

describe('seed band chart', () => {
  const curves = [curve(3, 1), curve(4, 2), curve(5, 0)];
  const data = bandChartData(seedBand(curves), curves[0]!);

  it('draws one labelled, focusable panel per series with the band, the median and the lab', () => {
    const host = document.createElement('div');
    const chart = createSeedBandChart(host);
    chart.update(data);
    const svgs = host.querySelectorAll('svg');
    expect(svgs).toHaveLength(3);
    expect(svgs[0]!.getAttribute('aria-label')).toMatch(
      /^Success rate over episodes: the median and interquartile band of 3 seeds, and the lab's run \(seed 3\)/,
    );
    expect(svgs[2]!.getAttribute('tabindex')).toBe('0');
    for (const svg of svgs)
      for (const cls of ['iqr', 'median', 'lab'])
        expect(svg.querySelector(`.${cls}`)!.getAttribute('d')).toMatch(/^M/);
    chart.destroy();
    expect(host.childElementCount).toBe(0);
  });

  it('the keys move one cursor along the checkpoints; the readout says its numbers', () => {
    const host = document.createElement('div');
    const chart = createSeedBandChart(host);
    chart.update(data);
    const svg = host.querySelector('svg')!;
    const key = (k: string) => svg.dispatchEvent(new KeyboardEvent('keydown', { key: k }));
    svg.dispatchEvent(new FocusEvent('focus'));
    expect(chart.cursor()).toBe(2);
    key('ArrowLeft');
    expect(chart.cursor()).toBe(1);
    key('Home');
    key('ArrowLeft');
    expect(chart.cursor()).toBe(0);
    key('End');
    key('ArrowRight');
    expect(chart.cursor()).toBe(2);
    key('ArrowLeft');
    const readout = host.querySelector('[data-testid="seed-band-readout"]')!;
    expect(readout.getAttribute('aria-live')).toBe('polite');
    expect(readout.textContent).toBe(bandReadout(data, 1));
    // Episode 200: success rates 0.2, 0.4, 0 → median 0.2, IQR 0.1–0.3; the lab's (seed 3) 0.2.
    expect(readout.textContent).toMatch(
      /^Episode 200 \(3 seeds\): Success rate: median 0\.200, IQR 0\.100–0\.300, range 0\.000–0\.400, lab 0\.200; Exact success/,
    );
  });

  it('a band with every seed alike (zero-width band, zero lengths) still draws', () => {
    const flat = [curve(0, 0), curve(1, 0)];
    const host = document.createElement('div');
    const chart = createSeedBandChart(host);
    chart.update(bandChartData(seedBand(flat), flat[0]!));
    expect(host.querySelector('.median')!.getAttribute('d')).not.toMatch(/NaN/);
    expect(host.querySelectorAll('svg')[2]!.querySelector('.y-top')!.textContent).toBe('1.0');
  });
});

describe('the band chart on a narrow screen', () => {
  it('is as wide as its host between 320 and 600 units, so its text is not scaled down', () => {
    expect(bandChartWidth(358)).toBe(358);
    expect(bandChartWidth(200)).toBe(320);
    expect(bandChartWidth(1200)).toBe(600);
    // A host not laid out yet (jsdom, a hidden tab) gets the wide chart.
    expect(bandChartWidth(0)).toBe(600);
  });
});
