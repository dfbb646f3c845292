import { expect, test } from '@playwright/test';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Api, apiAs, json, repositoriesRoot, scanAndWait, screenshotDir, signIn, waitForDemoScan } from './support/portal';

/*
 * The golden path end to end: the CoE lead publishes a MongoDB reference
 * architecture, the catalog module turns it into a template, a team member
 * creates a component from it in the UI (rendered, published into the demo's
 * repositories folder, registered), and a scan finds the new deployment
 * conforming and counted as golden-path adoption. The folder it publishes is
 * deleted afterwards, so repeated runs leave the tree clean.
 */

// A locator that finds nothing fails in 30 seconds, not at the test's timeout.
test.use({ actionTimeout: 30_000 });

/**
 * The MongoDB standard: the published one, or one derived from the fleet,
 * saved as a draft and published by the CoE lead.
 */
async function ensureMongodbStandard(
  api: Api,
): Promise<{ version: number; title: string }> {
  const overview = await json(
    await api.get('/platform-adoption/references/mongodb'),
    'MongoDB reference',
  );
  if (overview.standard) return overview.standard;
  await waitForDemoScan(api, true);
  const derived = await json(
    await api.post('/platform-adoption/references/mongodb/derive'),
    'derive',
  );
  await json(
    await api.put(
      '/platform-adoption/references/mongodb/draft',
      derived.content,
    ),
    'save draft',
  );
  return json(
    await api.post('/platform-adoption/references/mongodb/publish'),
    'publish',
  );
}

test('a team creates a MongoDB deployment from the golden path, and a scan finds it conforming', async ({
  browser,
  page,
}) => {
  test.setTimeout(300_000);
  const name = `golden-path-e2e-${Date.now().toString(36)}`;
  const folder = join(repositoriesRoot, name);
  const entityRef = `component:default/${name}`;
  let guest: Api | undefined;

  try {
    // The CoE lead makes sure a MongoDB standard is published.
    const coeContext = await browser.newContext();
    const coePage = await coeContext.newPage();
    await signIn(coePage, 'coe-lead');
    const coe = await apiAs(coePage, 'coe-lead');
    const standard = await ensureMongodbStandard(coe);
    const templateTitle = `MongoDB golden path (reference v${standard.version})`;

    // A member of Customer Insights finds the golden path under Create.
    await signIn(page, 'guest');
    guest = await apiAs(page, 'guest');
    await page.goto('/create');
    // The catalog module polls the published references every 30 seconds.
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(templateTitle)).toBeVisible({
        timeout: 5_000,
      });
    }).toPass({ timeout: 120_000, intervals: [5_000] });
    await page.screenshot({
      path: `${screenshotDir}/golden-path-create.png`,
      fullPage: true,
    });

    const card = page
      .locator('div')
      .filter({ has: page.getByText(templateTitle, { exact: true }) })
      .filter({ has: page.getByRole('button', { name: 'Choose' }) })
      .last();
    await card.getByRole('button', { name: 'Choose' }).click();

    // Page 1: the component.
    await page.getByRole('textbox', { name: /^Name/ }).fill(name);
    // The pickers list entities by title and filter on what is typed.
    await page
      .getByRole('textbox', { name: 'Owner' })
      .fill('Customer Insights');
    await page
      .getByRole('option', { name: 'Customer Insights', exact: true })
      .click();
    await page
      .getByRole('textbox', { name: 'System' })
      .fill('Customer Insights Platform');
    await page
      .getByRole('option', { name: 'Customer Insights Platform', exact: true })
      .click();
    await page.getByRole('button', { name: /^Environment/ }).click();
    await page.getByRole('option', { name: 'production', exact: true }).click();
    await page.screenshot({
      path: `${screenshotDir}/golden-path-form.png`,
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Next' }).click();

    // Page 2: what the reference leaves open; the defaults are the standard's.
    await expect(
      page.getByText('Choices the reference architecture leaves open').first(),
    ).toBeVisible();
    await page.getByRole('button', { name: 'Review' }).click();
    await expect(page.getByText(name).first()).toBeVisible();
    await page.screenshot({
      path: `${screenshotDir}/golden-path-review.png`,
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Create' }).click();

    // The task renders, publishes and registers; its output links to the new entity.
    const openInCatalog = page.getByRole('link', { name: 'Open in catalog' });
    await expect(openInCatalog).toBeVisible({ timeout: 90_000 });
    await expect(openInCatalog).toHaveAttribute(
      'href',
      `/catalog/default/component/${name}`,
    );
    await page.screenshot({
      path: `${screenshotDir}/golden-path-task.png`,
      fullPage: true,
    });
    expect(existsSync(join(folder, 'catalog-info.yaml'))).toBe(true);
    expect(existsSync(join(folder, 'infra/atlas/main.tf'))).toBe(true);

    // catalog:register adds the location; the entity appears once the
    // catalog has processed it, which on a busy machine takes a while.
    let found = await guest.get(`/catalog/entities/by-name/component/default/${name}`);
    for (let i = 0; i < 60 && found.status() === 404; i++) {
      await page.waitForTimeout(1000);
      found = await guest.get(`/catalog/entities/by-name/component/default/${name}`);
    }
    const entity = await json(found, 'new component');
    expect(entity.metadata.annotations).toMatchObject({
      'backstage.io/source-template': 'template:default/mongodb-golden-path',
      'platform-adoption.io/reference': `mongodb@${standard.version}`,
      'backstage.io/source-location': `url:https://git.fernhill.example/${name}/`,
    });

    // A scan finds the deployment, conforming and counted as golden-path adoption.
    await scanAndWait(coe);
    const conformance = await json(
      await guest.get('/platform-adoption/conformance?platform=mongodb'),
      'MongoDB conformance',
    );
    const item = conformance.items.find(
      (i: any) => i.deployment.entityRef === entityRef,
    );
    expect(item, `a MongoDB deployment of ${entityRef}`).toBeDefined();
    expect(item.conformance).toMatchObject({
      conforming: true,
      differences: [],
      version: standard.version,
    });
    expect(item.deployment.goldenPath).toEqual({
      template: 'template:default/mongodb-golden-path',
      platform: 'mongodb',
      referenceVersion: standard.version,
    });

    await openInCatalog.click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await expect(
      page.getByText('customer-insights-platform').first(),
    ).toBeVisible();
    await page.screenshot({
      path: `${screenshotDir}/golden-path-entity.png`,
      fullPage: true,
    });
    await coeContext.close();
  } finally {
    // Leave neither the published folder nor its catalog location behind.
    rmSync(folder, { recursive: true, force: true });
    if (guest) {
      const locations = await guest.get('/catalog/locations');
      if (locations.ok()) {
        for (const { data } of await locations.json()) {
          if (String(data.target).includes(`/${name}/`))
            await guest.delete(`/catalog/locations/${data.id}`);
        }
      }
    }
  }
});
