import { APIResponse, expect, Page } from '@playwright/test';
import { resolve } from 'node:path';

/** What the end-to-end tests share: personas, the REST API, scans. */

// Screenshots land beside the Playwright report so CI keeps them.
export const screenshotDir = 'test-results/e2e/screenshots';

// platformAdoption.localRepositories[0].root, seen from the repository root.
export const repositoriesRoot = resolve(__dirname, '../../../../examples/repositories');

export type Persona = 'guest' | 'coe-lead';

/**
 * Signs in with one of the demo personas. Right after the backend starts
 * the catalog may not hold the persona's User entity yet, and sign-in
 * fails ("You do not appear to be signed in"): try again until it holds.
 */
export async function signIn(page: Page, persona: Persona) {
  const button = page.getByRole('button', { name: persona === 'guest' ? 'Enter' : 'Enter as CoE lead', exact: true });
  // The nav element itself has no box of its own; its links do.
  const signedIn = page.getByRole('navigation', { name: 'sidebar nav' }).getByRole('link', { name: 'Catalog', exact: true });
  await expect(async () => {
    await page.goto('/');
    // An earlier attempt may have signed in after all, only slowly.
    await expect(button.or(signedIn).first()).toBeVisible({ timeout: 20_000 });
    if (!(await signedIn.isVisible())) await button.click({ timeout: 10_000 });
    await expect(signedIn).toBeVisible({ timeout: 10_000 });
  }).toPass({ timeout: 90_000, intervals: [2_000] });
}

/** A REST client for the Backstage API with a persona's token, through the page's request context. */
export async function apiAs(page: Page, persona: Persona) {
  const refresh = await page.request.get(`/api/auth/${persona}/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  expect(refresh.ok(), `sign-in refresh for ${persona}`).toBe(true);
  const token: string = (await refresh.json()).backstageIdentity.token;
  const headers = { Authorization: `Bearer ${token}` };
  return {
    get: (path: string) => page.request.get(`/api${path}`, { headers }),
    delete: (path: string) => page.request.delete(`/api${path}`, { headers }),
    post: (path: string, data: unknown = {}) => page.request.post(`/api${path}`, { headers, data }),
    put: (path: string, data: unknown) => page.request.put(`/api${path}`, { headers, data }),
  };
}
export type Api = Awaited<ReturnType<typeof apiAs>>;

export async function json(response: APIResponse, what: string) {
  expect(response.ok(), `${what}: ${response.status()} ${await response.text()}`).toBe(true);
  return response.json();
}

async function scanStatus(api: Api) {
  return json(await api.get('/platform-adoption/scans/current'), 'scan status');
}

/**
 * The scan status while a scan may keep the backend busy: a kept-alive
 * connection the server closed meanwhile fails once (ECONNRESET), which
 * means "ask again", not "the scan failed".
 */
async function scanStatusWhileBusy(api: Api) {
  try {
    return await scanStatus(api);
  } catch (error) {
    if (/ECONNRESET|socket hang up/.test(String(error))) return { running: true, current: null };
    throw error;
  }
}

/** Starts a scan (waiting out one already running) and waits until a newer one has completed. */
export async function scanAndWait(api: Api, timeout = 90_000) {
  const before = (await scanStatus(api)).current?.id ?? 0;
  await expect
    .poll(async () => (await api.post('/platform-adoption/scans')).status(), {
      message: 'a scan could be started',
      timeout: 60_000,
      intervals: [2_000],
    })
    .toBe(202);
  await expect
    .poll(
      async () => {
        const status = await scanStatusWhileBusy(api);
        return status.current && status.current.id > before && !status.running ? status.current.status : 'running';
      },
      { message: 'the scan completed', timeout, intervals: [2_000] },
    )
    .toBe('completed');
  return (await scanStatus(api)).current;
}

/**
 * Waits until a scan has completed with the demo's deployments in it. The
 * scan at start-up can run before the catalog has loaded the demo; then a
 * persona allowed to starts a new one, and a reader waits for the schedule.
 */
export async function waitForDemoScan(api: Api, canTrigger: boolean) {
  await expect
    .poll(async () => (await scanStatus(api)).current?.status ?? 'none', {
      message: 'a scan completed',
      timeout: 120_000,
      intervals: [2_000],
    })
    .toBe('completed');
  const status = await scanStatus(api);
  if (status.current.stats.deployments > 0 && !status.running) return;
  if (canTrigger) {
    await scanAndWait(api, 120_000);
    return;
  }
  await expect
    .poll(async () => (await scanStatus(api)).current?.stats.deployments ?? 0, {
      message: 'a scan found the demo',
      timeout: 240_000,
      intervals: [3_000],
    })
    .toBeGreaterThan(0);
}
