import { describe, expect, it } from 'vitest';
import { createAgent } from '../../../src/rl/agent';
import { reachableNonTerminal } from '../../../src/rl/convergence';
import { createEnv } from '../../../src/rl/env';
import { valueIteration } from '../../../src/rl/evaluation';
import { runAlgorithmEpisodes } from '../../../src/rl/readable-loop';
import { doubleQBias, maximisationBias, valueBias } from '../../../src/rl/table-bias';

// Three states, the third left out (a hole, say): V* = [0.35, 0.3, 0].
const Q1 = [0.5, 0.2, 0.1, 0, 0.1, 0.4, 0.3, 0.2, 0, 0, 0, 0];
const Q2 = [0.3, 0.4, 0.1, 0, 0.2, 0.1, 0.3, 0, 0, 0, 0, 0];
const MEAN = Q1.map((x, i) => (x + Q2[i]!) / 2);
const V_STAR = [0.35, 0.3, 0];
const STATES = [1, 1, 0];

const round = (x: number) => Math.round(x * 1e12) / 1e12;

describe('valueBias: mean of max_a Q(s, a) − V*(s) over the chosen states', () => {
  it('Q₁: ((0.5 − 0.35) + (0.4 − 0.3))/2 = 0.125; Q₂: ((0.4 − 0.35) + (0.3 − 0.3))/2 = 0.025', () => {
    expect(round(valueBias(Q1, V_STAR, STATES))).toBe(0.125);
    expect(round(valueBias(Q2, V_STAR, STATES))).toBe(0.025);
  });

  it('Q = 0 everywhere (every action ties) is off by −V*: −(0.35 + 0.3)/2 = −0.325', () => {
    expect(round(valueBias(new Float64Array(12), V_STAR, STATES))).toBe(-0.325);
  });

  it('is NaN over no states', () => {
    expect(valueBias(Q1, V_STAR, [0, 0, 0])).toBeNaN();
  });
});

describe('maximisationBias: max_a Qᵢ(s, a) − Qⱼ(s, argmax_a Qᵢ(s, a)), averaged', () => {
  it('Q₁ against Q₂: ((0.5 − 0.3) + (0.4 − 0.1))/2 = 0.25', () => {
    expect(round(maximisationBias(Q1, Q2, STATES))).toBe(0.25);
  });

  it('Q₂ against Q₁: ((0.4 − 0.2) + (0.3 − 0.3))/2 = 0.1', () => {
    expect(round(maximisationBias(Q2, Q1, STATES))).toBe(0.1);
  });

  it('is 0 for two equal tables, ties included (argmax takes the lowest action)', () => {
    expect(maximisationBias(Q1, Q1, STATES)).toBe(0);
    expect(maximisationBias(new Float64Array(12), new Float64Array(12), STATES)).toBe(0);
  });
});

describe('doubleQBias', () => {
  it('gathers both tables and the mean: the mean’s max is at most the tables’ mean max', () => {
    const bias = doubleQBias([Q1, Q2], MEAN, V_STAR, STATES);
    expect(bias.states).toBe(2);
    expect(bias.tables.map((t) => [round(t.value), round(t.maximisation)])).toEqual([
      [0.125, 0.25],
      [0.025, 0.1],
    ]);
    // Mean table: max (0.4, 0.3, 0.1, 0) − 0.35 = 0.05 and max (0.15, 0.25, 0.3, 0.1) − 0.3 = 0.
    expect(round(bias.mean.value)).toBe(0.025);
    expect(bias.mean.maximisation).toBeNaN();
  });

  it('reads a Double Q-learning agent trained on the 4x4 ice (11 states; mean ≤ the tables’ mean)', () => {
    const env = createEnv({ map: '4x4' });
    const agent = createAgent(env, {}, 3);
    runAlgorithmEpisodes(agent, 'double-q-learning', 300);
    const { v } = valueIteration(env, agent.params.gamma);
    const bias = doubleQBias(agent.memory.tables, agent.q, v, reachableNonTerminal(env));
    expect(bias.states).toBe(11);
    expect(bias.mean.value).toBe(valueBias(agent.q, v, reachableNonTerminal(env)));
    // max is convex: max_a (Q₁ + Q₂)/2 ≤ (max Q₁ + max Q₂)/2 state by state.
    const [b1, b2] = bias.tables;
    expect(bias.mean.value).toBeLessThanOrEqual((b1.value + b2.value) / 2 + 1e-15);
    // After 300 episodes the tables have moved: their estimates differ and neither is V*.
    expect(b1.value).not.toBe(b2.value);
    expect(Number.isFinite(b1.maximisation) && Number.isFinite(b2.maximisation)).toBe(true);
  });
});
