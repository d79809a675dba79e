// @vitest-environment jsdom
/**
 * The Dynamic programming tab on a map of two states, S G, slippery (1/3), γ 0.99, where every
 * number can be worked by hand: Down, Right and Up each reach G with 1/3 and stay with 2/3, Left
 * never reaches it. V₁(0) = 1/3; V₂(0) = 1/3 + (2/3)·0.99·(1/3) = 0.5533; Q₂(0, Left) = 0.99·(1/3)
 * = 0.3300.
 */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DpPanel } from '../../src/components/dock/dp/DpPanel';
import { PLAY_SWEEP_INTERVAL_MS } from '../../src/components/dock/dp/dp-state';
import { lessonSettings } from '../../src/shared/lesson-run';
import { renderWithLab } from './lab-fixture';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const SETTINGS = { ...lessonSettings(), map: ['SG'], isSlippery: true, maxSteps: 100 };

function open() {
  const lab = renderWithLab(<DpPanel />, { settings: SETTINGS });
  const panel = screen.getByRole('region', { name: 'Dynamic programming' });
  const button = (name: string) => within(panel).getByRole('button', { name });
  const cell = (s: number) =>
    within(panel).getByRole('gridcell', { name: new RegExp(`^state ${s},`) });
  return {
    ...lab,
    panel,
    button,
    cell,
    status: () => within(panel).getByRole('status').textContent,
  };
}

describe('DpPanel, value iteration', () => {
  it('starts at V₀ = 0 with the start selected, and names its controls', () => {
    const { panel, status, button, cell } = open();
    expect(status()).toBe(
      'V₀ = 0 everywhere. Each sweep backs every state up once from the last V.',
    );
    expect(within(panel).getByRole('radio', { name: 'Value iteration' })).toHaveProperty(
      'checked',
      true,
    );
    expect(button('Sweep')).toHaveProperty('disabled', false);
    expect(button('Play sweeps')).toHaveProperty('disabled', false);
    expect(cell(0).getAttribute('aria-label')).toBe('state 0, start, V₀ 0.0000, greedy Left');
    expect(cell(0).getAttribute('aria-selected')).toBe('true');
    expect(cell(1).getAttribute('aria-label')).toBe('state 1, goal, the episode ends here');
    expect(within(panel).getByText(/Take a sweep to see how V₁\(0\) is backed up/)).toBeTruthy();
  });

  it('two sweeps: V₂(0) = 0.5533 on the grid and as the max of its backup; ‖V₂ − V₁‖∞ = 0.22', () => {
    const { panel, status, button, cell } = open();
    fireEvent.click(button('Sweep'));
    expect(cell(0).getAttribute('aria-label')).toBe('state 0, start, V₁ 0.3333, greedy Down');
    fireEvent.click(button('Sweep'));
    expect(status()).toBe('Sweep 2: ‖V₂ − V₁‖∞ = 2.20e-1.');
    expect(cell(0).getAttribute('aria-label')).toBe('state 0, start, V₂ 0.5533, greedy Down');
    const table = within(panel).getByRole('table', {
      name: 'Backup of state 0 (start) from V₁, γ 0.99',
    });
    const rows = within(table).getAllByRole('row');
    // Header, then Left, Down, Right, Up in Gymnasium's order.
    expect(rows.map((r) => r.querySelector('th')!.textContent)).toEqual([
      'Action',
      'Left',
      'Down (max)',
      'Right',
      'Up',
    ]);
    expect(rows[1]!.textContent).toContain('0: 0.333 × (0 + 0.99 × 0.3333)');
    expect(rows[1]!.lastElementChild!.textContent).toBe('0.3300');
    expect(rows[2]!.textContent).toContain('1: 0.333 × (1 + 0, ends)');
    expect(rows[2]!.lastElementChild!.textContent).toBe('0.5533');
    expect(within(panel).getByText('V₂(0) = max over actions = 0.5533 (Down)')).toBeTruthy();
  });

  it('the keyboard moves along the grid and Enter selects: the goal has no backup', () => {
    const { panel, cell } = open();
    act(() => cell(0).focus());
    fireEvent.keyDown(cell(0), { key: 'ArrowRight' });
    expect(document.activeElement).toBe(cell(1));
    fireEvent.keyDown(cell(1), { key: 'Enter' });
    expect(cell(1).getAttribute('aria-selected')).toBe('true');
    expect(within(panel).getByText(/State 1 is the goal: the episode ends there/)).toBeTruthy();
  });

  it('Play sweeps takes one sweep per interval, stops by itself once below the tolerance', () => {
    const { status, button } = open();
    fireEvent.click(button('Play sweeps'));
    expect(button('Stop').getAttribute('aria-pressed')).toBe('true');
    expect(button('Sweep')).toHaveProperty('disabled', true);
    act(() => vi.advanceTimersByTime(PLAY_SWEEP_INTERVAL_MS * 3));
    expect(status()).toMatch(/^Sweep 3: /);
    fireEvent.click(button('Stop'));
    act(() => vi.advanceTimersByTime(PLAY_SWEEP_INTERVAL_MS * 3));
    expect(status()).toMatch(/^Sweep 3: /);
    fireEvent.click(button('Play sweeps'));
    // ΔV shrinks by (2/3)·0.99 = 0.66 a sweep: about 33 sweeps to 1e-6, well within 100.
    act(() => vi.advanceTimersByTime(PLAY_SWEEP_INTERVAL_MS * 100));
    expect(status()).toMatch(/below 1e-6: value iteration has converged\.$/);
    expect(button('Play sweeps')).toHaveProperty('disabled', true);
    expect(button('Sweep')).toHaveProperty('disabled', true);
  });

  it('Tolerance: 1e-2 ends value iteration sooner; a refused value is named and changes nothing', () => {
    const { panel, status, button } = open();
    const field = within(panel).getByRole('textbox', { name: 'Tolerance' });
    expect((field as HTMLInputElement).value).toBe('1e-6');
    fireEvent.click(button('Sweep'));
    fireEvent.change(field, { target: { value: '0' } });
    fireEvent.keyDown(field, { key: 'Enter' });
    expect(within(panel).getByRole('alert').textContent).toBe(
      'Tolerance must be above 0 and at most 1; got 0.',
    );
    expect(field.getAttribute('aria-invalid')).toBe('true');
    // Nothing else changed: the sweep taken is still there.
    expect(status()).toMatch(/^Sweep 1: /);
    fireEvent.change(field, { target: { value: '1e-2' } });
    fireEvent.blur(field);
    expect(within(panel).queryByRole('alert')).toBeNull();
    // A new tolerance starts the run over. ΔV_k = (1/3)·0.66^(k−1): 0.0120 at k = 9, 0.00792 at 10.
    expect(status()).toMatch(/^V₀ = 0 everywhere/);
    fireEvent.click(button('Play sweeps'));
    act(() => vi.advanceTimersByTime(PLAY_SWEEP_INTERVAL_MS * 20));
    expect(status()).toBe(
      'Sweep 10: ‖V₁₀ − V₉‖∞ = 7.92e-3, below 1e-2: value iteration has converged.',
    );
  });

  it('Reset goes back to V₀', () => {
    const { status, button, cell } = open();
    fireEvent.click(button('Sweep'));
    fireEvent.click(button('Reset'));
    expect(status()).toMatch(/^V₀ = 0 everywhere/);
    expect(cell(0).getAttribute('aria-label')).toBe('state 0, start, V₀ 0.0000, greedy Left');
  });

  it('the learner beside the model: V(0) 0.000 before training against V₁(0) 0.333', () => {
    const { panel, button } = open();
    fireEvent.click(button('Sweep'));
    act(() => vi.advanceTimersByTime(1000));
    const table = within(panel).getByRole('table', { name: 'The learner’s V(s) against V₁(s)' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(Array.from(row.children, (c) => c.textContent)).toEqual([
      '0',
      '0.000',
      '0.333',
      '0.333',
    ]);
  });

  it('the time limit’s DP: 1 − (2/3)^100 within 100 steps, and sweeps to the tolerance', () => {
    const { panel } = open();
    expect(
      within(panel).getByText(/Within the limit of 100: 1\.0000, the most any learner/),
    ).toBeTruthy();
    expect(
      within(panel).getByRole('img', { name: /Best chance of reaching the goal/ }),
    ).toBeTruthy();
    expect(within(panel).getByText(/Value iteration gets below it after \d+ sweeps/)).toBeTruthy();
  });
});

describe('DpPanel, on the run’s environment', () => {
  it('a reward schedule of the run counts: goal 2 gives V₁(0) = 2/3 = 0.6667', () => {
    renderWithLab(<DpPanel />, { settings: { ...SETTINGS, rewardSchedule: [2, 0, 0] as const } });
    const panel = screen.getByRole('region', { name: 'Dynamic programming' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Sweep' }));
    expect(
      within(panel)
        .getByRole('gridcell', { name: /^state 0,/ })
        .getAttribute('aria-label'),
    ).toBe('state 0, start, V₁ 0.6667, greedy Down');
  });

  it('γ 1 with a cost per step: evaluating π₀ = Left never settles, and the caption says so', () => {
    const params = { ...SETTINGS.params, gamma: 1 };
    renderWithLab(<DpPanel />, {
      settings: { ...SETTINGS, params, rewardSchedule: [1, 0, -0.01] as const },
    });
    const panel = screen.getByRole('region', { name: 'Dynamic programming' });
    fireEvent.click(within(panel).getByRole('radio', { name: 'Policy iteration' }));
    // Left keeps the agent on S, which costs 0.01 a step: V₁₀₀₀₀(0) = −100, ΔV = 0.01 each sweep.
    expect(
      within(panel).getByText(
        /Policy iteration does not get below it within 10000 evaluation sweeps/,
      ),
    ).toBeTruthy();
  });

  it('a new run on another map starts the DP over on it', () => {
    const { store } = renderWithLab(<DpPanel />, { settings: SETTINGS });
    const panel = screen.getByRole('region', { name: 'Dynamic programming' });
    fireEvent.click(within(panel).getByRole('button', { name: 'Sweep' }));
    act(() => {
      store.getState().applySettings({ ...SETTINGS, map: ['SFG'] });
    });
    expect(within(panel).getByRole('status').textContent).toMatch(/^V₀ = 0 everywhere/);
    expect(within(panel).getAllByRole('gridcell')).toHaveLength(3);
  });
});

describe('DpPanel, policy iteration', () => {
  it('evaluates π₀ = Left (V stays 0), then improves state 0 to Down and rings it', () => {
    const { panel, status, button, cell } = open();
    fireEvent.click(within(panel).getByRole('radio', { name: 'Policy iteration' }));
    expect(status()).toMatch(/^π₀ = Left everywhere, V₀ = 0\./);
    fireEvent.click(button('Sweep'));
    expect(status()).toBe(
      'Sweep 1: ‖V₁ − V₀‖∞ = 0.00e+0, below 1e-6: π is evaluated. Improve it next.',
    );
    fireEvent.click(button('Improve policy'));
    expect(status()).toBe(
      'Improvement 1 changed 1 state (0), ringed on the grid. Evaluate the new π next.',
    );
    expect(cell(0).getAttribute('aria-label')).toBe(
      'state 0, start, V₁ 0.0000, policy Down, changed',
    );
    fireEvent.click(button('Sweep'));
    // Evaluating Down: V₂(0) = 1/3 + (2/3)·0.99·0 = 0.3333, the row of π marked.
    expect(within(panel).getByText(/^V₂\(0\) = Q₂\(0, π = Down\) = 0\.3333/)).toBeTruthy();
  });
});
