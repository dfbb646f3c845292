import { TestDatabases } from '@backstage/backend-test-utils';
import request from 'supertest';
import { as, scanAndWait, startPlatformAdoption } from './__testUtils__/testBackend';
import { bankAccess, bankEntities, bankRepositories, COE, OUTSIDER, READER } from './__testUtils__/bankFleet';
import { testDatabaseIds } from './__testUtils__/databases';

describe('reference architectures, conformance, exemptions and permissions', () => {
  const databases = TestDatabases.create({ ids: testDatabaseIds() });

  it.each(databases.eachSupportedId())(
    'moves conformance, stages and history when a CoE lead publishes, and guards every manage endpoint (%p)',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const root = bankRepositories();
      const { server } = await startPlatformAdoption({ knex, entities: bankEntities, root, ...bankAccess });
      const api = (path: string) => `/api/platform-adoption${path}`;
      await scanAndWait(server, as(COE));

      // Without credentials nothing answers; a reader cannot manage.
      for (const [method, path] of [
        ['get', '/deployments'],
        ['put', '/references/postgresql/draft'],
        ['post', '/references/postgresql/publish'],
        ['post', '/exemptions'],
        ['post', '/campaigns'],
        ['post', '/scans'],
      ] as const) {
        const anonymous = await (request(server) as any)[method](api(path)).send({});
        expect({ path, status: anonymous.status }).toEqual({ path, status: 401 });
      }
      for (const [method, path] of [
        ['post', '/references/postgresql/derive'],
        ['post', '/references/postgresql/publish'],
        ['post', '/references/postgresql/retire'],
        ['delete', '/references/postgresql/draft'],
        ['post', '/scans'],
      ] as const) {
        const denied = await (request(server) as any)[method](api(path)).set('Authorization', as(READER));
        expect({ path, status: denied.status }).toEqual({ path, status: 403 });
        expect(denied.body.error.message).toMatch(/requires the platform-adoption\.[a-z.]+ permission/);
      }

      // Before a standard: multi-team, no conformance.
      const before = await request(server).get(api('/rollups?platform=postgresql&org=group:default/bank')).set('Authorization', as(READER));
      const bankBefore = before.body.items.find((r: any) => r.orgRef === 'group:default/bank');
      expect(bankBefore.stage.stage).toBe('multi-team');
      expect(bankBefore.conformance).toBeNull();

      // Derive from the fleet, save it as the draft, preview, publish.
      const derived = await request(server).post(api('/references/postgresql/derive')).set('Authorization', as(COE));
      expect(derived.status).toBe(200);
      expect(derived.body.content.facets.backup.requirement).toEqual({ equals: 'continuous' });
      const backupEvidence = derived.body.evidence.find((e: any) => e.facet === 'backup');
      expect(backupEvidence.support).toEqual({ count: 5, of: 6 });
      // The deployments behind the evidence are named, though stored summaries keep counts only.
      expect(backupEvidence.deploymentIds).toHaveLength(5);
      const summary = await request(server).get(api('/platforms/postgresql/summary')).set('Authorization', as(READER));
      expect(summary.body.summary.distributions.backup.find((b: any) => b.value === 'continuous')).toEqual({ value: 'continuous', count: 5 });

      const badDraft = await request(server)
        .put(api('/references/postgresql/draft'))
        .set('Authorization', as(COE))
        .send({ ...derived.body.content, facets: { ...derived.body.content.facets, colour: { requirement: { equals: 'blue' } } } });
      expect(badDraft.status).toBe(400);
      expect(badDraft.body.error.message).toContain('facets.colour');

      const draft = await request(server).put(api('/references/postgresql/draft')).set('Authorization', as(COE)).send(derived.body.content);
      expect(draft.status).toBe(200);
      const preview = await request(server).post(api('/references/postgresql/preview')).set('Authorization', as(READER)).send(derived.body.content);
      expect(preview.body).toMatchObject({ production: 6, conforming: 5, blocking: { backup: 1 } });

      const published = await request(server).post(api('/references/postgresql/publish')).set('Authorization', as(COE));
      expect(published.status).toBe(201);
      expect(published.body).toMatchObject({ version: 1, publishedBy: COE });

      const after = await request(server).get(api('/rollups?platform=postgresql&org=group:default/bank')).set('Authorization', as(READER));
      const bankAfter = after.body.items.find((r: any) => r.orgRef === 'group:default/bank');
      expect(bankAfter.conformance).toEqual({ conforming: 5, production: 6 });
      expect(bankAfter.stage.stage).toBe('enterprise-standard');
      const cards = after.body.items.find((r: any) => r.orgRef === 'group:default/cards');
      expect(cards.stage).toMatchObject({ stage: 'first-team' });
      expect(cards.conformance).toEqual({ conforming: 0, production: 1 });

      const conformance = await request(server).get(api('/conformance?platform=postgresql&team=group:default/cards')).set('Authorization', as(READER));
      expect(conformance.body.items[0].conformance.differences[0]).toMatchObject({
        facet: 'backup',
        value: 'none',
        required: 'continuous',
      });

      const history = await request(server).get(api('/history?platform=postgresql')).set('Authorization', as(READER));
      expect(history.body.series.at(-1).metrics).toMatchObject({ referenceVersion: 1, conforming: 5, production: 6, versionLines: { '16.4': 6 } });
      expect(history.body.events).toEqual([expect.objectContaining({ kind: 'published', version: 1 })]);

      // An exemption counts while it lasts, and stops counting when it expires.
      const cardsDeployment = conformance.body.items[0].deployment.id;
      const differing = conformance.body.items[0].conformance.differences.map((d: any) => d.facet);
      expect(differing).toEqual(['backup', 'backupTool']);
      const expiresAt = new Date(Date.now() + 2500).toISOString();
      for (const facet of differing) {
        const exempt = await request(server)
          .post(api('/exemptions'))
          .set('Authorization', as(COE))
          .send({ deploymentId: cardsDeployment, facet, justification: 'rebuilt nightly from the ledger', expiresAt });
        expect(exempt.status).toBe(201);
      }
      const pastExpiry = await request(server)
        .post(api('/exemptions'))
        .set('Authorization', as(COE))
        .send({ deploymentId: cardsDeployment, facet: 'backup', justification: 'rebuilt nightly from the ledger', expiresAt: '2020-01-01' });
      expect(pastExpiry.status).toBe(400);
      expect(pastExpiry.body.error.message).toContain('expiresAt');
      const exempted = await request(server).get(api('/conformance?platform=postgresql&team=group:default/cards')).set('Authorization', as(READER));
      expect(exempted.body.items[0].conformance.conforming).toBe(true);
      await new Promise(r => setTimeout(r, 3000));
      const expired = await request(server).get(api('/conformance?platform=postgresql&team=group:default/cards')).set('Authorization', as(READER));
      expect(expired.body.items[0].conformance.conforming).toBe(false);

      // The catalog hides cards-service from the outsider: so do we, everywhere.
      const visible = await request(server).get(api('/deployments?platform=postgresql')).set('Authorization', as(OUTSIDER));
      expect(visible.body.totalCount).toBe(5);
      expect(visible.body.items.map((d: any) => d.entityRef)).not.toContain('component:default/cards-service');
      const direct = await request(server).get(api(`/deployments/${cardsDeployment}`)).set('Authorization', as(OUTSIDER));
      expect(direct.status).toBe(404);
      const findings = await request(server).get(api('/findings?platform=postgresql')).set('Authorization', as(OUTSIDER));
      expect(JSON.stringify(findings.body)).not.toContain('cards-service');
      const hiddenConformance = await request(server).get(api('/conformance?platform=postgresql')).set('Authorization', as(OUTSIDER));
      expect(hiddenConformance.body.items).toHaveLength(5);
      const entity = await request(server).get(api('/entities/component/default/cards-service/deployments')).set('Authorization', as(OUTSIDER));
      expect(entity.body.items).toEqual([]);
      // Exemptions name deployments: the outsider sees none on cards-service, the reader both.
      const exemptionsSeen = async (user: string) =>
        (await request(server).get(api('/exemptions?platform=postgresql')).set('Authorization', as(user))).body.items.length;
      expect(await exemptionsSeen(READER)).toBe(2);
      expect(await exemptionsSeen(OUTSIDER)).toBe(0);

      // Who did what, and when.
      const audit = await request(server).get(api('/audit')).set('Authorization', as(READER));
      expect(audit.body.items.map((e: any) => [e.actor, e.action])).toEqual(
        expect.arrayContaining([
          [COE, 'reference.publish'],
          [COE, 'exemption.grant'],
          [COE, 'reference.draft.save'],
          [COE, 'scan.trigger'],
        ]),
      );
    },
    90_000,
  );
});
