/**
 * The Ice Maze look: every colour and font the renderers paint with, in one place, so a projector
 * theme can be tuned without touching the drawing code. Colours are chosen for a lit classroom:
 * a light board, dark holes, a green goal, and one accent (violet) for everything the agent did.
 */

/** Font stack for all labels; tabular figures keep columns of numbers aligned. */
export const FONT_FAMILY = 'Inter, "Segoe UI", system-ui, -apple-system, Roboto, sans-serif';

/** Colours of the board and its tiles. */
export const TILE_COLORS = {
  /** The packed snow between tiles. */
  board: '#d5dee8',
  boardStroke: '#b6c4d3',
  /** A frozen tile before anything is learned (also the low end of the default value scale). */
  ice: '#eef5fb',
  /** Light rim around ice tiles. */
  iceRim: '#ffffff',
  /** Deep water of a hole, centre and edge of its radial gradient. */
  waterLight: '#24568f',
  waterDark: '#0b1f3a',
  /** Ripples on the water. */
  ripple: '#9cc3e6',
  /** The goal tile, top and bottom of its gradient. */
  goalLight: '#63d07a',
  goalDark: '#2b8a3e',
  /** The gift on the goal. */
  giftBox: '#ffd43b',
  giftEdge: '#e67700',
  giftRibbon: '#e03131',
  /** Corner badges with the tile letter. */
  badgeStart: '#0b7285',
  badgeHole: '#0b1f3a',
  badgeGoal: '#1f6f32',
  badgeText: '#ffffff',
} as const;

/** Colours of the overlays: arrows, the agent, its path and the step it just took. */
export const INK_COLORS = {
  /** Greedy-policy arrows. */
  arrow: '#1b2430',
  /** Halo drawn under dark marks so they read on any fill. */
  halo: '#ffffff',
  /** The agent and everything it actually did (path, actual move). */
  agent: '#5f3dc4',
  agentHighlight: '#b197fc',
  /** What the agent meant to do (intended move). */
  intent: '#1b2430',
  /** Goal burst. */
  burst: '#fcc419',
  burstEdge: '#e67700',
  /** Hole splash. */
  splash: '#4dabf7',
  /** Timeout clock. */
  clock: '#495057',
} as const;
