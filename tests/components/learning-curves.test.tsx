// @vitest-environment jsdom
import { act, cleanup, screen, waitFor } from '@testing-library/react';
import { Profiler, StrictMode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { LearningCurves } from '../../src/components/dock/curves/LearningCurves';
import { createRunHistory } from '../../src/shared/history/run-history';
import type { RunHistory } from '../../src/shared/history/types';
import type { LabStore } from '../../src/store/lab-store';
import type { InProcessWorker } from '../store/in-process-worker';
import { renderWithLab } from './lab-fixture';

afterEach(cleanup);

/**
 * Feeds the history from the store's snapshots, as the store itself will: every new snapshot is
 * ingested, a new run resets it. Returns the unsubscribe function.
 */
function feed(store: LabStore, history: RunHistory): () => void {
  const first = store.getState().snapshot;
  if (first) history.ingest(first);
  return store.subscribe((s, prev) => {
    if (s.runId !== prev.runId) history.reset();
    if (s.snapshot && s.snapshot !== prev.snapshot) history.ingest(s.snapshot);
  });
}

/** Runs `frames` frames of training: the fake clock moves 20 ms and the page takes a snapshot. */
function train(store: LabStore, worker: InProcessWorker, frames: number): void {
  act(() => {
    for (let i = 0; i < frames; i++) {
      worker.endpoint.advance(20);
      store.getState().snapshotDrawn();
    }
  });
}

const chartOf = () => screen.getByRole('img', { name: /^Learning curves/ });

describe('LearningCurves', () => {
  it('renders a section named "Learning curves" with a heading and the chart', async () => {
    const history = createRunHistory();
    renderWithLab(<LearningCurves history={history} />);
    const section = screen.getByRole('region', { name: 'Learning curves' });
    expect(section.querySelector('h2')?.textContent).toBe('Learning curves');
    await waitFor(() =>
      expect(chartOf().getAttribute('aria-label')).toBe(
        'Learning curves: no episodes yet. Press Play to see the curves.',
      ),
    );
  });

  it('after some snapshots the chart names the success rate and draws every series', async () => {
    const history = createRunHistory();
    const { store, worker } = renderWithLab(<LearningCurves history={history} />, {
      speed: 20_000,
    });
    const stop = feed(store, history);
    act(() => store.getState().play());
    train(store, worker, 30);
    expect(history.totals().episodes).toBeGreaterThan(100);
    await waitFor(() =>
      expect(chartOf().getAttribute('aria-label')).toMatch(
        /^Learning curves after [\d,]+ episodes: success rate \d\.\d\d over the last 100 episodes; greedy policy success probability \d\.\d{3} \(optimal policy 0\.740\);/,
      ),
    );
    expect(chartOf().getAttribute('aria-label')).toContain(
      `after ${history.totals().episodes.toLocaleString('en-US')} episodes`,
    );
    const paths = Array.from(document.querySelectorAll('path.curves-line'));
    expect(paths.length).toBe(6);
    for (const p of paths) expect(p.getAttribute('d') ?? '').not.toContain('NaN');
    expect(document.querySelector('.curves-optimum-label')?.textContent).toContain(
      'optimal policy 0.740',
    );
    stop();
  });

  it('does not ask the worker for snapshots (the grid does)', async () => {
    const history = createRunHistory();
    const { store, worker } = renderWithLab(<LearningCurves history={history} />, {
      speed: 20_000,
    });
    const stop = feed(store, history);
    act(() => store.getState().play());
    train(store, worker, 5);
    const requests = () => worker.sent.filter((c) => c.type === 'request-snapshot').length;
    const before = requests();
    const version = history.version;
    // Let the component draw what it has: it must not request more.
    await waitFor(() => expect(chartOf().getAttribute('aria-label')).toMatch(/success rate/));
    await new Promise((resolve) => requestAnimationFrame(() => resolve(null)));
    expect(requests()).toBe(before);
    expect(history.version).toBe(version);
    stop();
  });

  it('a new run starts the curves over', async () => {
    const history = createRunHistory();
    const { store, worker } = renderWithLab(<LearningCurves history={history} />, {
      speed: 20_000,
    });
    const stop = feed(store, history);
    act(() => store.getState().play());
    train(store, worker, 10);
    await waitFor(() => expect(chartOf().getAttribute('aria-label')).toMatch(/success rate/));
    act(() => store.getState().reset());
    act(() => store.getState().snapshotDrawn());
    await waitFor(() =>
      expect(chartOf().getAttribute('aria-label')).toBe(
        'Learning curves: no episodes yet. Press Play to see the curves.',
      ),
    );
    stop();
  });

  it('snapshots do not re-render the component, and StrictMode leaves one chart', async () => {
    const history = createRunHistory();
    let renders = 0;
    const { store, worker, view } = renderWithLab(
      <StrictMode>
        <Profiler id="curves" onRender={() => renders++}>
          <LearningCurves history={history} />
        </Profiler>
      </StrictMode>,
      { speed: 20_000 },
    );
    const stop = feed(store, history);
    const initial = renders;
    act(() => store.getState().play());
    train(store, worker, 20);
    await waitFor(() => expect(chartOf().getAttribute('aria-label')).toMatch(/success rate/));
    expect(renders).toBe(initial);
    expect(document.querySelectorAll('svg.learning-curves-chart').length).toBe(1);
    view.unmount();
    expect(document.querySelectorAll('svg.learning-curves-chart').length).toBe(0);
    stop();
  });

  it("after the lesson's run in one snapshot, the greedy curve has a dot every frame interval", async () => {
    const history = createRunHistory();
    const { store, worker } = renderWithLab(<LearningCurves history={history} />, {
      speed: 'max',
    });
    const stop = feed(store, history);
    act(() => store.getState().play());
    // On the fake clock the whole 10,000-episode budget runs in one slice, as a fast page nearly
    // does: the snapshots alone give points at 0 and 10,000 only.
    const { episodes: target, frameInterval } = store.getState().settings;
    for (let i = 0; i < 50 && history.totals().episodes < target; i++) train(store, worker, 1);
    train(store, worker, 5);
    expect(history.greedy().map((p) => p.episode)).toEqual([0, target]);
    const dots = () =>
      [...(document.querySelector('.curves-dots-greedy')?.getAttribute('d') ?? '').matchAll(/M/g)]
        .length;
    // A frame after episode 0 and every frameInterval episodes, beside the two evaluations.
    await waitFor(() => expect(dots()).toBeGreaterThanOrEqual(target / frameInterval + 1));
    stop();
  });
});
