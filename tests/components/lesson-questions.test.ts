import { describe, expect, it } from 'vitest';
import {
  advantageQuestion,
  checkAnswer,
  exploreExploitQuestion,
  fmt,
  frameCountQuestion,
  framesOfRun,
  greedyActionQuestion,
  makeQuestion,
  qUpdateQuestion,
  readNumber,
  separatingDigits,
  stateValueQuestion,
  whyDecayQuestion,
  type LiveState,
  type Question,
  type Verdict,
} from '../../src/components/lesson/questions';
import { LESSON_PARAMS } from '../../src/rl/params';
import { advantages, greedyMasks, stateValues } from '../../src/rl/tables';
import { lessonSettings } from '../../src/store/lab-store';
import type { Snapshot, UpdateData } from '../../src/worker/protocol';

/** A snapshot with Q = `rows` for the first states (the rest 0), the agent in `state`. */
function snapshotOf(rows: number[][], last: UpdateData | null = null, state = 0): Snapshot {
  const q = new Float64Array(16 * 4);
  rows.forEach((row, s) => row.forEach((x, a) => (q[s * 4 + a] = x)));
  // Only the fields the questions read are meaningful; the rest are empty tables.
  return {
    q,
    v: stateValues(q),
    advantage: advantages(q),
    greedyMask: greedyMasks(q),
    state,
    last,
  } as Partial<Snapshot> as Snapshot;
}

/** The last update: in state 4 the agent took Down (1) to state 8, reward 0. */
function update(change: Partial<UpdateData> = {}): UpdateData {
  const u = {
    state: 4,
    action: 1,
    explored: false,
    intended: 1,
    actual: 1,
    slipped: false,
    nextState: 8,
    reward: 0,
    bootstrap: 0.8,
    discountedBootstrap: 0.792,
    tdTarget: 0.792,
    tdError: 0.292,
    change: 0.0292,
    qBefore: 0.5,
    qAfter: 0.5292,
    epsilon: 0.25,
    epsilonAfter: 0.2499,
    alpha: 0.1,
    gamma: 0.99,
    terminated: false,
    truncated: false,
    episode: 812,
    t: 3,
    totalSteps: 9000,
    ...change,
  };
  return u;
}

function live(snapshot: Snapshot | null, cell: number | null = 0): LiveState {
  return {
    snapshot,
    settings: lessonSettings('4x4', 0),
    epsilon: 0.5,
    params: { ...LESSON_PARAMS },
    cell,
  };
}

function asked(q: Question | string): Question {
  if (typeof q === 'string') throw new Error(`no question: ${q}`);
  return q;
}

function verdict(q: Question, answer: string): Verdict {
  const v = checkAnswer(q, answer);
  if (typeof v === 'string') throw new Error(`not checked: ${v}`);
  return v;
}

describe('what will Q(s,a) become after this update?', () => {
  // td_target = 0 + 0.99·0.8 = 0.792; td_error = 0.792 − 0.5 = 0.292; Q = 0.5 + 0.1·0.292 = 0.5292
  const q = asked(qUpdateQuestion(live(snapshotOf([], update()))));

  it('quotes Q before, r, max Q(s′), α and γ, and computes the answer from them', () => {
    expect(q.prompt).toContain('Q(s,Down) = 0.5000');
    expect(q.prompt).toContain('max_a′ Q(s′,a′) = 0.8000');
    expect(q.prompt).toContain('reward 0');
    expect(q.prompt).toContain('α = 0.1, γ = 0.99');
    expect(q.format === 'number' && q.answer).toBeCloseTo(0.5292, 12);
  });

  it('is right within the tolerance and explains with the worker’s own Q after', () => {
    const right = verdict(q, '0.529');
    expect(right.correct).toBe(true);
    expect(right.text).toContain('TD target = r + γ·max Q(s′) = 0 + 0.99·0.8000 = 0.7920');
    expect(right.text).toContain('TD error = 0.7920 − 0.5000 = 0.2920');
    expect(right.text).toContain('new Q = 0.5000 + 0.1·0.2920 = 0.5292');
    expect(right.text).toContain('The worker’s own Q(s,Down) after the update: 0.5292.');
  });

  it('is wrong outside it, and the explanation still shows the numbers', () => {
    const wrong = verdict(q, '0.5');
    expect(wrong.correct).toBe(false);
    expect(wrong.text).toMatch(/^Not quite: you answered 0\.5, the answer is 0\.5292\. TD target/);
    expect(verdict(q, '0.531').correct).toBe(false);
  });

  it('refuses text that is not a number, checking nothing', () => {
    expect(checkAnswer(q, 'about half')).toBe('Type a number, such as 0.125; got "about half".');
    expect(checkAnswer(q, '  ')).toMatch(/^Type a number/);
  });

  it('waits for a first step', () => {
    expect(qUpdateQuestion(live(null))).toMatch(/^Press Step first/);
    expect(qUpdateQuestion(live(snapshotOf([], null)))).toMatch(/^Press Step first/);
  });
});

describe('which action is greedy in the highlighted cell?', () => {
  it('counts every tied action as right, and says it was a tie', () => {
    const q = asked(greedyActionQuestion(live(snapshotOf([[0, 0.2, 0.2, 0.1]]))));
    expect(q.prompt).toContain('state 0 (row 1, column 1)');
    expect(q.prompt).toContain('Left 0.0000, Down 0.2000, Right 0.2000, Up 0.1000');
    const down = verdict(q, '1');
    expect(down.correct).toBe(true);
    expect(down.text).toContain('It was a tie: Down, Right were all greedy.');
    expect(verdict(q, '2').correct).toBe(true);
    const left = verdict(q, '0');
    expect(left.correct).toBe(false);
    expect(left.text).toContain('Down, Right tie at the maximum Q = 0.2000');
  });

  it('makes all four actions right at the start, when every Q is 0', () => {
    const q = asked(greedyActionQuestion(live(snapshotOf([]))));
    for (const a of ['0', '1', '2', '3']) expect(verdict(q, a).correct).toBe(true);
  });

  it('names the one greedy action when there is no tie', () => {
    const q = asked(greedyActionQuestion(live(snapshotOf([[0.1, 0.05, 0.3, 0]]))));
    const v = verdict(q, '2');
    expect(v.text).toBe(
      'Right: Right. Right has the largest Q-value, 0.3000: the greedy action is argmax_a Q(s,a).',
    );
  });

  it('shows enough decimals that no false tie appears', () => {
    const q = snapshotOf([[0.00001, 0.00002, 0, 0]]).q;
    expect(separatingDigits(q, 0)).toBe(5);
    const question = asked(greedyActionQuestion(live(snapshotOf([[0.00001, 0.00002, 0, 0]]))));
    expect(question.prompt).toContain('Left 0.00001, Down 0.00002');
  });

  it('asks about the agent’s cell when the chapter points at none', () => {
    const q = asked(greedyActionQuestion(live(snapshotOf([], null, 5), null)));
    expect(q.prompt).toContain('state 5 (row 2, column 2)');
  });

  it('refuses an answer that is none of the choices', () => {
    const q = asked(greedyActionQuestion(live(snapshotOf([]))));
    expect(checkAnswer(q, '')).toBe('Choose one of the answers first.');
  });
});

describe('V(s) and A(s,a) from the cell’s Q-values', () => {
  const snap = snapshotOf([[0.1, 0.3, 0.2, 0]]);

  it('V(s) = max_a Q(s,a) = 0.3', () => {
    const q = asked(stateValueQuestion(live(snap)));
    expect(q.format === 'number' && q.answer).toBe(0.3);
    expect(verdict(q, '0.3').text).toContain('V(s) = max_a Q(s,a) = Q(s,Down) = 0.3000');
    expect(verdict(q, '0.1').correct).toBe(false);
  });

  it('A(s,Up) = 0 − 0.3 = −0.3, for the action furthest below the best', () => {
    const q = asked(advantageQuestion(live(snap)));
    expect(q.prompt).toContain('What is the advantage A(s,Up)?');
    expect(q.format === 'number' && q.answer).toBeCloseTo(-0.3, 12);
    const v = verdict(q, '−0.3');
    expect(v.correct).toBe(true);
    expect(v.text).toContain('A(s,Up) = Q(s,Up) − V(s) = 0.0000 − 0.3000 = −0.3000');
    expect(v.text).toContain('The worker’s own A(s,Up): −0.3000.');
    expect(verdict(q, '0.3').correct).toBe(false);
  });

  it('A is 0 when every action ties', () => {
    const q = asked(advantageQuestion(live(snapshotOf([]))));
    expect(q.format === 'number' && q.answer).toBe(0);
    expect(verdict(q, '0').text).toContain('is a greedy action, so its advantage is 0');
  });
});

describe('is this step exploring or exploiting?', () => {
  it('follows the worker’s own flag and quotes ε', () => {
    const explored = asked(
      exploreExploitQuestion(live(snapshotOf([], update({ explored: true })))),
    );
    expect(verdict(explored, 'explore').correct).toBe(true);
    expect(verdict(explored, 'exploit').text).toContain(
      'It was exploring: the worker’s uniform draw fell below ε = 0.250',
    );
    const exploited = asked(exploreExploitQuestion(live(snapshotOf([], update()))));
    expect(verdict(exploited, 'exploit').correct).toBe(true);
    expect(verdict(exploited, 'exploit').text).toContain(
      'At ε = 0.250, about 25% of steps explore.',
    );
  });
});

describe('why does ε decay?', () => {
  it('has one right choice and counts the steps to the floor from the live ε', () => {
    // (0.5 − 0.01) / 0.0001 = 4,900, but the learner's rounded subtractions leave ε a hair above
    // 0.01 after 4,900 of them: it reaches the floor on step 4,901 (rl/epsilon-floor.ts).
    const q = whyDecayQuestion(live(null));
    expect(q.format === 'choice' && q.correct).toEqual(['explore-first']);
    expect(verdict(q, 'explore-first').text).toContain(
      'ε is 0.500 now and falls by 0.0001 a step, so it reaches the floor 0.01 after 4,901 more steps.',
    );
    expect(verdict(q, 'bigger-updates').correct).toBe(false);
  });

  it('says when ε does not decay', () => {
    const q = whyDecayQuestion({ ...live(null), params: { ...LESSON_PARAMS, epsilonDecay: 0 } });
    expect(q.explanation).toContain('the decay is 0, so ε stays at 0.500');
  });
});

describe('how many frames does a run keep?', () => {
  it('one per multiple of the interval, and the last episode', () => {
    expect(framesOfRun(10_000, 1_000)).toBe(11); // 0, 1000, …, 9000, and 9999
    expect(framesOfRun(1_001, 1_000)).toBe(2); // 0 and 1000, the last
    expect(framesOfRun(1, 1_000)).toBe(1); // episode 0 is the last
    expect(framesOfRun(5, 1)).toBe(5);
  });

  it('asks it from the run’s own settings', () => {
    const q = frameCountQuestion(live(null));
    expect(q.prompt).toContain('10,000 episodes');
    expect(verdict(q, '11').correct).toBe(true);
    expect(verdict(q, '10').text).toContain(
      'Episodes 0, 1,000, … up to 9,000 give 10 frames, and the last episode, 9,999, one more: 11.',
    );
  });
});

describe('helpers', () => {
  it('reads typed numbers, with a typographic minus', () => {
    expect(readNumber(' −0.25 ')).toBe(-0.25);
    expect(readNumber('.5')).toBe(0.5);
    expect(readNumber('1e3')).toBeNaN();
    expect(readNumber('0x10')).toBeNaN();
  });

  it('formats without −0', () => {
    expect(fmt(-0.00001)).toBe('0.0000');
    expect(fmt(-0.25)).toBe('−0.2500');
  });

  it('makes every kind of question', () => {
    const state = live(snapshotOf([[0.1, 0.3, 0.2, 0]], update()));
    for (const kind of [
      'greedy-action',
      'q-update',
      'state-value',
      'advantage',
      'explore-exploit',
      'why-decay',
      'frame-count',
    ] as const)
      expect(asked(makeQuestion(kind, state)).kind).toBe(kind);
  });
});
