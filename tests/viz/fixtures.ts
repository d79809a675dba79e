/**
 * Frames and DOM helpers for the viz tests. Frames are derived from Q with the same pure helpers
 * the worker uses, so V, A and the greedy masks are always consistent with Q.
 */
import { MAPS } from '../../src/rl/maps';
import { advantages, greedyMasks, stateValues } from '../../src/rl/tables';
import type { GridFrame, GridPath } from '../../src/viz/q-grid';

/** Gymnasium's 4x4 map: SFFF, FHFH, FFFH, HFFG. */
export const MAP_4X4: readonly string[] = MAPS['4x4'];
/** Gymnasium's 8x8 map. */
export const MAP_8X8: readonly string[] = MAPS['8x8'];

/** A frame for a map and a flat Q (all zeros by default), agent on the start, no path, no animation. */
export function frameFor(
  desc: readonly string[],
  q: Float64Array = new Float64Array(desc.length * desc[0]!.length * 4),
  extra: Partial<GridFrame> = {},
): GridFrame {
  return {
    desc,
    q,
    v: stateValues(q),
    advantage: advantages(q),
    greedyMask: greedyMasks(q),
    agentState: 0,
    path: null,
    step: null,
    animate: false,
    durationMs: 0,
    ...extra,
  };
}

/** Q on the 4x4 map with Q(0, Right) = 0.5 and every other entry 0, so Right alone is greedy in state 0. */
export function rightDominatesAtStart(): Float64Array {
  const q = new Float64Array(16 * 4);
  q[0 * 4 + 2] = 0.5;
  return q;
}

/** A trajectory from plain arrays. */
export function trajectory(
  states: number[],
  actions: number[],
  directions: number[],
  end: { terminated?: boolean; truncated?: boolean } = {},
): GridPath {
  return {
    states: Int32Array.from(states),
    actions: Int8Array.from(actions),
    directions: Int8Array.from(directions),
    length: actions.length,
    terminated: end.terminated ?? false,
    truncated: end.truncated ?? false,
  };
}

/** A fresh host element attached to the document. */
export function makeHost(): HTMLDivElement {
  const host = document.createElement('div');
  document.body.append(host);
  return host;
}

/** Cell groups in document order. */
export function cells(host: Element): SVGGElement[] {
  return Array.from(host.querySelectorAll<SVGGElement>('g.qgrid-cell'));
}

/** The cell group of state s. */
export function cell(host: Element, s: number): SVGGElement {
  const g = host.querySelector<SVGGElement>(`g.qgrid-cell[data-state="${s}"]`);
  if (!g) throw new Error(`no cell ${s}`);
  return g;
}

/** True unless the element or one of its ancestors up to `root` has display="none". */
export function shown(el: Element, root: Element): boolean {
  for (let e: Element | null = el; e && e !== root; e = e.parentElement)
    if (e.getAttribute('display') === 'none') return false;
  return true;
}

/** The overlay group of state s: its numbers, arrows and letter badge, drawn above the path. */
export function overlay(host: Element, s: number): SVGGElement {
  const g = host.querySelector<SVGGElement>(`g.qgrid-cell-overlay[data-overlay-state="${s}"]`);
  if (!g) throw new Error(`no overlay ${s}`);
  return g;
}

/** Greedy arrows drawn in a cell (visible ones only). */
export function visibleArrows(host: Element, s: number): SVGPathElement[] {
  const g = overlay(host, s);
  return Array.from(g.querySelectorAll<SVGPathElement>('path.qgrid-arrow')).filter((p) =>
    shown(p, host),
  );
}

/** Every attribute value and text node under root that contains "NaN" or "undefined". */
export function badValues(root: Element): string[] {
  const bad: string[] = [];
  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const attr of Array.from(el.attributes))
      if (/NaN|undefined|Infinity/.test(attr.value))
        bad.push(`<${el.tagName} ${attr.name}="${attr.value}">`);
    for (const node of Array.from(el.childNodes))
      if (node.nodeType === 3 && /NaN|undefined/.test(node.textContent ?? ''))
        bad.push(`<${el.tagName}> text "${node.textContent}"`);
  }
  return bad;
}

/** Resolves after `ms` real milliseconds (d3-timer runs on requestAnimationFrame, which jsdom provides). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Parses "translate(x,y)" or "translate(x,y) scale(k)". */
export function translation(transform: string | null): { x: number; y: number; k: number } {
  const m = /translate\(([-\d.]+),([-\d.]+)\)(?: scale\(([-\d.]+)\))?/.exec(transform ?? '');
  if (!m) throw new Error(`not a translation: ${transform}`);
  return { x: Number(m[1]), y: Number(m[2]), k: m[3] === undefined ? 1 : Number(m[3]) };
}
