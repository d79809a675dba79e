// @vitest-environment jsdom
/**
 * The "What the learner keeps" tab against a real store, its snapshots given each algorithm's
 * memory as the lab's worker sends it (`MemoryView`), taken from a core agent trained on 4x4.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LearnerTab } from '../../src/components/dock/learner/LearnerTab';
import { createAgent, type QAgent } from '../../src/rl/agent';
import type { Algorithm } from '../../src/rl/algorithms/registry';
import { reachableNonTerminal } from '../../src/rl/convergence';
import { ACTION_NAMES, createEnv } from '../../src/rl/env';
import type { LearnerOptions } from '../../src/rl/learner-options';
import { modelVisits } from '../../src/rl/model-summary';
import { runAlgorithmSteps } from '../../src/rl/readable-loop';
import { doubleQBias } from '../../src/rl/table-bias';
import { lessonSettings, type LabStore } from '../../src/store/lab-store';
import { setLearnerOptions } from '../../src/store/lab/learner-actions';
import { formatBias } from '../../src/viz/double-q-tables';
import { memoryView } from '../../src/worker/memory-view';
import { renderWithLab } from './lab-fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** Lets the panels' throttled draws run. */
const later = () => act(() => vi.advanceTimersByTime(600));

/** A core agent of `algorithm` after `steps` steps on the lesson's 4x4 ice. */
function trained(algorithm: Algorithm, steps: number, options: Partial<LearnerOptions> = {}) {
  const agent = createAgent(createEnv({ map: '4x4' }), {}, 7, options);
  runAlgorithmSteps(agent, algorithm, steps);
  return agent;
}

/** The store's snapshot as one of `algorithm` with the agent's Q, steps and memory. */
function show(store: LabStore, algorithm: Algorithm, agent: QAgent) {
  act(() => {
    const snapshot = store.getState().snapshot!;
    store.setState({
      snapshot: {
        ...snapshot,
        algorithm,
        q: agent.q.slice(),
        totalSteps: agent.totalSteps,
        memory: memoryView(agent, algorithm, []),
      },
      episode: agent.episode,
    });
  });
  later();
}

function open(options: Parameters<typeof renderWithLab>[1] = {}) {
  const lab = renderWithLab(<LearnerTab />, options);
  later();
  const panel = screen.getByRole('region', { name: 'What the learner keeps' });
  return { ...lab, panel };
}

describe('LearnerTab', () => {
  it('says the lesson’s Q-learning keeps only Q', () => {
    const { panel } = open();
    expect(within(panel).getByText(/Q-learning keeps only Q/)).toBeTruthy();
  });

  it('SARSA: names the pending a′ it keeps, and shows it after a step of the lab’s run', () => {
    const { panel, store } = open({ settings: { ...lessonSettings(), algorithm: 'sarsa' } });
    expect(within(panel).getByText(/the action a′ it already chose in s′/)).toBeTruthy();
    expect(within(panel).getByText(/^No a′ is pending/)).toBeTruthy();
    act(() => {
      store.getState().snapshotDrawn();
      store.getState().step();
      store.getState().snapshotDrawn();
    });
    later();
    const last = store.getState().snapshot!.last!;
    const a = last.learner!.nextAction;
    expect(a).toBeGreaterThanOrEqual(0);
    expect(
      within(panel).getByText(
        `Pending now: a′ = ${ACTION_NAMES[a]}, chosen in s′ = state ${last.nextState}; the next step takes it.`,
      ),
    ).toBeTruthy();
  });

  it('Double Q: both tables as named pictures, each captioned with its bias against V*', () => {
    const { panel, store } = open();
    const agent = trained('double-q-learning', 20_000);
    show(store, 'double-q-learning', agent);
    for (const name of ['Q₁', 'Q₂'])
      expect(
        within(panel).getByRole('img', { name: new RegExp(`^${name}: state values`) }),
      ).toBeTruthy();
    const { optimum } = store.getState();
    const bias = doubleQBias(
      agent.memory.tables,
      agent.q,
      optimum!.v,
      reachableNonTerminal(agent.env),
    );
    expect(
      within(panel).getByText(
        `Q₁: bias ${formatBias(bias.tables[0].value)} against V*, maximisation bias ${formatBias(bias.tables[0].maximisation)}`,
      ),
    ).toBeTruthy();
    expect(within(panel).getByText(/Q₂: bias [+−]?\d\.\d{3} against V\*/)).toBeTruthy();
    expect(
      within(panel).getByText(
        `Their mean, the Q the agent acts on: bias ${formatBias(bias.mean.value)} against V*, averaged over the 11 states it can reach.`,
      ),
    ).toBeTruthy();
    expect(within(panel).getByText(/maximisation bias\), because/)).toBeTruthy();
  });

  it('SARSA(λ): a grid of the traces, λ and the kind, keyboard-operable', () => {
    const { panel, store } = open();
    // Mid-episode: some traces are set (an episode that just ended clears them all).
    const agent = trained('sarsa-lambda', 3, { lambda: 0.9 });
    expect(agent.t).toBeGreaterThan(0);
    show(store, 'sarsa-lambda', agent);
    expect(within(panel).getByText('λ 0.90, replacing traces')).toBeTruthy();
    const grid = within(panel).getByRole('grid', { name: 'Eligibility traces e(s, a)' });
    const last = agent.last;
    const sa = last.state * 4 + last.action;
    expect(agent.memory.traces[sa]).toBeCloseTo(0.891, 12);
    const cell = within(grid).getByRole('gridcell', { name: new RegExp(`^state ${last.state},`) });
    expect(cell.getAttribute('aria-label')).toContain('0.89');
    expect(within(panel).getByText(/Σ e\(s, a\) = \d\.\d\d over \d pairs/)).toBeTruthy();
    // The arrows move the one tab stop; Enter picks the cell.
    const start = within(grid).getByRole('gridcell', { name: /^state 0,/ });
    start.focus();
    fireEvent.keyDown(start, { key: 'ArrowRight' });
    const next = within(grid).getByRole('gridcell', { name: /^state 1,/ });
    expect(document.activeElement).toBe(next);
    fireEvent.keyDown(next, { key: 'Enter' });
    later();
    expect(next.getAttribute('aria-selected')).toBe('true');
    expect(within(panel).getByText(/Picked: state 1, e Left/)).toBeTruthy();
  });

  it('Dyna-Q: real steps and planning updates apart, and a picked pair’s model against P', () => {
    const { panel, store } = open();
    const agent = trained('dyna-q', 300, { planningSteps: 5 });
    show(store, 'dyna-q', agent);
    expect(within(panel).getByText(/^Real steps 300; planning updates/).textContent).toMatch(
      /^Real steps 300; planning updates 1,500, counted apart; the model knows \d+ of 44 pairs\.$/,
    );
    expect(
      within(panel).getByRole('grid', { name: 'What the model has seen: N(s, a)' }),
    ).toBeTruthy();
    // Pick (0, Left): it lands on 0 (two of three slips) or 4, truly 2/3 and 1/3.
    fireEvent.click(within(panel).getByRole('radio', { name: 'Left' }));
    later();
    const seen = modelVisits(agent.memory.modelCounts)[0]!;
    const table = within(panel).getByRole('table', {
      name: `Model of (state 0, Left): taken ${seen} times`,
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelectorAll('td')[2]!.textContent)).toEqual(['66.7%', '33.3%']);
    // A cell picked with the keyboard moves the table to that state.
    const grid = within(panel).getByRole('grid');
    const start = within(grid).getByRole('gridcell', { name: /^state 0,/ });
    start.focus();
    fireEvent.keyDown(start, { key: 'ArrowDown' });
    fireEvent.keyDown(document.activeElement!, { key: 'Enter' });
    later();
    expect(within(panel).getByRole('table', { name: /^Model of \(state 4, Left\)/ })).toBeTruthy();
  });

  it('Monte Carlo: the last return G₀ and the pairs its end updated', () => {
    const { panel, store } = open();
    const agent = trained('monte-carlo', 400);
    show(store, 'monte-carlo', agent);
    expect(within(panel).getByText(/the last one’s return G₀/).textContent).toContain(
      `the last one’s return G₀ = ${agent.memory.lastReturn.toFixed(4)}; its end updated ${agent.memory.lastReturnUpdates}`,
    );
  });

  it('follows the lab’s own run: SARSA(λ) with λ 0.8 trained by the worker, λ changed live', () => {
    const settings = {
      ...lessonSettings(),
      algorithm: 'sarsa-lambda' as const,
      learner: { lambda: 0.8 },
    };
    const { panel, store } = open({ settings });
    // The page asks for the next snapshot once it drew the last (the grid does, here the test).
    act(() => {
      store.getState().snapshotDrawn();
      store.getState().step();
      store.getState().snapshotDrawn();
    });
    later();
    expect(within(panel).getByText(/^The run learns with/).textContent).toBe(
      'The run learns with SARSA(λ).',
    );
    expect(within(panel).getByText('λ 0.80, replacing traces')).toBeTruthy();
    // One step: the pair taken holds e = γλ = 0.99 · 0.8 = 0.792 after its decay.
    expect(within(panel).getByText(/^Σ e\(s, a\) = 0\.79 over 1 pairs/)).toBeTruthy();
    act(() => setLearnerOptions(store, { lambda: 0.5 }));
    later();
    expect(within(panel).getByText('λ 0.50, replacing traces')).toBeTruthy();
  });
});
