import { useCallback, useMemo, useState } from 'react';
import { ACTION_NAMES } from '../../../rl/env-basics';
import type { LearnerOptions } from '../../../rl/learner-options';
import { traceSummary } from '../../../rl/trace-summary';
import { formatSigned } from '../../../viz/format';
import { traceColor } from '../../../viz/traces-layer';
import { useLab } from '../../shell/lab-context';
import { pairCellName, usePairGrid, type PairLayer } from './usePairGrid';

/** The trace options the panel names. */
export type TraceOptions = Pick<LearnerOptions, 'lambda' | 'traces'>;

/** A trace with 2 decimals (0 reads "0.00"). */
const traceText = (e: number) => formatSigned(e, 2);

/** The traces as the grid draws them: 0 plain ice, 1 (or more) the darkest. */
const TRACES_LAYER: PairLayer = {
  label: 'Eligibility traces e(s, a)',
  values: (state) => state.snapshot?.memory?.traces ?? null,
  // The main grid's violet, opaque: ice at e = 0, violet at e ≥ 1, whatever the palette.
  fill: () => traceColor,
  name: (env, traces, s) => pairCellName(env.desc, traces, s, 'e', traceText),
  // Their total, how many pairs hold one, the largest; and the picked cell's four.
  sentence(env, traces, picked) {
    const t = traceSummary(traces);
    const pick =
      picked === null ? '' : ` Picked: ${pairCellName(env.desc, traces, picked, 'e', traceText)}.`;
    if (t.active === 0) return `Every trace is 0: the episode has just begun or ended.${pick}`;
    const s = t.largestPair >> 2;
    const a = ACTION_NAMES[t.largestPair & 3];
    return `Σ e(s, a) = ${traceText(t.total)} over ${t.active} pairs; the largest, e(${s}, ${a}) = ${traceText(t.largest)}, takes the biggest share of the next TD error.${pick}`;
  },
};

/**
 * SARSA(λ)'s and Q(λ)'s eligibility traces e(s, a) as a heat grid (each action's triangle filled
 * by its trace, 0 plain ice, 1 and above the darkest), fading by γλ per step as the run goes;
 * the sum and the largest trace under it, and λ with the trace kind above. Fed outside React at
 * most once per `PANEL_INTERVAL_MS`; picking a cell (arrows, Enter) outlines it.
 */
export function TracesPanel({
  algorithm,
  options,
}: {
  algorithm: 'sarsa-lambda' | 'q-lambda';
  options: TraceOptions;
}) {
  const gamma = useLab((s) => s.params.gamma);
  const [picked, setPicked] = useState<number | null>(null);
  const pick = useMemo(() => ({ state: picked }), [picked]);
  const onSelect = useCallback((s: number) => setPicked(s), []);
  const host = usePairGrid(TRACES_LAYER, pick, onSelect);
  const cut =
    algorithm === 'q-lambda'
      ? ' Watkins’s Q(λ) also clears them all after an exploratory action: the greedy policy it learns about would not have taken it.'
      : '';
  return (
    <div className="learner-traces">
      <p className="learner-explainer">
        Each step sets the trace of the pair just taken (
        {options.traces === 'replacing'
          ? 'replacing: e(s, a) ← 1'
          : 'accumulating: e(s, a) ← e(s, a) + 1'}
        ), then every pair moves by α·δ·e(s, a), so one reward reaches back along the path. Then
        every trace shrinks by γλ = {formatSigned(gamma, 2)} × {formatSigned(options.lambda, 2)} ={' '}
        {formatSigned(gamma * options.lambda, 3)}, and all are cleared when the episode ends.{cut}
      </p>
      <p className="learner-settings">
        λ {formatSigned(options.lambda, 2)}, {options.traces} traces
      </p>
      <div ref={host} className="learner-host" />
    </div>
  );
}
