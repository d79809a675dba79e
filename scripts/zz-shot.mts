import { openBrowser } from './browser';
const session = await openBrowser(4342);
try {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(session.url);
  await page.getByRole('button', { name: 'Play' }).waitFor();
  await page.getByRole('button', { name: 'Start comparison' }).click();
  await page.waitForTimeout(Number(process.argv[2] ?? 3000)); console.log('early', errors, await page.locator('h2').allTextContents());
  const panel = page.locator('.compare-panel');
  await panel.screenshot({ path: '/tmp/cmp/compare.png' });
  await page.locator('.optimal-panel').screenshot({ path: '/tmp/cmp/optimal0.png' });
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(4000);
  await page.locator('.optimal-panel').screenshot({ path: '/tmp/cmp/optimal1.png' });
  console.log('errors', errors);
} finally {
  await session.close();
}
