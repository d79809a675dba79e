// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { WhyEightByEight } from '../../src/components/dock/optimal/WhyEightByEight';
import { floorEpisode, isLessonOn8x8, zeroRows } from '../../src/components/dock/optimal/why-8x8';
import { stepsToFloor } from '../../src/rl/epsilon-floor';
import { createEnv } from '../../src/rl/env';
import { MAPS } from '../../src/rl/maps';
import { createAgent } from '../../src/rl/agent';
import { LESSON_PARAMS } from '../../src/rl/params';
import { runSteps } from '../../src/rl/fast-loop';
import { TUNED_PRESETS } from '../../src/rl/tuned-presets';
import { lessonSettings } from '../../src/store/lab-store';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

describe('why-8x8 numbers', () => {
  it('ε reaches its floor after the steps the learner’s own subtractions take', () => {
    // 1 → 0.75 → 0.5 → 0.25 → max(0.01, 0) = 0.01: four steps.
    expect(stepsToFloor({ epsilon: 1, epsilonDecay: 0.25, minEpsilon: 0.01 })).toBe(4);
    expect(stepsToFloor({ epsilon: 0.01, epsilonDecay: 0.25, minEpsilon: 0.01 })).toBe(0);
    expect(stepsToFloor({ epsilon: 1, epsilonDecay: 0, minEpsilon: 0.01 })).toBe(Infinity);
    // The lesson's: the same count as the learner's ε reaching 0.01, step by step.
    const agent = createAgent(createEnv({ map: '8x8' }), LESSON_PARAMS, 0);
    let k = 0;
    while (agent.epsilon > LESSON_PARAMS.minEpsilon) {
      runSteps(agent, 1);
      k++;
    }
    expect(stepsToFloor(LESSON_PARAMS)).toBe(k);
  });

  it('finds the episode that held step k from a snapshot’s episode lengths', () => {
    // Episodes 3, 4, 5 lasted 10, 20, 5 steps and ended at step 35; the current one is 4 steps in.
    const s = {
      totalSteps: 39,
      t: 4,
      episode: 6,
      episodes: { first: 3, lengths: Int32Array.of(10, 20, 5) },
    };
    // Episode 5 held steps 31–35, episode 4 steps 11–30, episode 3 steps 1–10.
    expect(floorEpisode(31, s)).toBe(5);
    expect(floorEpisode(30, s)).toBe(4);
    expect(floorEpisode(11, s)).toBe(4);
    expect(floorEpisode(10, s)).toBe(3);
    expect(floorEpisode(37, s)).toBe(6);
    expect(floorEpisode(40, s)).toBeNull();
    expect(floorEpisode(0, { ...s, episodes: { first: 5, lengths: Int32Array.of(5) } })).toBeNull();
  });

  it('counts the non-terminal states whose Q row is all zeros', () => {
    const q = new Float64Array(16 * 4);
    q[0 * 4 + 2] = 0.1; // S has one non-zero action
    q[14 * 4 + 1] = -0.2;
    // 4x4: 16 tiles, 4 holes and the goal are terminal → 11 states to stand on, 9 of them all zero.
    expect(zeroRows(MAPS['4x4'], q)).toEqual({ zero: 9, nonTerminal: 11 });
  });

  it('applies to the 8x8 map with the lesson’s hyperparameters only', () => {
    expect(isLessonOn8x8(lessonSettings('8x8'))).toBe(true);
    expect(isLessonOn8x8(lessonSettings('4x4'))).toBe(false);
    const s = lessonSettings('8x8');
    expect(isLessonOn8x8({ ...s, params: { ...s.params, gamma: 0.999 } })).toBe(false);
    expect(isLessonOn8x8({ ...s, isSlippery: false })).toBe(false);
  });
});

describe('WhyEightByEight', () => {
  const region = () =>
    screen.queryByRole('region', { name: "Why the lesson's settings fail on 8x8" });

  it('is not shown on 4x4', () => {
    renderWithLab(<WhyEightByEight />);
    expect(region()).toBeNull();
  });

  it('on 8x8 with the lesson’s settings: the floor episode, all-zero rows, exact success; loads the preset', async () => {
    const { store } = renderWithLab(<WhyEightByEight />, {
      settings: lessonSettings('8x8'),
      mapName: '8x8',
    });
    expect(region()).not.toBeNull();
    // Train past ε's floor, an episode at a time (each snapshot carries the episodes' lengths).
    const k = stepsToFloor(LESSON_PARAMS);
    while (store.getState().totalSteps < k + 200)
      act(() => {
        store.getState().stepEpisode();
        store.getState().snapshotDrawn();
      });
    // The same run in the core: the episode during which step k was taken.
    const agent = createAgent(createEnv({ map: '8x8' }), LESSON_PARAMS, 0);
    while (agent.totalSteps < k) runSteps(agent, 1);
    const expected = agent.t === 0 ? agent.episode : agent.episode + 1;
    const r = within(region()!);
    expect(
      await r.findByText(
        new RegExp(
          `in episode ${expected.toLocaleString('en-US')}, after ${k.toLocaleString('en-US')} steps`,
        ),
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(
      await r.findByText(
        /^53 of 53 states the agent can stand on still have Q = 0/,
        {},
        { timeout: 5000 },
      ),
    ).toBeTruthy();
    expect(r.getByText(/reaches the goal within the time limit: 0\.0%/)).toBeTruthy();
    const user = userEvent.setup();
    await user.click(r.getByRole('button', { name: 'Load the 8x8 preset that works' }));
    const preset = TUNED_PRESETS.find((p) => p.map === '8x8')!;
    expect(store.getState().settings).toMatchObject({
      episodes: preset.episodes,
      params: preset.params,
    });
    expect(store.getState().speed).toBe('max');
    expect(region()).toBeNull();
  });
});
