/**
 * Every algorithm the lab runs, in the order tables and menus list them. Adding one is a file in
 * this folder and an entry here (see `definition.ts`); the names, labels and formulas below are
 * read from the entries, so nothing else lists them.
 */
import type { AlgorithmDefinition } from './definition';
import { DOUBLE_Q_LEARNING } from './double-q-learning';
import { DYNA_Q } from './dyna-q';
import { EXPECTED_SARSA } from './expected-sarsa';
import { MONTE_CARLO } from './monte-carlo';
import { Q_LAMBDA } from './q-lambda';
import { Q_LEARNING } from './q-learning';
import { SARSA } from './sarsa';
import { SARSA_LAMBDA } from './sarsa-lambda';

/** The registry: one definition per algorithm. */
export const ALGORITHM_REGISTRY = Object.freeze([
  Q_LEARNING,
  SARSA,
  EXPECTED_SARSA,
  DOUBLE_Q_LEARNING,
  SARSA_LAMBDA,
  Q_LAMBDA,
  DYNA_Q,
  MONTE_CARLO,
] as const);

/** An algorithm's name. */
export type Algorithm = (typeof ALGORITHM_REGISTRY)[number]['name'];

const BY_NAME = new Map<string, AlgorithmDefinition<Algorithm>>(
  ALGORITHM_REGISTRY.map((d) => [d.name, d]),
);

/** Every algorithm's name, in registry order. */
export const ALGORITHMS: readonly Algorithm[] = Object.freeze(
  ALGORITHM_REGISTRY.map((d) => d.name),
);

/** True for an algorithm name. */
export function isAlgorithm(x: unknown): x is Algorithm {
  return typeof x === 'string' && BY_NAME.has(x);
}

/** The definition of a named algorithm. */
export function algorithmDefinition(name: Algorithm): AlgorithmDefinition<Algorithm> {
  return BY_NAME.get(name)!;
}

function byName<T>(
  field: (d: AlgorithmDefinition<Algorithm>) => T,
): Readonly<Record<Algorithm, T>> {
  return Object.freeze(
    Object.fromEntries(ALGORITHM_REGISTRY.map((d) => [d.name, field(d)])) as Record<Algorithm, T>,
  );
}

/** Display names. */
export const ALGORITHM_LABELS = byName((d) => d.label);

/** The bootstrap value each algorithm's target uses, as the lesson writes formulas. */
export const BOOTSTRAP_FORMULAS = byName((d) => d.bootstrapFormula);
