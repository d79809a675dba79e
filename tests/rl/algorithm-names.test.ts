import { describe, expect, it } from 'vitest';
import { ALGORITHM_NAMES, algorithmNameError, isAlgorithmName } from '../../src/rl/algorithm-names';
import { ALGORITHMS } from '../../src/rl/algorithms/registry';

describe('ALGORITHM_NAMES', () => {
  it('lists every algorithm of the registry, in its order', () => {
    expect([...ALGORITHM_NAMES]).toEqual([...ALGORITHMS]);
  });

  it('knows a registered name and refuses anything else', () => {
    expect(isAlgorithmName('dyna-q')).toBe(true);
    expect(isAlgorithmName('Dyna-Q')).toBe(false);
    expect(isAlgorithmName('')).toBe(false);
    expect(isAlgorithmName(3)).toBe(false);
  });
});

describe('algorithmNameError', () => {
  it('lists every algorithm and quotes the name it refuses', () => {
    expect(algorithmNameError('td-gammon')).toBe(
      `Algorithm must be one of ${ALGORITHM_NAMES.join(', ')}; got "td-gammon".`,
    );
  });
});
