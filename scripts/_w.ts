import { openBrowser } from './browser';
const session = await openBrowser(4345);
try {
  const page = await session.browser.newPage({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
  page.on('pageerror', (e) => console.log('ERR', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('CERR', m.text()));
  await page.goto(session.url + '?map=8x8&speed=max');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForTimeout(4000);
  const panel = page.getByRole('region', { name: "Why the lesson's settings fail on 8x8" });
  console.log(await panel.textContent());
  await panel.screenshot({ path: '/tmp/sw/why.png' });
  await panel.getByRole('button', { name: 'Load the 8x8 preset that works' }).click();
  await page.waitForTimeout(500);
  console.log('visible after load:', await panel.count());
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('status').filter({ hasText: 'Finished' }).waitFor({ timeout: 300_000 });
  console.log('8x8 preset in browser ms', Date.now() - t0);
  console.log(await page.locator('[data-fact="greedy-success"]').textContent());
} finally { await session.close(); }
