import { describe, expect, it } from 'vitest';
import { MAX_NOTICE_CHARS, MAX_NOTICES } from '../../src/store/lab/notices-slice';
import { labWithWorkers } from './lab-with-workers';

const setup = () => labWithWorkers();

describe('lab store: notices', () => {
  it('the same notice twice is shown once, as the latest', () => {
    const { store } = setup();
    const { notify } = store.getState();
    notify('error', 'Seed must be an integer.');
    notify('info', 'Something else.');
    notify('error', 'Seed must be an integer.');
    expect(store.getState().notices.map((n) => n.text)).toEqual([
      'Something else.',
      'Seed must be an integer.',
    ]);
  });

  it(`a notice is cut to ${MAX_NOTICE_CHARS} characters however long its text`, () => {
    const { store } = setup();
    store.getState().notify('error', 'word '.repeat(40_000));
    const [notice] = store.getState().notices;
    expect(notice!.text.length).toBeLessThanOrEqual(MAX_NOTICE_CHARS);
    expect(notice!.text.endsWith('…')).toBe(true);
  });

  it(`keeps the latest ${MAX_NOTICES}, numbered in the order they came, the worker's failures too`, () => {
    const { store, workers } = setup();
    const { notify } = store.getState();
    notify('error', 'first');
    workers[0]!.crash('out of memory');
    store.getState().step();
    notify('info', 'after the failure');
    const ids = store.getState().notices.map((n) => n.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (let i = 0; i < 2 * MAX_NOTICES; i++) notify('info', `notice ${i}`);
    expect(store.getState().notices).toHaveLength(MAX_NOTICES);
    expect(store.getState().notices.at(-1)!.text).toBe(`notice ${2 * MAX_NOTICES - 1}`);
  });
});
