/**
 * Offline use: the single-file build opens from file:// and trains under its strict policy, and
 * the normal build works from any sub-path of a static server.
 *
 * The single file is built here (`npm run build:single` in `beforeAll`), so this spec never tests
 * a stale one; the normal build in dist/ is the one `npm run test:e2e` builds first.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, openTab, readStatus, test } from './fixtures';

const ROOT = resolve(import.meta.dirname, '..');
const SINGLE_FILE = join(ROOT, 'dist-single', 'ice-maze-lab.html');
const SINGLE_URL = pathToFileURL(SINGLE_FILE).href;
const SUB_PATH = '/classroom/ice-maze/';

/** Waits for the worker, sets the Speed slider to its last stop (full speed) and presses Play. */
async function playAtFullSpeed(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  const speed = page.getByRole('slider', { name: 'Speed' });
  await speed.fill((await speed.getAttribute('max'))!);
  await expect(speed).toHaveAttribute('aria-valuetext', 'Full speed');
  await page.getByRole('button', { name: 'Play' }).click();
}

/** The URLs a page requests (the page itself included). */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

test.describe('the single-file build', () => {
  test.beforeAll(() => {
    test.setTimeout(240_000);
    execFileSync('npm', ['run', 'build:single'], { cwd: ROOT, stdio: 'pipe', timeout: 220_000 });
  });

  test('is one HTML file: inline script and style, their sha256 in a strict policy', async () => {
    const html = await readFile(SINGLE_FILE, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    const styles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)];
    expect(scripts).toHaveLength(1);
    expect(scripts[0]![1]).toBe(' type="module"');
    expect(styles).toHaveLength(1);
    // Nothing loaded from a file or a server: only data: URLs (the icon).
    const markup = html.replace(scripts[0]![0], '').replace(styles[0]![0], '');
    expect(markup).not.toMatch(/\b(src|href)="(?!data:)/);

    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
    expect(csp).toBeDefined();
    const sha = (text: string) =>
      `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const directives = Object.fromEntries(
      csp!.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name!, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'none'",
      'script-src': sha(scripts[0]![2]!),
      'worker-src': 'blob:',
      'style-src': sha(styles[0]![1]!),
      'img-src': 'data: blob:',
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
    });
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|'self'|\*/);
    // The policy comes before the script and the style it allows.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
  });

  test('opens from file:// with no server, and Play trains in a blob: worker', async ({ page }) => {
    const requests = recordRequests(page);
    await page.goto(SINGLE_URL);
    await expect(page.getByRole('grid', { name: /Ice Maze 4 by 4/ })).toBeVisible();
    await playAtFullSpeed(page);
    // At full speed the lesson's 10,000 episodes take a second or two: no Pause to race.
    await expect.poll(async () => (await readStatus(page)).episode).toBeGreaterThan(500);
    expect(page.workers().map((w) => w.url().split(':')[0])).toEqual(['blob']);
    // The page itself, then only blob: and data: URLs: nothing from disk or the network.
    expect(requests[0]).toBe(SINGLE_URL);
    for (const url of requests.slice(1)) expect(url).toMatch(/^(blob|data):/);
  });

  test('the comparison trains in its own blob: worker from file://', async ({ page }) => {
    await page.goto(SINGLE_URL);
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
    await openTab(page, 'Compare');
    const panel = page.getByRole('region', { name: 'Compare algorithms' });
    await panel.getByRole('button', { name: 'Start comparison' }).click();
    await expect
      .poll(async () => (await panel.locator('.compare-count').allTextContents()).join(' '))
      .toMatch(/Q-learning [1-9][\d,]* ·\s+SARSA [1-9]/);
    expect(page.workers().map((w) => w.url().split(':')[0])).toEqual(['blob', 'blob']);
  });

  test('exports the grid as PNG and the run as JSON from file://', async ({ page }) => {
    await page.goto(SINGLE_URL);
    await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
    await page.getByRole('button', { name: 'Step episode' }).click();
    await expect.poll(async () => (await readStatus(page)).episode).toBe(1);
    await openTab(page, 'Export and Import');
    const panel = page.getByRole('region', { name: 'Export' });
    for (const [name, check] of [
      ['Grid as PNG', (b: Buffer) => expect(b.subarray(1, 4).toString('latin1')).toBe('PNG')],
      ['Run as JSON', (b: Buffer) => expect(JSON.parse(b.toString('utf8')).settings.seed).toBe(0)],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        panel.getByRole('button', { name, exact: true }).click(),
      ]);
      check(await readFile((await download.path())!));
      expect(download.suggestedFilename()).toMatch(/^ice-maze-4x4-seed0-episode1/);
    }
  });
});

test.describe('the normal build under a sub-path', () => {
  let server: Server;
  let origin = '';

  test.beforeAll(async () => {
    const dist = join(ROOT, 'dist');
    const types: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
    };
    // A static server that serves dist/ only under SUB_PATH, as a school's web space might.
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!path.startsWith(SUB_PATH)) return void res.writeHead(404).end();
      const rel = path.slice(SUB_PATH.length) || 'index.html';
      const file = normalize(join(dist, rel));
      if (!file.startsWith(dist + sep)) return void res.writeHead(403).end();
      readFile(file).then(
        (body) =>
          res
            .writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
            .end(body),
        () => res.writeHead(404).end(),
      );
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise<void>((done) => server.close(() => done()));
  });

  test('loads its script, style and worker from the sub-path and trains', async ({ page }) => {
    const requests = recordRequests(page);
    await page.goto(`${origin}${SUB_PATH}`);
    await playAtFullSpeed(page);
    await expect.poll(async () => (await readStatus(page)).episode).toBeGreaterThan(500);
    const files = requests.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname);
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const path of files) expect(path.startsWith(SUB_PATH)).toBe(true);
    expect(files.some((p) => /\/assets\/training\.worker-[\w-]+\.js$/.test(p))).toBe(true);
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([
      expect.stringMatching(new RegExp(`^${SUB_PATH}assets/training\\.worker-`)),
    ]);
  });
});
