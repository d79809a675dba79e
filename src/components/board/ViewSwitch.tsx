import { memo } from 'react';
import type { GridView } from '../../shared/grid-view';
import { useLab } from '../shell/lab-context';
import { lessonTarget } from '../lesson/targets';
import { VIEW_SWITCH_LABELS } from './view-labels';

const VIEWS: { view: GridView; label: string; title: string }[] = [
  { view: 'v', label: VIEW_SWITCH_LABELS.v, title: 'State values: V(s) = max over a of Q(s,a)' },
  { view: 'q', label: VIEW_SWITCH_LABELS.q, title: 'Action values: one triangle per action' },
  {
    view: 'a',
    label: VIEW_SWITCH_LABELS.a,
    title: 'Advantages: A(s,a) = Q(s,a) − V(s), 0 at every greedy action',
  },
  {
    view: 'n',
    label: VIEW_SWITCH_LABELS.n,
    title: 'Visit counts: updates per action, N(s) = their sum in the middle (log scale)',
  },
  {
    view: 'td',
    label: VIEW_SWITCH_LABELS.td,
    title:
      'Size of the latest TD error per action: how much the last step surprised Q there, from learning or from the ice’s randomness',
  },
];

/** Radio group choosing what the grid colours. */
export const ViewSwitch = memo(function ViewSwitch() {
  const view = useLab((s) => s.view);
  const setView = useLab((s) => s.setView);
  return (
    <fieldset className="view-switch" {...lessonTarget('view')}>
      <legend>Show</legend>
      {VIEWS.map((v) => (
        <label key={v.view} title={v.title} className={view === v.view ? 'active' : undefined}>
          <input
            type="radio"
            name="grid-view"
            value={v.view}
            checked={view === v.view}
            onChange={() => setView(v.view)}
          />
          {v.label}
        </label>
      ))}
    </fieldset>
  );
});
