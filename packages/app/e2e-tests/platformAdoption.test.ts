import { expect, test } from '@playwright/test';
import { apiAs, screenshotDir, signIn, waitForDemoScan } from './support/portal';

test('a guest signs in and reaches Platform Adoption from the sidebar', async ({ page }) => {
  await signIn(page, 'guest');
  await waitForDemoScan(await apiAs(page, 'guest'), false);

  const nav = page.getByRole('navigation', { name: 'sidebar nav' });
  await nav.getByRole('link', { name: 'Platform Adoption' }).click();

  await expect(page).toHaveURL(/\/platform-adoption/);
  await expect(page.getByRole('heading', { name: 'Platform Adoption' }).first()).toBeVisible();
  // One card per platform once the scan's figures have arrived.
  await expect(page.getByRole('region', { name: 'MongoDB' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'PostgreSQL' })).toBeVisible();

  await page.screenshot({ path: `${screenshotDir}/platform-adoption-page.png`, fullPage: true });
});

test('a CoE lead signs in as herself, with her groups from the catalog', async ({ page }) => {
  await signIn(page, 'coe-lead');
  await page.goto('/settings');
  await expect(page.getByText('Tamsin Raman').first()).toBeVisible();
  await page.screenshot({ path: `${screenshotDir}/coe-lead-settings.png` });
});
