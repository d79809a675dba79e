// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Sparkline } from '../../src/components/objectives/Sparkline';

afterEach(() => cleanup());

describe('Sparkline', () => {
  it('draws its line and dashed reference once the chart code has loaded', async () => {
    const points = [
      { episode: 0, value: 0 },
      { episode: 100, value: 0.5 },
    ];
    render(
      <Sparkline
        points={points}
        label="Exact success by episode"
        yDomain={[0, 1]}
        reference={0.74}
      />,
    );
    const chart = screen.getByRole('img', { name: 'Exact success by episode' });
    await waitFor(() => expect(chart.querySelector('.objective-chart-line')).not.toBeNull());
    // Box 240 × 36, y from [0, 1] bottom to top: (0, 0) → (0, 36), (100, 0.5) → (240, 18).
    expect(chart.querySelector('.objective-chart-line')!.getAttribute('d')).toBe('M0,36L240,18');
    // The reference 0.74 sits at 36 − 0.74 · 36 = 9.36.
    expect(
      Number(chart.querySelector('.objective-chart-reference')!.getAttribute('y1')),
    ).toBeCloseTo(9.36, 9);
  });
});
