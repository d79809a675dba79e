import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { defaultMaxSteps } from '../../../rl/env';
import { MAPS, type MapName, type Tile } from '../../../rl/maps';
import {
  cellName,
  checkEditedMap,
  fitToEditor,
  nextTile,
  resizeMap,
  timeLimitFor,
  TILE_CYCLE,
  TILE_NAMES,
  withTile,
} from '../../../rl/map-edit';
import { EDITOR_LIMITS } from '../../../rl/map-edit';
import { TILE_COLORS } from '../../../viz/theme';
import { useLab } from '../../shell/lab-context';
import { OWN_KEYS_ATTRIBUTE } from '../../shell/own-keys';
import { timeLimitRule } from '../glossary/lesson-figures';

/** What a click does: cycle the tile, or paint one kind of tile. */
type Tool = 'cycle' | Tile;

/** Tile fills, from the board's own colours (`viz/theme`). */
const TILE_FILL: Readonly<Record<Tile, string>> = {
  F: TILE_COLORS.ice,
  H: TILE_COLORS.waterDark,
  G: TILE_COLORS.goalDark,
  S: TILE_COLORS.badgeStart,
};

/** Every side the size selects offer. */
const SIDES = Array.from(
  { length: EDITOR_LIMITS.rows.max - EDITOR_LIMITS.rows.min + 1 },
  (_, i) => EDITOR_LIMITS.rows.min + i,
);

/** One side's size: a labelled select over `SIDES`. */
function SideSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (side: number) => void;
}) {
  return (
    <label className="inline-field">
      {label}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {SIDES.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}

function sameRows(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

/** The named map with exactly these rows, else `'custom'` (the map picker then shows its name). */
function mapNameOf(rows: readonly string[]): MapName | 'custom' {
  return (Object.keys(MAPS) as MapName[]).find((n) => sameRows(MAPS[n], rows)) ?? 'custom';
}

/** Arrow keys move focus one cell: Left, Down, Right, Up as (row, column) steps. */
const ARROW_MOVES: Readonly<Record<string, readonly [number, number]>> = {
  ArrowLeft: [0, -1],
  ArrowDown: [1, 0],
  ArrowRight: [0, 1],
  ArrowUp: [-1, 0],
};

/**
 * The map editor: start from the lab's map, click a tile to cycle Frozen → Hole → Goal → Start
 * or paint with a tile from the palette (click or drag), resize rows and columns from 2 to 12.
 * Every edit is checked by the core; an untrainable map says why and cannot be trained. Editing
 * never touches the run on screen: only "Train on this map" starts a new run (via
 * `applySettings`, so the map goes into the link and the exports like any other).
 */
export const MapEditor = memo(function MapEditor() {
  const settings = useLab((s) => s.settings);
  const applySettings = useLab((s) => s.applySettings);
  const id = useId();
  const [rows, setRows] = useState<readonly string[]>(() => fitToEditor(settings.map).rows);
  const [seenMap, setSeenMap] = useState(settings.map);
  const [tool, setTool] = useState<Tool>('cycle');
  const [focus, setFocus] = useState(0);
  const [status, setStatus] = useState('');
  const gridRef = useRef<HTMLDivElement>(null);
  const painting = useRef(false);

  // The lab's map changed (another control, this editor's own Train): follow it only when the
  // editor holds no edits of its own, so nothing drawn here is lost.
  if (seenMap !== settings.map) {
    if (sameRows(rows, fitToEditor(seenMap).rows)) setRows(fitToEditor(settings.map).rows);
    setSeenMap(settings.map);
  }

  const nrow = rows.length;
  const ncol = rows[0]!.length;
  const tiles = rows.join('');
  const check = useMemo(() => checkEditedMap(rows), [rows]);
  const cutOff = useMemo(() => new Set(check.unreachable), [check]);
  const maxSteps = timeLimitFor(rows, settings);
  const onScreen = sameRows(rows, settings.map);
  const focusCell = Math.min(focus, tiles.length - 1);

  useEffect(() => {
    const stop = () => {
      painting.current = false;
    };
    window.addEventListener('pointerup', stop);
    window.addEventListener('pointercancel', stop);
    return () => {
      window.removeEventListener('pointerup', stop);
      window.removeEventListener('pointercancel', stop);
    };
  }, []);

  const edit = (next: readonly string[]) => {
    if (next === rows) return;
    setStatus('');
    setRows(next);
  };
  const act = (s: number, how: Tool) => {
    const r = Math.floor(s / ncol);
    const c = s % ncol;
    edit(withTile(rows, r, c, how === 'cycle' ? nextTile(tiles[s] as Tile) : how));
  };
  const paintAt = (x: number, y: number) => {
    // Touch pointers stay captured by the first cell: find the cell under the pointer instead.
    const el = document.elementFromPoint?.(x, y)?.closest<HTMLElement>('[data-cell]');
    if (el && gridRef.current?.contains(el) && tool !== 'cycle') act(Number(el.dataset.cell), tool);
  };
  const moveFocus = (s: number) => {
    setFocus(s);
    gridRef.current?.querySelector<HTMLElement>(`[data-cell="${s}"]`)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, s: number) => {
    const move = ARROW_MOVES[e.key];
    if (move) {
      e.preventDefault();
      const r = Math.min(nrow - 1, Math.max(0, Math.floor(s / ncol) + move[0]));
      const c = Math.min(ncol - 1, Math.max(0, (s % ncol) + move[1]));
      moveFocus(r * ncol + c);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      act(s, tool);
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      moveFocus(e.key === 'Home' ? 0 : tiles.length - 1);
    }
  };
  const resize = (r: number, c: number) => {
    edit(resizeMap(rows, r, c));
    setFocus((f) => Math.min(f, r * c - 1));
  };
  const train = () => {
    if (check.error) return;
    const map = [...rows];
    if (applySettings({ ...settings, map, maxSteps }, mapNameOf(map)))
      setStatus(`Training on the ${nrow} by ${ncol} map: a new run started.`);
  };
  const holes = tiles.split('H').length - 1;
  const reasonId = `${id}-reason`;

  return (
    <section className="panel map-editor" aria-labelledby={`${id}-title`}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>Map editor</h2>
      </div>
      <p className="hint">
        Click a tile to cycle Frozen → Hole → Goal → Start, or pick a tile below and click or drag
        to paint it. On the grid, arrow keys move between tiles and Enter or Space changes one.
      </p>
      <fieldset className="map-editor-tools">
        <legend>Click does</legend>
        {(['cycle', ...TILE_CYCLE] as Tool[]).map((t) => (
          <label key={t} className="inline-field">
            <input
              type="radio"
              name={`${id}-tool`}
              value={t}
              checked={tool === t}
              onChange={() => setTool(t)}
            />
            {t === 'cycle' ? (
              'Cycle'
            ) : (
              <>
                <span
                  className="map-editor-swatch"
                  style={{ background: TILE_FILL[t] }}
                  aria-hidden
                />
                {TILE_NAMES[t]} ({t})
              </>
            )}
          </label>
        ))}
      </fieldset>
      <div className="map-editor-size">
        <SideSelect
          label={EDITOR_LIMITS.rows.label}
          value={nrow}
          onChange={(n) => resize(n, ncol)}
        />
        <SideSelect
          label={EDITOR_LIMITS.cols.label}
          value={ncol}
          onChange={(n) => resize(nrow, n)}
        />
        <button
          type="button"
          onClick={() => {
            setStatus('');
            setRows(fitToEditor(settings.map).rows);
          }}
        >
          Start from the current map
        </button>
      </div>
      {fitToEditor(settings.map).resized && sameRows(rows, fitToEditor(settings.map).rows) && (
        <p className="hint">
          The map on screen is {settings.map.length} by {settings.map[0]!.length}; the editor holds{' '}
          {EDITOR_LIMITS.rows.min} to {EDITOR_LIMITS.rows.max} tiles a side, so it starts from the
          part that fits.
        </p>
      )}
      <div
        ref={gridRef}
        role="grid"
        aria-label={`Map being edited, ${nrow} by ${ncol}`}
        className="map-editor-grid"
        style={{ gridTemplateColumns: `repeat(${ncol}, minmax(0, 2.4rem))` }}
        {...{ [OWN_KEYS_ATTRIBUTE]: 'arrows enter space' }}
        onPointerMove={(e) => {
          if (painting.current) paintAt(e.clientX, e.clientY);
        }}
      >
        {rows.map((line, r) => (
          <div role="row" key={r} className="map-editor-row">
            {[...line].map((tile, c) => {
              const s = r * ncol + c;
              const cut = cutOff.has(s);
              return (
                <div
                  key={c}
                  role="gridcell"
                  data-cell={s}
                  data-tile={tile}
                  tabIndex={s === focusCell ? 0 : -1}
                  aria-label={`${cellName(s, ncol)}: ${TILE_NAMES[tile as Tile]}${cut ? ', cut off from the start' : ''}`}
                  className={`map-editor-cell tile-${tile}${cut ? ' cut-off' : ''}`}
                  style={{ background: TILE_FILL[tile as Tile] }}
                  onFocus={() => setFocus(s)}
                  onKeyDown={(e) => onKeyDown(e, s)}
                  onPointerDown={(e) => {
                    if (tool === 'cycle' || e.button !== 0) return;
                    painting.current = true;
                    act(s, tool);
                  }}
                  onClick={() => act(s, tool)}
                >
                  {tile}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {check.error ? (
        <p id={reasonId} className="field-error">
          Cannot train on this map: {check.error.message}
        </p>
      ) : (
        <p id={reasonId} className="hint">
          Ready to train: {nrow} by {ncol}, {holes} hole{holes === 1 ? '' : 's'}, time limit{' '}
          {maxSteps} steps
          {maxSteps === defaultMaxSteps(nrow, ncol)
            ? ` (${timeLimitRule()}).`
            : ' (the time limit you set is kept).'}
        </p>
      )}
      {check.unreachable.length > 0 && (
        <p className="hint">
          Cut off from the start (the agent can never stand there):{' '}
          {check.unreachable
            .map((s) => `${cellName(s, ncol)} (${TILE_NAMES[tiles[s] as Tile]})`)
            .join('; ')}
          .
        </p>
      )}
      <p className="map-picker-note">
        {onScreen
          ? 'This is the map being trained.'
          : 'Edited, not applied: the run on screen goes on with its own map until you train on this one.'}
      </p>
      <button
        type="button"
        disabled={check.error !== null}
        aria-describedby={reasonId}
        onClick={train}
      >
        Train on this map
      </button>
      <p className="map-picker-status" role="status">
        {status}
      </p>
    </section>
  );
});
