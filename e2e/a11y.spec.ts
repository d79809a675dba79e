import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, openLab, test } from './fixtures';

/** axe's serious and critical violations on the page as it is, each with the elements it names. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Trains the lesson's 10,000 episodes at full speed. */
async function trainFull(page: Page): Promise<void> {
  await page.getByRole('slider', { name: 'Speed' }).fill('10');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Total steps' })).toContainText(
    'Finished',
    { timeout: 60_000 },
  );
}

for (const theme of ['light', 'dark'] as const) {
  test(`axe: no serious or critical violation in the ${theme} theme, before and after training, with each dock tab open`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width: 1280, height: 720 });
    await openLab(page, `?theme=${theme}`);
    expect(await seriousViolations(page), 'before training').toEqual([]);
    await trainFull(page);
    expect(await seriousViolations(page), 'after training').toEqual([]);
    const tabs = page.getByRole('tablist', { name: 'More panels' }).getByRole('tab');
    // A tab's name is its full label; the strip may show a shorter word of it.
    for (let i = 0; i < (await tabs.count()); i++) {
      const tab = tabs.nth(i);
      const name = (await tab.getAttribute('aria-label')) ?? (await tab.innerText());
      await tab.click();
      const panel = page.getByRole('tabpanel', { name, exact: true });
      await expect(panel).toBeVisible();
      await expect(panel.getByText(/^Loading /)).toHaveCount(0);
      expect(await seriousViolations(page), `the ${name} tab`).toEqual([]);
    }
  });
}

test('the skip link is the first Tab and leads to the run controls: Play in two Tabs', async ({
  page,
}) => {
  await openLab(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the run controls' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();
  // Followed, the skip link puts the next Tab on Play too.
  await page.getByRole('button', { name: 'Play' }).blur();
  await page.keyboard.press('Shift+Tab');
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Play' })).toBeFocused();
});

test('every figure on the first screen and in the dock has a name', async ({ page }) => {
  await openLab(page, '?tab=curves');
  await expect(page.getByRole('tabpanel', { name: 'Curves' }).locator('svg').first()).toBeVisible();
  const unnamed = await page.evaluate(() =>
    [...document.querySelectorAll('svg, [role="img"], [role="figure"], figure')]
      .filter((el) => {
        const box = el.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) return false;
        // Decorative pictures are hidden from the accessibility tree on purpose.
        if (el.closest('[aria-hidden="true"]')) return false;
        // A picture inside a named figure is that figure's (e.g. the grid's cells).
        const parent = el.parentElement?.closest(
          'svg[aria-label], [role="img"][aria-label], [role="grid"][aria-label], [role="figure"]',
        );
        if (parent) return false;
        const named =
          el.getAttribute('aria-label') ||
          el.getAttribute('aria-labelledby') ||
          el.querySelector(':scope > title')?.textContent;
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
  expect(unnamed).toEqual([]);
});

test("in the dark theme the legend's caption and ticks are drawn in the theme's ink, not the light theme's", async ({
  page,
}) => {
  await openLab(page, '?theme=dark');
  // --ink in the dark theme: #e6edf5. (The ticks come with the axis's code, just after the first draw.)
  for (const selector of ['.qgrid-legend-label', '.qgrid-legend-axis .tick text'])
    await expect(page.locator(selector).first()).toHaveCSS('fill', 'rgb(230, 237, 245)');
});
