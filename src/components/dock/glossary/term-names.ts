/**
 * The glossary's terms by identifier, in teaching order, each with the short form a question
 * uses ("What is α?"). Small on purpose: every inline `<Term>` button needs it before the first
 * draw, while the definitions and live readings (glossary-terms.ts) load when a term first opens.
 */

/** Each term's short form inside a question, "What is α?": "α", "a state", "the TD error". */
export const TERM_SHORT = {
  agent: 'the agent',
  state: 'a state',
  action: 'an action',
  reward: 'a reward',
  return: 'the return',
  episode: 'an episode',
  policy: 'a policy',
  epsilon: 'ε',
  alpha: 'α',
  gamma: 'γ',
  q: 'Q(s,a)',
  v: 'V(s)',
  advantage: 'A(s,a)',
  'td-target': 'the TD target',
  'td-error': 'the TD error',
  visits: 'a visit count',
  'td-size': 'the size of the latest TD error',
} as const;

/** One term's identifier, e.g. `'alpha'` or `'td-error'`. */
export type TermId = keyof typeof TERM_SHORT;

/** The identifiers of the glossary's terms, in teaching order. */
export const TERM_IDS = Object.keys(TERM_SHORT) as readonly TermId[];

/** The question a `<Term>` button asks: "What is α?", "What is the TD error?". */
export function termQuestion(id: TermId): string {
  return `What is ${TERM_SHORT[id]}?`;
}
