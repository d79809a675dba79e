/**
 * The learner in a link: `algorithm=NAME` and the options, read with the core's limits, written
 * only when they differ from the lesson's, and read back as written; a bad value is a notice
 * naming why, and the rest of the link applies.
 */
import { describe, expect, it } from 'vitest';
import { parseUrlState, serializeUrlState } from '../../src/shared/url/url-state';
import { labQuery, urlStateToRun } from '../../src/shared/url/lab-link';
import { lessonSettings } from '../../src/shared/lesson-run';

describe('the link’s algorithm and learner options', () => {
  it('reads the algorithm and its options into the run the link starts', () => {
    const { state, notices } = parseUrlState(
      '?algorithm=sarsa-lambda&learner=lambda:0.5,traces:accumulating,exploration:softmax,temperature:0.05,initialQ:1,alphaSchedule:visits',
    );
    expect(notices).toEqual([]);
    const { settings } = urlStateToRun(state);
    expect(settings.algorithm).toBe('sarsa-lambda');
    expect(settings.learner).toEqual({
      lambda: 0.5,
      traces: 'accumulating',
      exploration: 'softmax',
      temperature: 0.05,
      initialQ: 1,
      alphaSchedule: 'visits',
    });
  });

  it('round-trips every option, writing only what differs from the lesson', () => {
    const plain = parseUrlState('').state;
    expect(serializeUrlState({ ...plain, algorithm: 'q-learning', learner: { lambda: 0.9 } })).toBe(
      '',
    );
    for (const query of [
      'algorithm=dyna-q&learner=planningSteps:10',
      'algorithm=monte-carlo&learner=firstVisit:1',
      'algorithm=q-lambda&learner=lambda:0,traces:accumulating',
      'learner=exploration:ucb,ucbC:2,initialQ:-0.5',
      'algorithm=double-q-learning&learner=exploration:softmax,temperature:0.3,alphaSchedule:visits',
    ]) {
      const { state, notices } = parseUrlState(query);
      expect(notices).toEqual([]);
      expect(serializeUrlState(state)).toBe(query);
    }
  });

  it('follows the lab’s settings, so a picked algorithm and a live option go into the link', () => {
    const settings = {
      ...lessonSettings('4x4'),
      algorithm: 'sarsa' as const,
      learner: { exploration: 'ucb' as const },
    };
    expect(labQuery({ settings, speed: 10, view: 'v' }, '')).toContain(
      'algorithm=sarsa&learner=exploration:ucb',
    );
  });

  it('a bad value is ignored with a notice naming why; the rest of the link applies', () => {
    const { state, notices } = parseUrlState('?algorithm=td-gammon&learner=lambda:1.5&seed=4');
    expect(state.seed).toBe(4);
    expect(state.algorithm).toBeUndefined();
    expect(state.learner).toBeUndefined();
    expect(notices).toEqual([
      'The link\'s algorithm="td-gammon" was ignored: Algorithm must be one of q-learning, sarsa, expected-sarsa, double-q-learning, sarsa-lambda, q-lambda, dyna-q, monte-carlo; got "td-gammon".',
      'The link\'s learner="lambda:1.5" was ignored: Trace decay λ must be from 0 to 1; got 1.5.',
    ]);
    const refusal = (learner: string) => parseUrlState(`?learner=${learner}`).notices[0];
    expect(refusal('traces:dutch')).toMatch(/: traces must be replacing, accumulating\.$/);
    expect(refusal('firstVisit:perhaps')).toMatch(/: firstVisit must be 1 \(on\) or 0 \(off\)\./);
    expect(refusal('planningSteps:2.5')).toMatch(/: Planning steps n must be a whole number/);
    expect(refusal('exploration:greedy')).toMatch(
      /: exploration must be epsilon-greedy, softmax, ucb\.$/,
    );
    expect(refusal('gamma:0.5')).toMatch(
      /: "gamma:0.5" is not name:value with a name of exploration, /,
    );
    expect(refusal('lambda')).toMatch(/: Trace decay λ must be .*; got NaN\./);
    // One bad option refuses the whole learner=, so no half-read set of options applies.
    expect(parseUrlState('?learner=lambda:0.5,traces:dutch').state.learner).toBeUndefined();
  });
});
