/**
 * The general loop, written as the lesson writes it, one call per idea, for any algorithm of the
 * registry (or any `AlgorithmDefinition`):
 *
 *   choose a from s (or take the a′ SARSA chose last step)               `chooseExploring`
 *   step the environment: s′, r, terminated                              `sampleOutcome`
 *   ε′ = max(min ε, ε − decay)                                           (per-step schedule)
 *   bootstrap from s′, as the algorithm says                             `definition.bootstrap`
 *   td_target = r + γ·bootstrap; Q(s, a) ← Q(s, a) + α·td_error          `tdRule`
 *     (or the algorithm's own `learn`: traces, planning, two tables, returns)
 *
 * and the books every loop keeps (trajectory codes, visits N(s, a), TD errors, the greedy-set
 * watch, the episode log, `agent.last`). No allocation per step. For Q-learning it gives the fast
 * `runSteps`' numbers bit for bit (tested); it also serves Q-learning's 'random' tie rule, which
 * would slow the fast loop for everyone.
 */
import { finishEpisode, type QAgent } from './agent';
import type { AlgorithmDefinition, BootstrapInput, LearnStep } from './algorithms/definition';
import { algorithmDefinition, type Algorithm } from './algorithms/registry';
import { sampleOutcome } from './env';
import { chooseExploring } from './exploration';
import { nextUniform } from './rng';
import { lastStepRecord, recordLast, type StepRecord } from './step-record';
import { stepSize } from './step-size';
import { greedySetChanged } from './tables';
import { createTdUpdate, tdRule } from './td-rule';
import { encodeStep } from './trajectory';

/** A registered algorithm's name, or a definition (one not in the registry runs the same way). */
export type AlgorithmLike = Algorithm | AlgorithmDefinition;

function definitionOf(algorithm: AlgorithmLike): AlgorithmDefinition {
  return typeof algorithm === 'string' ? algorithmDefinition(algorithm) : algorithm;
}

/**
 * Runs up to `maxSteps` steps of `algorithm` (each one environment step and one Q update),
 * stopping early after `maxEpisodes` episodes end. Returns the steps taken. Any way of cutting a
 * run into calls gives the same numbers (SARSA's a′ waits in `agent.nextAction`); an a′ already
 * chosen is taken by the next step whichever algorithm runs it. Parameters are read once per call.
 */
export function runAlgorithmSteps(
  agent: QAgent,
  algorithm: AlgorithmLike,
  maxSteps: number,
  maxEpisodes = Infinity,
): number {
  const definition = definitionOf(algorithm);
  const carriesNextAction = definition.extraState === 'next-action';
  const { env, q, rng } = agent;
  const chosen = agent.nextAction;
  const { alpha, gamma, epsilonDecay, minEpsilon, tieBreak } = agent.params;
  const { options, visits } = agent;
  const input: BootstrapInput = {
    q,
    rng,
    tieBreak,
    nextState: 0,
    terminated: false,
    epsilonNext: 0,
    nextAction: chosen,
    visits,
    options,
    memory: agent.memory,
  };
  const td = createTdUpdate();
  const learn = definition.learn;
  const learnStep: LearnStep = {
    agent,
    state: 0,
    action: 0,
    reward: 0,
    nextState: 0,
    outcome: 0,
    terminated: false,
    ended: false,
    bootstrap: 0,
    alpha,
    gamma,
    td,
    recordAlpha: alpha,
  };
  let recordAlpha = alpha;
  let steps = 0;
  let episodesDone = 0;
  let ended = false;
  let epsilon = agent.epsilon;

  while (steps < maxSteps && episodesDone < maxEpisodes) {
    const s = agent.state;
    // a: the a′ chosen last step if it is still this state's, else a fresh ε-greedy choice.
    if (chosen.atStep !== agent.totalSteps)
      chooseExploring(chosen, q, visits, s, agent.epsilon, tieBreak, rng, options);
    const a = chosen.action;
    const explored = chosen.explored;
    epsilon = chosen.epsilon;
    chosen.atStep = -1;

    // The environment: one uniform, Gymnasium's categorical_sample.
    const i = (s * env.nA + a) * 3 + sampleOutcome(env, s, a, nextUniform(rng));
    const ns = env.outNext[i]!;
    const r = env.outReward[i]!;
    const terminated = env.outTerminated[i] === 1;
    const cur = agent.current;
    const truncated = !terminated && cur.length + 1 >= env.maxSteps;

    // ε′ = max(min ε, ε − decay): this step's decay, the ε of the next choice.
    const epsilonNext = Math.max(minEpsilon, agent.epsilon - epsilonDecay);
    agent.epsilon = epsilonNext;

    // The algorithm's bootstrap, from Q before the update; then the one TD rule.
    input.nextState = ns;
    input.terminated = terminated;
    input.epsilonNext = epsilonNext;
    const bootstrap = definition.bootstrap(input);
    agent.bootstrapAction = carriesNextAction && !terminated ? chosen.action : -1;
    const sa = s * 4 + a;
    const alphaSa = stepSize(options.alphaSchedule, alpha, visits[sa]! + 1);
    if (learn === undefined) {
      tdRule(td, q[sa]!, r, gamma, bootstrap, alphaSa);
      q[sa] = td.qAfter;
      recordAlpha = alphaSa;
      if (greedySetChanged(q, s, a, td.qBefore)) agent.greedyStableSince = cur.episode + 1;
    } else {
      learnStep.state = s;
      learnStep.action = a;
      learnStep.reward = r;
      learnStep.nextState = ns;
      learnStep.outcome = i;
      learnStep.terminated = terminated;
      learnStep.ended = terminated || truncated;
      learnStep.bootstrap = bootstrap;
      learnStep.alpha = alphaSa;
      learn(learnStep);
      recordAlpha = learnStep.recordAlpha;
    }
    visits[sa]!++;
    agent.tdErrors[sa] = td.tdError;

    // The books: one packed code per step, the return, the counters.
    cur.codes[cur.length] = encodeStep(ns, explored, env.outDirection[i]!, a);
    cur.length++;
    cur.return += r;
    agent.t = cur.length;
    agent.totalSteps++;
    steps++;
    agent.state = ns;
    ended = terminated || truncated;
    if (ended) {
      finishEpisode(agent, terminated, ns);
      agent.state = env.start;
      agent.t = 0;
      agent.episode++;
      episodesDone++;
    } else if (carriesNextAction) chosen.atStep = agent.totalSteps; // a′ is the next action
  }
  if (steps > 0) recordLast(agent, ended, td.qBefore, td.bootstrap, epsilon, recordAlpha, gamma);
  return steps;
}

/** Exactly one step of `algorithm`, narrated (`bootstrap` is the algorithm's). */
export function algorithmStep(agent: QAgent, algorithm: AlgorithmLike): StepRecord {
  runAlgorithmSteps(agent, algorithm, 1);
  return lastStepRecord(agent);
}

/** Runs `episodes` whole episodes of `algorithm` from where the agent is; returns the steps. */
export function runAlgorithmEpisodes(
  agent: QAgent,
  algorithm: AlgorithmLike,
  episodes: number,
): number {
  let steps = 0;
  const target = agent.episode + episodes;
  while (agent.episode < target)
    steps += runAlgorithmSteps(agent, algorithm, Number.MAX_SAFE_INTEGER, target - agent.episode);
  return steps;
}
