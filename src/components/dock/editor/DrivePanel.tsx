import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  createDrive,
  driveStep,
  holeRisk,
  restartDrive,
  type Drive,
  type DriveStep,
} from '../../../rl/drive';
import { ACTION_ARROWS, ACTION_NAMES, type IceMazeEnv } from '../../../rl/env';
import { cellName } from '../../../rl/map-edit';
import { settingsEnv } from '../../../rl/settings-env';
import { envOfInfo } from '../../../store/lab/live-env';
import { greedyMasks, stateValues } from '../../../rl/tables';
import type { LabStore } from '../../../store/lab-store';
import { createMiniGrid, type MiniGrid } from '../../../viz/mini-grid';
import { Term } from '../glossary/Term';
import type { TermId } from '../glossary/term-names';
import { useLab, useLabStore } from '../../shell/lab-context';
import { OWN_KEYS_ATTRIBUTE } from '../../shell/own-keys';
import { formatFixed, formatThousands } from '../../../viz/format';

/** Arrow keys to actions, in Gymnasium's order (Left 0, Down 1, Right 2, Up 3). */
const KEY_ACTIONS: Readonly<Record<string, number>> = {
  ArrowLeft: 0,
  ArrowDown: 1,
  ArrowRight: 2,
  ArrowUp: 3,
};

/** A drive and where its Q came from. */
interface DriveView {
  drive: Drive;
  last: DriveStep | null;
  /** The run's step count when Q was copied (0: Q all zeros, before any snapshot). */
  qFromStep: number;
}

/** The agent's latest Q when it fits `env`, else zeros (no snapshot yet, or another map). */
function latestQ(store: LabStore, env: IceMazeEnv): { q: ArrayLike<number>; step: number } {
  const snap = store.getState().snapshot;
  return snap && snap.q.length === env.nS * env.nA
    ? { q: snap.q, step: snap.totalSteps }
    : { q: new Float64Array(env.nS * env.nA), step: 0 };
}

/** Where the driven episode stands, in words. */
function endText(drive: Drive): string {
  switch (drive.end) {
    case 'goal':
      return 'Reached the goal: reward 1.';
    case 'hole':
      return 'Fell in a hole: the episode is over.';
    case 'time-limit':
      return `Time limit: ${drive.env.maxSteps} steps, the episode is cut off.`;
    default:
      return '';
  }
}

/**
 * "Drive it yourself": arrow keys (or the buttons) move the agent one environment step each on
 * the run's map and ice, and the panel writes out where it meant to go, where the ice took it,
 * the reward, and the Q-learning update that step would make, computed by the core (`rl/drive`)
 * on a sandbox copy of the agent's latest Q. The trained agent is never changed, so runs replay
 * exactly; "Reset drive" starts again from S with a fresh copy.
 */
export const DrivePanel = memo(function DrivePanel() {
  const store = useLabStore();
  const settings = useLab((s) => s.settings);
  const alpha = useLab((s) => s.params.alpha);
  const gamma = useLab((s) => s.params.gamma);
  const optimum = useLab((s) => s.optimum);
  const palette = useLab((s) => s.display.palette);
  const id = useId();
  // The worker's environment (rewards and ice changed mid-run included), the settings' until it answers.
  const info = useLab((s) => s.env);
  const env = useMemo(() => (info ? envOfInfo(info) : settingsEnv(settings)), [info, settings]);
  const [view, setView] = useState<DriveView | null>(null);
  const [note, setNote] = useState('');
  const host = useRef<HTMLDivElement>(null);
  const mini = useRef<MiniGrid | null>(null);

  // A new map or ice: the old drive belongs to another environment.
  if (view && view.drive.env !== env) setView(null);
  const current = view && view.drive.env === env ? view : null;
  const drive = current?.drive ?? null;
  const state = drive?.state ?? env.start;

  useEffect(() => {
    mini.current = createMiniGrid(host.current!, 'The ice you drive on, with your path', palette);
    return () => {
      mini.current?.destroy();
      mini.current = null;
    };
  }, [palette]);

  useEffect(() => {
    const q = drive?.q ?? latestQ(store, env).q;
    let top = 0;
    for (const x of optimum?.v ?? []) top = Math.max(top, x);
    mini.current?.update({
      desc: env.desc,
      v: stateValues(q),
      greedyMask: greedyMasks(q),
      path: drive ? { states: drive.path, length: drive.path.length - 1 } : null,
      domain: [0, top > 0 ? top : 1],
      agent: state,
    });
  }, [current, drive, env, optimum, palette, state, store]);

  const move = (action: number) => {
    if (drive?.end) {
      setNote('This episode is over: press Reset drive to start again from S.');
      return;
    }
    let next = current;
    if (!next) {
      const { q, step } = latestQ(store, env);
      next = { drive: createDrive(env, q, settings.seed), last: null, qFromStep: step };
    }
    setNote('');
    const last = driveStep(next.drive, action, alpha, gamma);
    setView({ ...next, last });
  };
  const reset = () => {
    setNote('');
    if (!drive) return;
    const { q, step } = latestQ(store, env);
    setView({ drive: restartDrive(drive, q), last: null, qFromStep: step });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const action = KEY_ACTIONS[e.key];
    if (action === undefined || e.ctrlKey || e.altKey || e.metaKey) return;
    // A glossary popover open in the panel keeps its keys.
    if ((e.target as Element).closest?.('[role="dialog"]')) return;
    e.preventDefault();
    // One press, one step: a held key does not run the agent across the ice.
    if (!e.repeat) move(action);
  };

  const last = current?.last ?? null;
  const risk = holeRisk(env, state);
  const best = optimum && !env.terminal[state] ? optimum.policy[state] : undefined;

  return (
    <section
      className="panel drive"
      aria-labelledby={`${id}-title`}
      onKeyDown={onKeyDown}
      {...{ [OWN_KEYS_ATTRIBUTE]: 'arrows' }}
    >
      <div className="panel-head">
        <h2 id={`${id}-title`}>Drive it yourself</h2>
      </div>
      <p className="hint">
        Move the agent yourself: click the ice below (or a move button) and press the arrow keys.
        Each press is one step on this run’s {env.isSlippery ? 'slippery' : 'non-slippery'} ice, and
        the Q-learning update that step would make is written out. Your steps change a copy of the
        agent’s Q, never the trained agent, so the run stays exactly replayable.
      </p>
      <div className="drive-body">
        <div
          ref={host}
          className="drive-ice"
          tabIndex={0}
          role="group"
          aria-label="Drive with the arrow keys"
          aria-describedby={`${id}-counter`}
        />
        <div className="drive-controls">
          <div role="group" aria-label="Move" className="drive-moves">
            {ACTION_NAMES.map((name, a) => (
              <button key={name} type="button" onClick={() => move(a)}>
                <span aria-hidden>{ACTION_ARROWS[a]}</span> {name}
              </button>
            ))}
          </div>
          <button type="button" onClick={reset} disabled={!drive}>
            Reset drive
          </button>
          <p id={`${id}-counter`} className="drive-counter" role="status">
            Steps driven {drive?.steps ?? 0}, at state {state} ({cellName(state, env.ncol)})
            {drive ? `, return ${drive.return}` : ''}.
            {drive && ` Q copied from the agent at step ${formatThousands(current!.qFromStep)}.`}
          </p>
        </div>
      </div>
      {note && <p className="field-error">{note}</p>}
      {last ? (
        <>
          <p className="drive-move">
            Intended <strong>{ACTION_NAMES[last.intended]}</strong>, actual{' '}
            <strong>{ACTION_NAMES[last.actual]}</strong>
            {last.slipped ? ' (the ice slipped)' : ' (as intended)'}: from state {last.state} to
            state {last.nextState}, reward {last.reward}. {drive && endText(drive)}
          </p>
          <table className="drive-update">
            <caption>
              The update this step would make on Q({last.state}, {ACTION_NAMES[last.action]})
            </caption>
            <tbody>
              <UpdateRow label="Q(s,a) before" value={last.qBefore} />
              <UpdateRow label="r" term="reward" value={last.reward} />
              <UpdateRow
                label={`γ·max Q(s′,a′), γ = ${last.gamma}`}
                term="gamma"
                value={last.discountedBootstrap}
              />
              <UpdateRow
                label="TD target = r + γ·max Q(s′,a′)"
                term="td-target"
                value={last.tdTarget}
              />
              <UpdateRow
                label="TD error = TD target − Q(s,a)"
                term="td-error"
                value={last.tdError}
              />
              <UpdateRow label={`α·TD error, α = ${last.alpha}`} term="alpha" value={last.change} />
              <UpdateRow label="Q(s,a) after" value={last.qAfter} />
            </tbody>
          </table>
        </>
      ) : (
        <p className="hint">Press an arrow key to take the first step.</p>
      )}
      <p className="drive-risk">
        From state {state}, the chance the next step ends in a hole:{' '}
        {ACTION_NAMES.map((name, a) => `${name} ${formatFixed(risk[a]!, 3)}`).join(', ')}
        {best !== undefined ? `. The optimal action here is ${ACTION_NAMES[best]}.` : '.'}
      </p>
      <p className="hint">
        Why the optimal policy seems to go the wrong way: on the 4x4 map at state 4 (row 2, column
        1) it presses Left, into the wall, because on slippery ice Left can only slide Up or Down
        and never Right into the hole at state 5, while every other move there risks that hole one
        time in three.
      </p>
    </section>
  );
});

/** One line of the update: a label, its glossary link, and its number (exact in `data-value`). */
function UpdateRow({ label, term, value }: { label: string; term?: TermId; value: number }) {
  return (
    <tr>
      <th scope="row">
        {label} {term && <Term id={term}>?</Term>}
      </th>
      <td data-value={value}>{formatFixed(value, 3)}</td>
    </tr>
  );
}
