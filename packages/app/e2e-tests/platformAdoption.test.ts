import { expect, test } from '@playwright/test';

// Screenshots land beside the Playwright report so CI keeps them.
const screenshotDir = 'test-results/e2e/screenshots';

test('a guest signs in and reaches Platform Adoption from the sidebar', async ({
  page,
}) => {
  await page.goto('/');

  await page.getByRole('button', { name: 'Enter', exact: true }).click();

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await expect(nav.getByRole('link', { name: 'Catalog', exact: true })).toBeVisible();
  await nav.getByRole('link', { name: 'Platform Adoption' }).click();

  await expect(page).toHaveURL(/\/platform-adoption/);
  await expect(
    page.getByRole('heading', { name: 'Platform Adoption' }).first(),
  ).toBeVisible();

  await page.screenshot({
    path: `${screenshotDir}/platform-adoption-page.png`,
    fullPage: true,
  });
});

test('a CoE lead signs in as herself, with her groups from the catalog', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter as CoE lead' }).click();
  await page.goto('/settings');
  await expect(page.getByText('Tamsin Raman').first()).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/coe-lead-settings.png` });
});
