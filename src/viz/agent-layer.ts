/**
 * The agent and its last step, the top three layers of the Q-grid:
 *
 *   step     a faint dashed arrow for the intended move, a solid one for the actual move when the
 *            ice slipped, and a tag ("random (ε)", "slipped!")
 *   effects  rings spreading on the water after a fall, a star burst at the goal
 *   agent    a puck that slides from `from` to `to`: p(t) = p₀ + (p₁ − p₀) · ease(t)
 *
 * The arrows and tag of a step that ended its episode fade out within a second (`fade.ts`).
 * Every draw interrupts what is still running (`selection.interrupt()`), so the latest step wins.
 * Without animation (or before the motion code has loaded, `motion.ts`) everything is put in its
 * final place and no transition is scheduled.
 */
import type { BaseType, Selection } from 'd3-selection';
import { stepLabel, type Outcome } from './describe';
import { fadeOut, unfade } from './fade';
import { easing } from './motion';
import {
  ACTION_VECTORS,
  AGENT_RADIUS,
  CELL_SIZE,
  FONT_UNITS,
  arrowPath,
  cellCentre,
  estimateTextWidth,
  moveArrowShape,
  pointsAttr,
  type GridLayout,
  type Point,
} from './geometry';
import { starPoints } from './path-geometry';
import { placeAt, setAttrIfChanged, setAttrs } from './svg';
import { INK_COLORS } from './theme';

/** The step the agent just took, for the move animation. */
export interface GridStep {
  /** State before the step. */
  from: number;
  /** State after it. */
  to: number;
  /** The action, i.e. the direction the agent meant to move (Left 0, Down 1, Right 2, Up 3). */
  intended: number;
  /** The direction the ice actually moved it. */
  actual: number;
  /** The action was ε-random rather than greedy. */
  explored: boolean;
  /** How the step ended the episode, or `null` when the episode goes on. */
  outcome: Outcome | null;
}

/** What one draw of the agent layers needs. */
export interface AgentDraw {
  layout: GridLayout;
  /** The last step (states already checked to be on the board), or `null`. */
  step: GridStep | null;
  /** Where the agent is when there is no step; −1 (or any state off the board) hides it. */
  agentState: number;
  animate: boolean;
  durationMs: number;
  /** Whether the step tag is big enough to read. */
  showTag: boolean;
  /** Fade the marks of a step that ended its episode (arrows and tag) within a second. */
  fadeEnded?: boolean;
}

/** The mounted agent layers. */
export interface AgentLayers {
  draw(args: AgentDraw): void;
  /** Stops every running or scheduled transition. */
  interrupt(): void;
}

/** Scale and opacity of an agent that fell into a hole. */
export const SUNK_SCALE = 0.55;
export const SUNK_OPACITY = 0.45;
/** How far the step tag sits from the centre of `from` (see `stepTagDirection`). */
const TAG_OFFSET = 30;

/**
 * Which way from the centre of the step's cell its tag goes, as a unit vector: opposite the
 * intended move, where neither arrow goes (a slip turns sideways, never back), except after an
 * intended Down, whose back side is the tile's top band (the letter badge, the cell's number):
 * then the side the ice did not push it to (right when it did not slip or slipped left).
 */
export function stepTagDirection(intended: number, actual: number): Point {
  const [dx, dy] = ACTION_VECTORS[intended & 3]!;
  if (!(dx === 0 && dy === 1)) return [0 - dx || 0, 0 - dy || 0];
  return (actual & 3) === 2 ? [-1, 0] : [1, 0];
}

function clamp(x: number, lo: number, hi: number): number {
  return lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, x));
}

/** Appends the step, effect and agent layers to `parent`, in that order; `shadowId` names a drop-shadow filter. */
export function createAgentLayers<P extends BaseType, PD>(
  parent: Selection<SVGGElement, unknown, P, PD>,
  shadowId: string,
): AgentLayers {
  const stepLayer = parent.append('g').attr('class', 'qgrid-step').attr('pointer-events', 'none');
  const intendedArrow = setAttrs(stepLayer.append('path'), {
    class: 'qgrid-step-intended',
    fill: INK_COLORS.halo,
    'fill-opacity': 0.55,
    stroke: INK_COLORS.intent,
    'stroke-width': 2.5,
    'stroke-dasharray': '6 4',
    'stroke-linejoin': 'round',
  });
  const actualArrow = setAttrs(stepLayer.append('path'), {
    class: 'qgrid-step-actual',
    fill: INK_COLORS.agent,
    stroke: INK_COLORS.halo,
    'stroke-width': 3,
    'paint-order': 'stroke',
    'stroke-linejoin': 'round',
  });
  const tagHeight = FONT_UNITS.stepLabel + 10;
  // The tag goes on top of everything (numbers and ball included), so its words always read; it is
  // placed where it covers neither the tile's badge nor the ball (`stepTagAnchor`).
  const tagLayer = parent
    .append('g')
    .attr('class', 'qgrid-step-tag')
    .attr('pointer-events', 'none');
  const tag = tagLayer.append('g').attr('class', 'qgrid-step-label');
  const tagBg = setAttrs(tag.append('rect'), {
    height: tagHeight,
    y: -tagHeight / 2,
    rx: tagHeight / 2,
    fill: INK_COLORS.halo,
    'fill-opacity': 0.94,
    stroke: INK_COLORS.agent,
    'stroke-width': 2,
  });
  const tagText = setAttrs(tag.append('text'), {
    'text-anchor': 'middle',
    dy: '0.35em',
    'font-size': FONT_UNITS.stepLabel,
    'font-weight': 700,
    fill: INK_COLORS.agent,
  });

  const effects = parent.append('g').attr('class', 'qgrid-effects').attr('pointer-events', 'none');
  const splash = setAttrs(effects.selectAll('circle').data([0, 1, 2]).join('circle'), {
    class: 'qgrid-splash',
    fill: 'none',
    stroke: INK_COLORS.splash,
    display: 'none',
  });
  const burst = effects.append('g').attr('class', 'qgrid-burst').attr('display', 'none');
  setAttrs(burst.append('circle'), {
    r: 30,
    fill: 'none',
    stroke: INK_COLORS.burst,
    'stroke-width': 4,
  });
  setAttrs(burst.append('polygon'), {
    points: pointsAttr(starPoints(0, 0, 34, 15, 8)),
    fill: INK_COLORS.burst,
    stroke: INK_COLORS.burstEdge,
    'stroke-width': 2.5,
    'stroke-linejoin': 'round',
  });

  // The agent: a puck with a highlight and a soft shadow.
  const agent = setAttrs(parent.append('g'), {
    class: 'qgrid-agent',
    'pointer-events': 'none',
    display: 'none',
  });
  setAttrs(agent.append('circle'), {
    class: 'qgrid-agent-body',
    r: AGENT_RADIUS,
    fill: INK_COLORS.agent,
    stroke: INK_COLORS.halo,
    'stroke-width': 5,
    filter: `url(#${shadowId})`,
  });
  setAttrs(agent.append('circle'), {
    class: 'qgrid-agent-shine',
    cx: -5.5,
    cy: -5.5,
    r: 5,
    fill: INK_COLORS.agentHighlight,
  });

  // Just under the ball: the grid puts its numbers under the tag (see q-grid.ts).
  tagLayer.raise();
  agent.raise();

  function interrupt() {
    unfade(stepLayer);
    unfade(tagLayer);
    if (!easing()) return;
    agent.interrupt();
    splash.interrupt();
    burst.interrupt();
  }

  /** The intended and (when the ice slipped) actual move out of `from`, and the words for it. */
  function drawStepMarks(step: GridStep | null, l: GridLayout, showTag: boolean) {
    if (!step) {
      setAttrIfChanged(stepLayer, 'display', 'none');
      setAttrIfChanged(tag, 'display', 'none');
      return;
    }
    const origin = cellCentre(l.ncol, step.from);
    const slipped = step.actual !== step.intended;
    const move = (dir: number) =>
      arrowPath(dir, moveArrowShape(l.nrow, l.ncol, step.from, dir), origin);
    setAttrIfChanged(stepLayer, 'display', null);
    setAttrIfChanged(stepLayer, 'data-slipped', slipped ? 'true' : 'false');
    setAttrIfChanged(intendedArrow, 'd', move(step.intended));
    setAttrIfChanged(actualArrow, 'display', slipped ? null : 'none');
    setAttrIfChanged(actualArrow, 'd', slipped ? move(step.actual) : null);
    const words = stepLabel(step.explored, slipped);
    if (!words || !showTag) {
      setAttrIfChanged(tag, 'display', 'none');
      return;
    }
    const w = estimateTextWidth(words, FONT_UNITS.stepLabel) + 16;
    const [dx, dy] = stepTagDirection(step.intended, step.actual);
    const x = clamp(origin[0] + dx * TAG_OFFSET, w / 2, l.ncol * CELL_SIZE - w / 2);
    const y = clamp(origin[1] + dy * TAG_OFFSET, tagHeight / 2, l.nrow * CELL_SIZE - tagHeight / 2);
    tag.attr('display', null).attr('transform', placeAt(x, y));
    tagBg.attr('x', -w / 2).attr('width', w);
    tagText.text(words);
  }

  function draw({
    layout: l,
    step,
    agentState,
    animate,
    durationMs,
    showTag,
    fadeEnded,
  }: AgentDraw) {
    interrupt();
    setAttrIfChanged(splash, 'display', 'none');
    setAttrIfChanged(burst, 'display', 'none');
    drawStepMarks(step, l, showTag);
    if (fadeEnded && step?.outcome) {
      fadeOut(stepLayer);
      fadeOut(tagLayer);
    }

    const target = step ? step.to : agentState;
    if (!(Number.isInteger(target) && target >= 0 && target < l.nS)) {
      setAttrIfChanged(agent, 'display', 'none');
      return;
    }
    setAttrIfChanged(agent, 'display', null);
    setAttrIfChanged(agent, 'data-agent-state', target);
    const sunk = step?.outcome === 'hole';
    const [x1, y1] = cellCentre(l.ncol, target);
    const duration = Math.max(0, durationMs);
    const ease = easing();
    if (!animate || !step || !(duration > 0) || !ease) {
      setAttrIfChanged(agent, 'transform', placeAt(x1, y1, sunk ? SUNK_SCALE : 1));
      setAttrIfChanged(agent, 'opacity', sunk ? SUNK_OPACITY : 1);
      return;
    }

    // Slide from the centre of `from` to the centre of `to`: p(t) = p₀ + (p₁ − p₀) · ease(t).
    const [x0, y0] = cellCentre(l.ncol, step.from);
    agent.attr('transform', placeAt(x0, y0)).attr('opacity', 1);
    const move = agent
      .transition()
      .duration(duration)
      .ease(ease.easeCubicInOut)
      .attrTween('transform', () => (t) => placeAt(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t));
    const effectMs = Math.min(900, Math.max(450, duration * 1.5));
    if (sunk) {
      move
        .transition()
        .duration(effectMs * 0.6)
        .ease(ease.easeCubicIn)
        .attrTween('transform', () => (t) => placeAt(x1, y1, 1 - (1 - SUNK_SCALE) * t))
        .attr('opacity', SUNK_OPACITY);
      setAttrs(splash, { display: null, cx: x1, cy: y1, r: 6, opacity: 0, 'stroke-width': 5 })
        .transition()
        .delay((i) => duration * 0.85 + i * 110)
        .duration(effectMs)
        .ease(ease.easeCubicOut)
        .attr('opacity', 0.95)
        .attr('r', (i) => 30 + i * 9)
        .attr('stroke-width', 1.5)
        .transition()
        .duration(effectMs * 0.5)
        .attr('opacity', 0)
        .attr('r', (i) => 40 + i * 10);
    } else if (step.outcome === 'goal') {
      burst
        .attr('display', null)
        .attr('opacity', 0)
        .attr('transform', placeAt(x1, y1, 0.2))
        .transition()
        .delay(duration * 0.85)
        .duration(effectMs)
        .ease(ease.easeBackOut)
        .attr('opacity', 1)
        .attrTween('transform', () => (t) => placeAt(x1, y1, 0.2 + t))
        .transition()
        .duration(effectMs * 0.6)
        .attr('opacity', 0);
    }
  }

  return { draw, interrupt };
}
