import { useEffect, useRef } from 'react';
import { ACTION_NAMES } from '../../../rl/env-basics';
import type { LabState } from '../../../store/lab-store';
import { isTerminalTile, tileLetter, TILE_NAMES } from '../../../viz/describe';
import type { EnvInfo } from '../../../worker/protocol';
import { createPairGrid } from '../../../viz/pair-grid';
import type { Palette } from '../../../viz/scales';
import { useRendererHost } from '../../hosts/useRendererHost';
import { useLab, useLabStore } from '../../shell/lab-context';
import { learnerHostOptions } from './panel-host';

/** One number per pair read from the run's snapshots, as the tab's heat grids draw it. */
export interface PairLayer {
  /** The grid's accessible name. */
  label: string;
  /** The snapshot's values (s·4 + a), or null when it carries none for the map on screen. */
  values(state: LabState): ArrayLike<number> | null;
  /** The fill for a frame's values (a colour scale over them, say). */
  fill(values: ArrayLike<number>, palette: Palette): (value: number) => string;
  /** State s's cell name, saying its four numbers. */
  name(env: EnvInfo, values: ArrayLike<number>, s: number): string;
  /** A sentence under the grid about the values and the picked state (none when absent). */
  sentence?(env: EnvInfo, values: ArrayLike<number>, picked: number | null): string;
}

/**
 * A cell's name saying its four numbers: "state 4, e Left 0.00, Down 0.89, Right 0.00, Up 0.00"
 * (`word` "e", `format` the numbers); a hole or the goal: "state 5, hole, the episode ends here".
 */
export function pairCellName(
  desc: readonly string[],
  values: ArrayLike<number>,
  s: number,
  word: string,
  format: (x: number) => string,
): string {
  const tile = tileLetter(desc, desc[0]!.length, s);
  if (isTerminalTile(tile)) return `state ${s}, ${TILE_NAMES[tile]}, the episode ends here`;
  const parts = ACTION_NAMES.map((name, a) => `${name} ${format(values[s * 4 + a] ?? 0)}`);
  return `state ${s}, ${word} ${parts.join(', ')}`;
}

/** The picked state and, for a pair, its action. */
export interface PairPick {
  state: number | null;
  action?: number | null;
}

/**
 * Hosts a `viz/pair-grid` of `layer` fed from the lab store outside React (`learnerHostOptions`),
 * with `pick` outlined and `onSelect` hearing a chosen cell. Returns the host element's ref.
 */
export function usePairGrid(layer: PairLayer, pick: PairPick, onSelect: (s: number) => void) {
  const store = useLabStore();
  const palette = useLab((s) => s.display.palette);
  const picked = useRef(pick);
  useEffect(() => {
    picked.current = pick;
  }, [pick]);
  return useRendererHost(
    (element: HTMLDivElement) => {
      const grid = createPairGrid(element, layer.label, onSelect);
      const sentence = layer.sentence ? element.appendChild(document.createElement('p')) : null;
      if (sentence) sentence.className = 'learner-readout';
      return {
        draw(state: LabState) {
          const { env } = state;
          const values = layer.values(state);
          if (!env || !values || values.length !== env.nS * 4) return;
          const { state: at, action } = picked.current;
          grid.update({
            desc: env.desc,
            values,
            fill: layer.fill(values, palette),
            name: (s) => layer.name(env, values, s),
            selected: at,
            selectedAction: action ?? null,
          });
          if (sentence) sentence.textContent = layer.sentence!(env, values, at);
        },
        destroy() {
          grid.destroy();
          sentence?.remove();
        },
      };
    },
    learnerHostOptions(store, [pick.state, pick.action]),
    [palette, layer, onSelect],
  );
}
