// @vitest-environment jsdom
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ImportRun } from '../../src/components/dock/io/ImportRun';
import { replayRun, type RunRecord } from '../../src/rl/replay';
import { lessonSettings } from '../../src/shared/lesson-run';
import { installBlobText } from './blob-text';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

// jsdom's File has no `text()`; without it every file would read as "not JSON".
beforeAll(installBlobText);

const FIELD = 'Run file (JSON, as exported)';

/** The lesson's run on seed 7, α raised to 0.5 after 50 steps, saved after 120 steps. */
const RECORD: RunRecord = {
  settings: lessonSettings('4x4', 7),
  changes: [{ atStep: 50, params: { alpha: 0.5 } }],
  totalSteps: 120,
};

function file(name: string, text: string): File {
  return new File([text], name, { type: 'application/json' });
}

describe('ImportRun', () => {
  it('replays a run file to its step: same Q, same α, and says which file it opened', async () => {
    const { store, worker } = renderWithLab(<ImportRun />);
    await userEvent.upload(screen.getByLabelText(FIELD), file('run.json', JSON.stringify(RECORD)));
    await act(async () => {});
    act(() => {
      worker.endpoint.runAll();
      store.getState().snapshotDrawn();
    });
    // Replayed to the file's step: the panel says which file stands where.
    expect(screen.getByRole('status').textContent).toBe('Opened run.json at step 120.');
    const s = store.getState();
    expect(s.totalSteps).toBe(120);
    expect(s.params.alpha).toBe(0.5);
    expect(Array.from(s.snapshot!.q)).toEqual(Array.from(replayRun(RECORD).q));
    expect(s.notices).toEqual([]);
  });

  it('a file that is not JSON is refused by name, and the run is left as it was', async () => {
    const { store } = renderWithLab(<ImportRun />);
    act(() => {
      store.getState().step();
      store.getState().snapshotDrawn();
    });
    await userEvent.upload(screen.getByLabelText(FIELD), file('notes.json', 'not { json'));
    await act(async () => {});
    expect(store.getState().notices.map((n) => [n.kind, n.text])).toEqual([
      ['error', 'notes.json is not a JSON file; nothing was changed.'],
    ]);
    expect(store.getState().totalSteps).toBe(1);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('JSON that is not a run record is refused with what is wrong with it', async () => {
    const { store } = renderWithLab(<ImportRun />);
    await userEvent.upload(screen.getByLabelText(FIELD), file('list.json', '[1, 2]'));
    await act(async () => {});
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'list.json was refused: The file is not a run record (a JSON object).',
    ]);
    const bad = { ...RECORD, totalSteps: -5 };
    await userEvent.upload(screen.getByLabelText(FIELD), file('bad.json', JSON.stringify(bad)));
    await act(async () => {});
    expect(store.getState().notices.at(-1)!.text).toMatch(/^bad\.json was refused: .*totalSteps/);
    expect(store.getState().totalSteps).toBe(0);
  });
});
