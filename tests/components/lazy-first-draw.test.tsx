// @vitest-environment jsdom
// What the first screen draws before the code it loads afterwards has arrived, and that it
// draws the rest once it has. Own file: the other tests load these modules before they start.
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { StepInspector } from '../../src/components/update/StepInspector';
import { createLegend } from '../../src/viz/legend';
import { renderWithLab } from './lab-fixture';

afterEach(() => {
  cleanup();
  document.body.replaceChildren();
});

describe('the legend before its tick axis has loaded', () => {
  it('draws its caption and colour bar at once, and the ticks once the axis code is in', async () => {
    const host = document.body.appendChild(document.createElement('div'));
    const legend = createLegend(host);
    legend.update({ kind: 'sequential', domain: [0, 0.8], label: 'V(s) = max_a Q(s,a)' });
    const svg = host.querySelector('svg')!;
    expect(svg.getAttribute('aria-label')).toBe(
      'V(s) = max over a Q(s,a): colour scale from 0.00 to 0.80',
    );
    expect(host.querySelectorAll('.tick')).toHaveLength(0);
    // No further update from the grid: the legend draws its ticks by itself when the code arrives.
    await waitFor(() => expect(host.querySelectorAll('.tick').length).toBeGreaterThan(0));
    expect([...host.querySelectorAll('.tick text')].map((t) => t.textContent)).toEqual([
      '0.00',
      '0.20',
      '0.40',
      '0.60',
      '0.80',
    ]);
    legend.destroy();
  });
});

describe('the step inspector before the worked numbers have loaded', () => {
  it('says it is loading the update, then shows its TD target', async () => {
    const { store } = renderWithLab(<StepInspector />);
    act(() => {
      store.getState().step();
      store.getState().snapshotDrawn();
    });
    const panel = screen.getByRole('region', { name: 'Step inspector' });
    expect(within(panel).getByRole('status').textContent).toBe('Loading the update…');
    const last = store.getState().snapshot!.last!;
    await waitFor(() =>
      expect(panel.querySelector('[data-fact="td-target"]')?.textContent).toBe(
        last.tdTarget.toFixed(3),
      ),
    );
    expect(within(panel).queryByText('Loading the update…')).toBeNull();
  });
});
