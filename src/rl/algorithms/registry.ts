/**
 * Every algorithm the lab runs, in the order tables and menus list them. Adding one is a file in
 * this folder and an entry here (see `definition.ts`); the names, labels and formulas below are
 * read from the entries, so nothing else lists them.
 */
import type { AlgorithmDefinition } from './definition';
import { EXPECTED_SARSA } from './expected-sarsa';
import { Q_LEARNING } from './q-learning';
import { SARSA } from './sarsa';

/** The registry: one definition per algorithm. */
export const ALGORITHM_REGISTRY = Object.freeze([Q_LEARNING, SARSA, EXPECTED_SARSA] as const);

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
