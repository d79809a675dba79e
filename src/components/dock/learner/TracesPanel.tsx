import { useCallback, useEffect, useRef, useState } from 'react';
import { ACTION_NAMES } from '../../../rl/env';
import type { LearnerOptions } from '../../../rl/learner-options';
import { traceSummary } from '../../../rl/trace-summary';
import type { LabState } from '../../../store/lab-store';
import { isTerminalTile, tileLetter, TILE_NAMES } from '../../../viz/describe';
import { formatSigned } from '../../../viz/format';
import { createPairGrid } from '../../../viz/pair-grid';
import { sequentialScale } from '../../../viz/scales';
import { PANEL_INTERVAL_MS } from '../../hosts/frame-throttle';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useLab, useLabStore } from '../../shell/lab-context';

/** The trace options the panel names. */
export type TraceOptions = Pick<LearnerOptions, 'lambda' | 'traces'>;

/** A trace with 2 decimals (0 reads "0.00"). */
const traceText = (e: number) => formatSigned(e, 2);

/** "state 4, e Left 0.00, Down 0.89, Right 0.00, Up 0.00" (holes and the goal: no pairs). */
function traceCellName(desc: readonly string[], traces: ArrayLike<number>, s: number): string {
  const tile = tileLetter(desc, desc[0]!.length, s);
  if (isTerminalTile(tile)) return `state ${s}, ${TILE_NAMES[tile]}, no traces`;
  const parts = ACTION_NAMES.map((name, a) => `${name} ${traceText(traces[s * 4 + a] ?? 0)}`);
  return `state ${s}, e ${parts.join(', ')}`;
}

/** The traces' sentence: their total, how many pairs hold one, the largest. */
function traceSentence(traces: ArrayLike<number>): string {
  const t = traceSummary(traces);
  if (t.active === 0) return 'Every trace is 0: the episode has just begun or ended.';
  const s = t.largestPair >> 2;
  const a = ACTION_NAMES[t.largestPair & 3];
  return `Σ e(s, a) = ${traceText(t.total)} over ${t.active} pairs; the largest, e(${s}, ${a}) = ${traceText(t.largest)}, takes the biggest share of the next TD error.`;
}

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
  const store = useLabStore();
  const palette = useLab((s) => s.display.palette);
  const gamma = useLab((s) => s.params.gamma);
  const [picked, setPicked] = useState<number | null>(null);
  const pickedRef = useRef(picked);
  useEffect(() => {
    pickedRef.current = picked;
  }, [picked]);
  const onSelect = useCallback((s: number) => setPicked(s), []);
  const host = useRendererHost(
    (element: HTMLDivElement) => {
      const grid = createPairGrid(element, 'Eligibility traces e(s, a)', onSelect);
      const sentence = element.appendChild(document.createElement('p'));
      sentence.className = 'learner-readout';
      return {
        draw({ snapshot, env }: LabState) {
          const traces = snapshot?.memory?.traces;
          if (!env || !traces || traces.length !== env.nS * 4) return;
          let top = 1;
          for (const e of traces) top = Math.max(top, e);
          grid.update({
            desc: env.desc,
            values: traces,
            scale: sequentialScale([0, top], palette),
            name: (s) => traceCellName(env.desc, traces, s),
            selected: pickedRef.current,
          });
          const at = pickedRef.current;
          const pick = at === null ? '' : ` Picked: ${traceCellName(env.desc, traces, at)}.`;
          sentence.textContent = traceSentence(traces) + pick;
        },
        destroy() {
          grid.destroy();
          sentence.remove();
        },
      };
    },
    {
      store,
      watch: (state, prev) => state.snapshot !== prev.snapshot,
      draw: (panel, state) => panel.draw(state),
      intervalMs: PANEL_INTERVAL_MS,
      skipHidden: (state) => state.running,
      drawOn: [picked],
    },
    [palette, onSelect],
  );
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
