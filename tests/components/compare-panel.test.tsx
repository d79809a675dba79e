// @vitest-environment jsdom
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Profiler } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ComparePanel } from '../../src/components/dock/compare/ComparePanel';
import { OptimalPanel } from '../../src/components/dock/optimal/OptimalPanel';
import { createEnv } from '../../src/rl/env';
import { valueIteration } from '../../src/rl/evaluation';
import { qGap } from '../../src/rl/optimal-gap';
import {
  createInProcessCompareWorker,
  type InProcessCompareWorker,
} from '../store/in-process-compare-worker';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

function renderPanel() {
  const workers: InProcessCompareWorker[] = [];
  const lab = renderWithLab(
    <ComparePanel
      createWorker={() => {
        const w = createInProcessCompareWorker();
        workers.push(w);
        return w;
      }}
    />,
  );
  /**
   * Lets the comparison worker run `ms` of fake time, 20 ms a frame, with a real animation frame
   * after each so the panel draws and asks for the next snapshot, as in the page.
   */
  const run = async (ms: number) => {
    for (let t = 0; t < ms; t += 20)
      await act(async () => {
        workers.at(-1)!.endpoint.advance(20);
        await new Promise((resolve) => requestAnimationFrame(resolve));
      });
  };
  return { ...lab, workers, run };
}

describe('ComparePanel', () => {
  it('before it starts, says what will appear instead of empty axes and unlabelled swatches', () => {
    renderPanel();
    const panel = screen.getByRole('region', { name: 'Compare algorithms' });
    expect(within(panel).queryByRole('img')).toBeNull();
    expect(within(panel).getByText(/appear here once the comparison starts/)).toBeTruthy();
  });

  it('explains on- and off-policy learning and offers labelled controls', () => {
    renderPanel();
    const panel = screen.getByRole('region', { name: 'Compare algorithms' });
    expect(panel.textContent).toMatch(/off-policy/);
    expect(panel.textContent).toMatch(/on-policy/);
    expect(screen.getByRole('combobox', { name: 'Left algorithm' })).toHaveProperty(
      'value',
      'q-learning',
    );
    expect(screen.getByRole('combobox', { name: 'Right algorithm' })).toHaveProperty(
      'value',
      'sarsa',
    );
    expect(screen.getByRole('combobox', { name: 'Speed' })).toBeDefined();
    expect(screen.getByRole('button', { name: 'Stop comparison' })).toHaveProperty(
      'disabled',
      true,
    );
  });

  it('trains the chosen pair on the lab settings; both counts rise, both grids draw, pause stops', async () => {
    const user = userEvent.setup();
    const { workers, run, store } = renderPanel();
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Right algorithm' }),
      'expected-sarsa',
    );
    await user.click(screen.getByRole('button', { name: 'Start comparison' }));
    expect(workers).toHaveLength(1);
    const init = workers[0]!.sent.find((c) => c.type === 'init')!;
    expect(init).toMatchObject({
      algorithms: ['q-learning', 'expected-sarsa'],
      settings: { seed: store.getState().settings.seed, map: store.getState().settings.map },
    });
    await run(400);
    await waitFor(() =>
      expect(
        screen.getByRole('img', { name: 'Left: Q-learning: V(s) and greedy actions' }),
      ).toBeDefined(),
    );
    expect(
      screen.getByRole('img', { name: 'Right: Expected SARSA: V(s) and greedy actions' }),
    ).toBeDefined();
    const counts = () =>
      [...document.querySelectorAll('.compare-count')].map((c) =>
        Number(/([\d,]+)/.exec(c.textContent!)![1]!.replace(/,/g, '')),
      );
    await waitFor(() => expect(Math.min(...counts())).toBeGreaterThan(0));
    await user.click(screen.getByRole('button', { name: 'Stop comparison' }));
    const paused = counts();
    await run(200);
    expect(counts()).toEqual(paused);
    expect(screen.getByText('Paused')).toBeDefined();
    // A new ε in the lab: the panel says the next Start begins a new comparison.
    expect(screen.queryByText(/settings changed/)).toBeNull();
    act(() => void store.getState().setParams({ epsilon: 0.3 }));
    expect(screen.getByText(/settings changed since this comparison began/)).toBeDefined();
    await waitFor(() =>
      expect(
        screen.getByRole('img', { name: /^Comparison curves\. Q-learning after/ }),
      ).toBeDefined(),
    );
  });

  it('takes up to four agents of any algorithm: add, pick, remove, and a card for each', async () => {
    const user = userEvent.setup();
    const { workers, run } = renderPanel();
    const add = screen.getByRole('button', { name: 'Add an agent' });
    await user.click(add);
    await user.click(add);
    expect(add).toHaveProperty('disabled', true);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Fourth algorithm' }), 'dyna-q');
    await user.click(screen.getByRole('button', { name: 'Remove the third agent' }));
    expect(screen.queryByRole('combobox', { name: 'Fourth algorithm' })).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Third algorithm' })).toHaveProperty(
      'value',
      'dyna-q',
    );
    expect(add).toHaveProperty('disabled', false);
    await user.click(screen.getByRole('button', { name: 'Start comparison' }));
    const init = workers[0]!.sent.find((c) => c.type === 'init')!;
    expect(init).toMatchObject({ algorithms: ['q-learning', 'sarsa', 'dyna-q'] });
    await run(400);
    await waitFor(() =>
      expect(
        screen.getByRole('img', { name: 'Third: Dyna-Q: V(s) and greedy actions' }),
      ).toBeDefined(),
    );
    expect(screen.getAllByRole('img', { name: /: V\(s\) and greedy actions$/ })).toHaveLength(3);
  });

  it('ends its worker when it unmounts', async () => {
    const user = userEvent.setup();
    const { workers, view } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Start comparison' }));
    view.unmount();
    expect(workers[0]!.terminated).toBe(true);
  });
});

describe('OptimalPanel', () => {
  it('shows V*(start) from value iteration and a max gap that falls with training', async () => {
    let commits = 0;
    const { store, worker } = renderWithLab(
      <Profiler id="optimal" onRender={() => commits++}>
        <OptimalPanel />
      </Profiler>,
      { speed: 'max' },
    );
    const panel = screen.getByRole('region', { name: 'Optimal values' });
    const vi = valueIteration(createEnv({ map: store.getState().settings.map }), 0.99);
    const cell = (key: string) =>
      within(panel).getByText((_, el) => el?.matches(`[data-key="${key}"] dd`) ?? false);
    await waitFor(() =>
      expect(cell('v-star-start').textContent).toBe(`${vi.v[0]!.toFixed(4)} (γ 0.99)`),
    );
    const initial = qGap(new Float64Array(64), vi.q).max;
    expect(Number(cell('max-gap').getAttribute('data-value'))).toBe(initial);
    const before = commits;
    act(() => store.getState().play());
    act(() => {
      for (let i = 0; i < 40; i++) {
        worker.endpoint.advance(20);
        store.getState().snapshotDrawn();
      }
    });
    await waitFor(() =>
      expect(Number(cell('max-gap').getAttribute('data-value'))).toBeLessThan(initial),
    );
    // Snapshots are drawn outside React: the panel did not re-render for them.
    expect(commits).toBe(before);
    expect(screen.getByRole('img', { name: 'Gap between Q and Q* per cell' })).toBeDefined();
  });
});
