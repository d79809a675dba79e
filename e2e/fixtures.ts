import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** A page that fails its test on any console error or uncaught exception. */
export const test = base.extend<{ page: Page }>({
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(err.message));
    await use(page);
    expect(errors, 'console errors').toEqual([]);
  },
});

export { expect };

/** Opens the app and waits until the worker is ready (the Play button is enabled). */
export async function openLab(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
}

/** The numbers in the status line. */
export async function readStatus(
  page: Page,
): Promise<{ episode: number; totalSteps: number; epsilon: number }> {
  const text =
    (await page.getByRole('status').filter({ hasText: 'Total steps' }).textContent()) ?? '';
  const num = (re: RegExp) => Number((re.exec(text)?.[1] ?? 'NaN').replace(/,/g, ''));
  return {
    episode: num(/Episode ([\d,]+)/),
    totalSteps: num(/Total steps ([\d,]+)/),
    epsilon: num(/ε ([\d.]+)/),
  };
}

/** Opens the dock's tab `name` (Curves, Frames, Glossary…) unless it is open already. */
export async function openTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
  await expect(page.getByRole('tabpanel', { name, exact: true })).toBeVisible();
}

/** Opens a button's panel in the top bar or over the grid (`Menu`, `More`, the map chip). */
export async function openDisclosure(page: Page, name: string | RegExp): Promise<void> {
  const button = page.getByRole('button', { name, exact: typeof name === 'string' });
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
}

/**
 * axe-core's serious and critical violations on the page, or only inside `selector` (what a spec
 * added), one line each: the rule, its impact and the elements.
 */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const { violations } = await (selector ? builder.include(selector) : builder).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
