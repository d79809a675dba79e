// @vitest-environment jsdom
/**
 * The step inspector in each algorithm's terms, with worked numbers: the TD target's bootstrap
 * as the algorithm writes it, and a note (named "In this algorithm's terms") with what it does
 * beyond the one TD rule.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { UpdateNumbers } from '../../src/components/update/UpdateNumbers';
import type { Algorithm } from '../../src/rl/algorithms/registry';
import type { LearnerStepFacts, UpdateData } from '../../src/worker/protocol';

afterEach(cleanup);

/**
 * In state 4 the agent took Right and slid Down to state 8, reward 0; the bootstrap is 0.5,
 * γ = 0.9, Q(4,Right) = 0.3, α = 0.1: target 0.45, δ = 0.15, Q ← 0.315.
 */
const BASE: UpdateData = {
  state: 4,
  action: 2,
  explored: false,
  intended: 2,
  actual: 1,
  slipped: true,
  nextState: 8,
  reward: 0,
  discountedBootstrap: 0.45,
  bootstrap: 0.5,
  tdTarget: 0.45,
  tdError: 0.15,
  change: 0.015,
  qBefore: 0.3,
  qAfter: 0.315,
  epsilon: 0.25,
  epsilonAfter: 0.2,
  alpha: 0.1,
  gamma: 0.9,
  terminated: false,
  truncated: false,
  episode: 12,
  t: 3,
  totalSteps: 140,
};

const FACTS: LearnerStepFacts = {
  algorithm: 'q-learning',
  nextValues: [0.1, 0.5, 0.2, 0.4],
  epsilonNext: 0.2,
  exploration: 'epsilon-greedy',
  nextAction: -1,
  table: -1,
  tableGreedy: 1,
  trace: 0,
  lambda: 0.9,
  cut: false,
  planningSteps: 5,
  planningUpdates: 0,
  episodeRewards: [],
  episodeReturn: 0,
  returnUpdates: 0,
};

function show(
  algorithm: Algorithm,
  facts: Partial<LearnerStepFacts> = {},
  last: Partial<UpdateData> = {},
) {
  render(<UpdateNumbers last={{ ...BASE, ...last, learner: { ...FACTS, algorithm, ...facts } }} />);
}

const target = () => screen.getByText(/^r \+ γ·/).textContent;
const note = () => screen.getByLabelText("In this algorithm's terms").textContent;

describe('the inspector in each algorithm’s terms', () => {
  it('Q-learning: max_a′ Q(s′,a′), and no note', () => {
    show('q-learning');
    expect(target()).toBe('r + γ·maxa′ Q(s′,a′) = 0 + 0.9·0.500 = 0.450');
    expect(screen.queryByLabelText("In this algorithm's terms")).toBeNull();
  });

  it('SARSA: Q(s′,a′) with a′ named, the action taken next', () => {
    show('sarsa', { nextAction: 3 });
    expect(target()).toBe('r + γ·Q(s′,a′) = 0 + 0.9·0.500 = 0.450');
    expect(note()).toBe(
      'a′ = Up, the action the agent takes next (drawn now by its behaviour policy): Q(s′, Up) = 0.500.',
    );
  });

  it('Expected SARSA: the expectation written out under ε-greedy', () => {
    // ε′ = 0.2: 0.05 × (0.1 + 0.5 + 0.2 + 0.4) + 0.8 × 0.5 = 0.06 + 0.4 = 0.46.
    show('expected-sarsa', {}, { bootstrap: 0.46, discountedBootstrap: 0.414, tdTarget: 0.414 });
    expect(target()).toBe('r + γ·Σa π(a|s′)·Q(s′,a) = 0 + 0.9·0.460 = 0.414');
    expect(note()).toBe(
      'Under ε-greedy with ε′ = 0.200: ε′/4·Σ Q(s′,·) + (1 − ε′)·max Q(s′,·) = 0.050 × 1.200 + 0.800 × 0.500 = 0.460.',
    );
  });

  it('Expected SARSA under softmax: π(·|s′) and the expectation term by term', () => {
    // Σ π·Q = 0.1 × 0.1 + 0.4 × 0.5 + 0.2 × 0.2 + 0.3 × 0.4 = 0.01 + 0.2 + 0.04 + 0.12 = 0.37.
    show(
      'expected-sarsa',
      { exploration: 'softmax', nextPolicy: [0.1, 0.4, 0.2, 0.3], temperature: 0.5 },
      { bootstrap: 0.37, discountedBootstrap: 0.333, tdTarget: 0.333 },
    );
    expect(note()).toBe(
      'Under softmax with τ = 0.5: π(a|s′) = exp(Q(s′,a)/τ) / Σ_b exp(Q(s′,b)/τ) = (0.100, 0.400, 0.200, 0.300) for (Left, Down, Right, Up); Σ π·Q = 0.100 × 0.100 + 0.400 × 0.500 + 0.200 × 0.200 + 0.300 × 0.400 = 0.370.',
    );
  });

  it('Expected SARSA under UCB: the one action its policy takes at s′', () => {
    show(
      'expected-sarsa',
      { exploration: 'ucb', nextPolicy: [0, 0, 0, 1], ucbC: 2 },
      {
        bootstrap: 0.4,
      },
    );
    expect(note()).toBe(
      'Under UCB with c = 2 the policy at s′ is one action, Up (an untried action first, else the highest Q(s′,a) + c·√(ln N(s′) / N(s′,a))): the expectation is Q(s′, Up) = 0.400.',
    );
  });

  it('Expected SARSA under softmax without the policy (an older worker): the value alone', () => {
    show('expected-sarsa', { exploration: 'softmax' }, { bootstrap: 0.37 });
    expect(note()).toBe('The expectation is over the softmax policy at s′: 0.370.');
  });

  it('the step’s choice under softmax or UCB names the rule and its number, not ε', () => {
    const story = () => screen.getByText(/in state 4 the agent/).textContent;
    show('sarsa', { exploration: 'softmax', temperature: 0.5, nextAction: 1 });
    expect(story()).toContain('chose Right by softmax (τ = 0.5): a greedy action (exploiting)');
    expect(story()).not.toContain('ε =');
    cleanup();
    show('q-learning', { exploration: 'ucb', ucbC: 2 }, { explored: true });
    expect(story()).toContain('chose Right by UCB (c = 2): not a greedy action (exploring)');
    cleanup();
    show('q-learning', {}, { explored: true });
    expect(story()).toContain('chose Right at random (exploring, ε = 0.250)');
  });

  it('Double Q: which table moved, toward the other’s value of its own greedy action', () => {
    show('double-q-learning', { table: 1, tableGreedy: 1 });
    expect(target()).toBe('r + γ·Q₁(s′, argmax Q₂(s′,·)) = 0 + 0.9·0.500 = 0.450');
    expect(note()).toBe(
      "A coin picked Q₂: updated Q₂ toward Q₁(s′, argmax Q₂) — Q₂ picks Down at s′, Q₁ values it at 0.500. Q₂(s,a): 0.300 → 0.315; the agent's Q is (Q₁ + Q₂)/2.",
    );
  });

  it('SARSA(λ): δ, the trace, every pair by α·δ·e, the decay γλ', () => {
    // Accumulating trace 2: the record's α is α·e = 0.2, so Q(s,a) moves 0.2 × 0.15 = 0.03.
    show('sarsa-lambda', { trace: 2, lambda: 0.5 }, { alpha: 0.2, change: 0.03, qAfter: 0.33 });
    expect(note()).toBe(
      'δ = 0.150 and the trace e(s,a) = 2.000: every pair p with e(p) ≠ 0 moves by α·δ·e(p) — Q(s,a) by α·e(s,a)·δ = 0.200 × 0.150 = 0.030; then every trace decays by γλ = 0.450.',
    );
  });

  it('Q(λ): Watkins’ cut after an exploratory a′', () => {
    show('q-lambda', { trace: 1, cut: true, nextAction: 0 });
    expect(target()).toBe('r + γ·maxa′ Q(s′,a′) = 0 + 0.9·0.500 = 0.450');
    expect(note()).toMatch(
      /Watkins' cut: a′ = Left was exploratory, so every trace was cut to 0 after this update\.$/,
    );
  });

  it('Dyna-Q: the real update and n planning updates, counted', () => {
    show('dyna-q', { planningSteps: 10, planningUpdates: 1400 });
    expect(note()).toBe(
      'The real update above, then n = 10 planning updates from the model (the same rule on remembered transitions): 1,400 planning updates so far, counted apart from real steps.',
    );
  });

  it('Monte Carlo: nothing before the episode ends', () => {
    show('monte-carlo', {}, { alpha: 0, change: 0, qAfter: 0.3, bootstrap: 0 });
    expect(target()).toBe('r + γ·Gt+1 = 0 + 0.9·0.000 = 0.450');
    expect(note()).toBe('No update until the episode ends: Monte Carlo waits for the return G.');
  });

  it('Monte Carlo: at the end, G written out and the pairs updated', () => {
    // r = 0, 0, 1 with γ = 0.9: G₀ = 0.9²·1 = 0.81.
    show(
      'monte-carlo',
      { episodeRewards: [0, 0, 1], episodeReturn: 0.81, returnUpdates: 3 },
      { terminated: true, nextState: 15, reward: 1 },
    );
    expect(note()).toBe(
      'Episode over: G = r₁ + γ·r₂ + … = 0 + 0.9·0 + 0.9^2·1 = 0.810; 3 pairs moved toward their own return G_t.',
    );
  });
});
