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
      '?algorithm=sarsa-lambda&lambda=0.5&traces=accumulating&explore=softmax&tau=0.05&q0=1&alpha_schedule=visits',
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
      'algorithm=dyna-q&planning=10',
      'algorithm=monte-carlo&first_visit=1',
      'algorithm=q-lambda&lambda=0&traces=accumulating',
      'explore=ucb&ucb_c=2&q0=-0.5',
      'algorithm=double-q-learning&explore=softmax&tau=0.3&alpha_schedule=visits',
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
      'algorithm=sarsa&explore=ucb',
    );
  });

  it('a bad value is ignored with a notice naming why; the rest of the link applies', () => {
    const { state, notices } = parseUrlState(
      '?algorithm=td-gammon&lambda=1.5&traces=dutch&first_visit=perhaps&planning=2.5&explore=greedy&seed=4',
    );
    expect(state.seed).toBe(4);
    expect(state.algorithm).toBeUndefined();
    expect(state.learner).toBeUndefined();
    expect(notices).toEqual([
      'The link\'s algorithm="td-gammon" was ignored: Algorithm must be one of q-learning, sarsa, expected-sarsa, double-q-learning, sarsa-lambda, q-lambda, dyna-q, monte-carlo; got "td-gammon".',
      'The link\'s lambda="1.5" was ignored: Trace decay λ must be from 0 to 1; got 1.5.',
      'The link\'s traces="dutch" was ignored: Traces must be replacing, accumulating.',
      expect.stringMatching(
        /^The link's first_visit="perhaps" was ignored: First visit must be 1 \(on\) or 0 \(off\)\./,
      ),
      expect.stringMatching(
        /^The link's planning="2.5" was ignored: Planning steps n must be a whole number/,
      ),
      'The link\'s explore="greedy" was ignored: Exploration must be epsilon-greedy, softmax, ucb.',
    ]);
  });
});
