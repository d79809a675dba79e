import { describe, expect, it } from 'vitest';
import { reachableNonTerminal, statesOffOptimal } from '../../src/rl/convergence';
import { createEnv } from '../../src/rl/env';
import { evaluateGreedy, valueIteration } from '../../src/rl/evaluation';
import { createAgent } from '../../src/rl/agent';
import { LESSON_PARAMS } from '../../src/rl/params';
import { runSteps } from '../../src/rl/fast-loop';
import type { RunSettings, Snapshot, TrainerCommand } from '../../src/worker/protocol';
import { createTrainer } from '../../src/worker/trainer';
import { createFakeEndpoint } from './fake-endpoint';

const SETTINGS: RunSettings = {
  map: ['SFFF', 'FHFH', 'FFFH', 'HFFG'],
  isSlippery: true,
  successRate: 1 / 3,
  maxSteps: 100,
  seed: 3,
  episodes: 3000,
  frameInterval: 1000,
  params: { ...LESSON_PARAMS },
};

/** Runs the settings' whole budget in the trainer on a fake clock; returns the last snapshot. */
function trainToTheEnd(settings: RunSettings): Snapshot {
  const port = createFakeEndpoint(1000, 0.5);
  const trainer = createTrainer(port, {});
  const send = (command: TrainerCommand) => trainer.handle(command);
  send({ type: 'init', settings });
  send({ type: 'play' });
  port.runAll();
  send({ type: 'request-snapshot' });
  return port.lastSnapshot();
}

describe('the convergence report in the snapshots', () => {
  it('at Q = 0 nothing is stable yet and there is no verdict', () => {
    const port = createFakeEndpoint(1000, 0);
    const trainer = createTrainer(port, {});
    trainer.handle({ type: 'init', settings: SETTINGS });
    trainer.handle({ type: 'request-snapshot' });
    expect(port.lastSnapshot().convergence).toEqual({
      stableSince: 0,
      episode: 0,
      stableEpisodes: 1000,
      stable: false,
      finished: false,
      verdict: null,
    });
  });

  it('after the whole budget: a verdict from the run’s own Q, its optimum and exact evaluation', () => {
    const s = trainToTheEnd(SETTINGS);
    const c = s.convergence;
    expect(s.finished).toBe(true);
    expect(c.finished).toBe(true);
    expect(c.episode).toBe(3000);
    const env = createEnv({ map: SETTINGS.map });
    const star = valueIteration(env, SETTINGS.params.gamma);
    expect(c.verdict).toEqual({
      offOptimal: statesOffOptimal(s.greedyMask, star.q, reachableNonTerminal(env)),
      reachable: 11,
      successProbability: evaluateGreedy(env, s.q).successProbability,
      untouched: false,
    });
    expect(c.stable).toBe(c.episode - c.stableSince >= 1000);
  });

  it('dates the last change exactly as the learner run directly does', () => {
    const s = trainToTheEnd(SETTINGS);
    const env = createEnv({ map: SETTINGS.map, maxSteps: SETTINGS.maxSteps });
    const agent = createAgent(env, SETTINGS.params, SETTINGS.seed);
    runSteps(agent, Number.MAX_SAFE_INTEGER, SETTINGS.episodes);
    expect(s.convergence.stableSince).toBe(agent.greedyStableSince);
  });
});
