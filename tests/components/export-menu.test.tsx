// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createRef } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExportMenu } from '../../src/components/dock/io/ExportMenu';
import { parseRunRecord } from '../../src/rl/replay';
import { blobText } from './blob-text';
import { renderWithLab } from './lab-fixture';

/** What the page handed to the browser to save: the file name and the blob. */
const saved: { name: string; blob: Blob }[] = [];
const blobs = new Map<string, Blob>();

beforeEach(() => {
  saved.length = 0;
  blobs.clear();
  // jsdom has no blob: URLs and does not download: keep the blob, record the anchor's click.
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: blobs.get(this.href)! });
  });
});
afterEach(cleanup);

function renderMenu(svg: SVGSVGElement | null = null) {
  const gridSvg = createRef<SVGSVGElement | null>();
  (gridSvg as { current: SVGSVGElement | null }).current = svg;
  const lab = renderWithLab(<ExportMenu gridSvg={gridSvg} />);
  // One update: the run is at episode 0, total steps 1, with Q still all 0 (reward 0 from 0).
  act(() => {
    lab.store.getState().step();
    lab.store.getState().snapshotDrawn();
  });
  return lab;
}

describe('ExportMenu', () => {
  it('offers the five formats as buttons in a named group', () => {
    renderMenu();
    const group = screen.getByRole('group', { name: 'Export formats' });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Grid as PNG', 'Grid as SVG', 'Curves as PNG', 'Q, V and A as CSV', 'Run as JSON']);
  });

  it('Q, V and A as CSV: one line per state of 4x4, named by map, seed and episode', async () => {
    renderMenu();
    await userEvent.click(screen.getByRole('button', { name: 'Q, V and A as CSV' }));
    expect(await screen.findByText('Saved ice-maze-4x4-seed0-episode0.csv.')).toBeTruthy();
    expect(saved.map((s) => s.name)).toEqual(['ice-maze-4x4-seed0-episode0.csv']);
    const lines = (await blobText(saved[0]!.blob)).trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 16);
    expect(lines[0]).toBe(
      'state,row,col,tile,Q_left,Q_down,Q_right,Q_up,V,A_left,A_down,A_right,A_up,greedy',
    );
    // Q = 0 everywhere: V = 0, A = 0, and every action ties for greedy.
    expect(lines[1]).toBe('0,0,0,S,0,0,0,0,0,0,0,0,0,left|down|right|up');
    expect(lines[6]).toBe('5,1,1,H,0,0,0,0,0,0,0,0,0,left|down|right|up');
    expect(lines[16]).toBe('15,3,3,G,0,0,0,0,0,0,0,0,0,left|down|right|up');
  });

  it('Run as JSON: a run record that replays, at total steps 1', async () => {
    renderMenu();
    await userEvent.click(screen.getByRole('button', { name: 'Run as JSON' }));
    expect(await screen.findByText('Saved ice-maze-4x4-seed0-episode0.json.')).toBeTruthy();
    const parsed = parseRunRecord(JSON.parse(await blobText(saved[0]!.blob)));
    expect(parsed.ok && parsed.record.totalSteps).toBe(1);
  });

  it('Grid as SVG saves the grid the page handed over', async () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('aria-label', 'the grid');
    renderMenu(svg);
    await userEvent.click(screen.getByRole('button', { name: 'Grid as SVG' }));
    expect(await screen.findByText('Saved ice-maze-4x4-seed0-episode0-grid.svg.')).toBeTruthy();
    expect(await blobText(saved[0]!.blob)).toContain('aria-label="the grid"');
  });

  it('with no grid or curves on the page, says so in a notice and saves nothing', async () => {
    const { store } = renderMenu();
    await userEvent.click(screen.getByRole('button', { name: 'Grid as SVG' }));
    await userEvent.click(screen.getByRole('button', { name: 'Curves as PNG' }));
    await vi.waitFor(() => expect(store.getState().notices).toHaveLength(2));
    expect(store.getState().notices.map((n) => [n.kind, n.text])).toEqual([
      ['error', 'Export failed: There are no grid on the page to export.'],
      ['error', 'Export failed: There are no learning curves on the page to export.'],
    ]);
    expect(saved).toEqual([]);
  });
});
