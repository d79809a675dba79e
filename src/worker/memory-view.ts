/**
 * The snapshot's view of an algorithm's memory beyond Q (`MemoryView`): copies of only the parts
 * its algorithm uses, taken when a snapshot is sent (never per step), their buffers pushed onto
 * the message's transfer list. The live arrays stay the worker's.
 */
import type { QAgent } from '../rl/agent';
import type { Algorithm } from '../rl/algorithms/registry';
import type { MemoryView } from './protocol';

/** The memory `algorithm` keeps, copied from `agent`; undefined for one-step TD (Q is all it keeps). */
export function memoryView(
  agent: QAgent,
  algorithm: Algorithm,
  transfer: Transferable[],
): MemoryView | undefined {
  const m = agent.memory;
  switch (algorithm) {
    case 'double-q-learning': {
      const tables: [Float64Array, Float64Array] = [m.tables[0].slice(), m.tables[1].slice()];
      transfer.push(tables[0].buffer, tables[1].buffer);
      return { tables };
    }
    case 'sarsa-lambda':
    case 'q-lambda': {
      const traces = m.traces.slice();
      transfer.push(traces.buffer);
      return { traces };
    }
    case 'dyna-q': {
      const model = {
        counts: m.modelCounts.slice(),
        rewards: m.modelRewards.slice(),
        next: m.modelNext.slice(),
        planningUpdates: m.planningUpdates,
      };
      transfer.push(model.counts.buffer, model.rewards.buffer, model.next.buffer);
      return { model };
    }
    case 'monte-carlo':
      return { returns: { lastReturn: m.lastReturn, updates: m.lastReturnUpdates } };
    case 'q-learning':
    case 'sarsa':
    case 'expected-sarsa':
      return undefined;
  }
}

/** `{ memory }` when there is one: a snapshot of one-step TD carries no `memory` key at all. */
export function withMemory(memory: MemoryView | undefined): { memory?: MemoryView } {
  return memory ? { memory } : {};
}
