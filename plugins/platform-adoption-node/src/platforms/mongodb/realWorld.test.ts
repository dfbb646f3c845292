import path from 'path';
import fs from 'fs';
import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { loadHclParser } from '../../parsing/hcl';
import { detectFiles, facetValues, onlyServer } from '../../testing/detect';
import { fixtureText, ORIGINAL_PATHS } from '../../testing/mongodbFixtures';

import { mongodbDetector } from './detector';

/** The shared real-world fixtures, beside the repository (CI has them there). */
const MONGODB_FIXTURES = path.resolve(__dirname, '../../../../..', '..', 'shared', 'fixtures', 'real-world', 'mongodb');

/**
 * The real MongoDB fixtures, each read as its own repository at the path it
 * has there, asserted against what a careful reader of each file sees.
 */
const text = (fixture: string) => fixtureText(MONGODB_FIXTURES, fixture);
const scan = (fixture: string) =>
  detectFiles({ [ORIGINAL_PATHS[fixture]]: text(fixture) }, [mongodbDetector]);
const deployment = (fixture: string): DetectedDeployment =>
  onlyServer(scan(fixture));
const facets = (fixture: string) => facetValues(deployment(fixture));

beforeAll(() => loadHclParser());

describe('real-world MongoDB configurations', () => {
  it('covers every fixture listed in SOURCES.md and finds exactly one server in each', () => {
    expect(fs.readdirSync(MONGODB_FIXTURES).sort()).toEqual(
      Object.keys(ORIGINAL_PATHS).sort(),
    );
    for (const fixture of Object.keys(ORIGINAL_PATHS)) {
      const result = scan(fixture);
      expect(result.problems).toEqual([]);
      expect(result.deployments.filter(d => d.kind === 'server')).toHaveLength(
        1,
      );
    }
  });

  describe('Atlas', () => {
    it.each([
      'atlas__GoogleCloudPlatform__terraform-mean-cloudrun-mongodb.tf',
      'atlas__ivan-gusev__nightscout-gcp.tf',
      'atlas__synthia-telemed__infrastructure.tf',
    ])('%s: a shared-tier (TENANT) cluster, which has no backup', fixture => {
      const found = deployment(fixture);
      expect(found.facets.backup.value).toBe('none');
      expect(found.facets.backup.evidence.note).toContain('shared-tier');
      expect(found.facets.hosting.value).toBe('atlas');
      expect(found.facets.topology.value).toBe('replicaset');
      expect(found.facets.version.value).toBe(UNKNOWN);
    });

    it('GoogleCloudPlatform: GCP under the shared tier, tier and region from variables without defaults', () => {
      expect(
        facets(
          'atlas__GoogleCloudPlatform__terraform-mean-cloudrun-mongodb.tf',
        ),
      ).toMatchObject({
        provider: 'gcp',
        instanceSize: UNKNOWN,
        region: UNKNOWN,
        authentication: 'scram',
        tls: true,
        provisioning: 'terraform',
      });
    });

    it('ivan-gusev: a near-copy of the GoogleCloudPlatform file gives the same facets', () => {
      expect(facets('atlas__ivan-gusev__nightscout-gcp.tf')).toEqual(
        facets(
          'atlas__GoogleCloudPlatform__terraform-mean-cloudrun-mongodb.tf',
        ),
      );
    });

    it('synthia-telemed: everything behind one object variable is unknown', () => {
      expect(facets('atlas__synthia-telemed__infrastructure.tf')).toMatchObject(
        {
          provider: UNKNOWN,
          instanceSize: UNKNOWN,
          region: UNKNOWN,
          version: UNKNOWN,
        },
      );
      expect(
        deployment('atlas__synthia-telemed__infrastructure.tf').facets.version
          .evidence.note,
      ).toBe('unresolved: var.mongoatlas_cluster_config.version');
    });

    it('amartgon: an old major (4.0) with legacy backup, provider from a local', () => {
      const found = deployment('atlas__amartgon__atlas-azure-hub-spoke.tf');
      expect(facetValues(found)).toMatchObject({
        version: '4.0',
        backup: 'continuous',
        backupTool: 'atlas-legacy-backup',
        provider: 'azure',
        instanceSize: 'M10',
        replicas: 3,
        region: UNKNOWN,
      });
      expect(found.facets.version.evidence).toMatchObject({
        path: 'atlas.tf',
        line: 57,
      });
      expect(found.facets.provider.evidence).toMatchObject({
        line: 7,
        note: 'from local.provider_name',
      });
    });

    it('eugenebogaart: two deployments on different majors (4.2 and 5.0), both with snapshots', () => {
      expect(
        facets('atlas__eugenebogaart__Atlas-Azure-Peering.tf'),
      ).toMatchObject({
        version: '4.2',
        backup: 'snapshot',
        instanceSize: 'M10',
        provider: UNKNOWN,
      });
      expect(
        facets('atlas__eugenebogaart__Atlas-AWS-Peering.tf'),
      ).toMatchObject({
        version: '5.0',
        backup: 'snapshot',
        instanceSize: UNKNOWN,
      });
    });

    it('cbaird-1337: a replica set counted from regions_config', () => {
      expect(
        facets('atlas__cbaird-1337__aws-atlas-terraform.tf'),
      ).toMatchObject({
        version: '5.0',
        topology: 'replicaset',
        replicas: 3,
        region: 'us-east-1',
        provider: 'aws',
        instanceSize: 'M10',
        backup: 'snapshot',
      });
    });

    it('formancehq: backup with point-in-time restore is continuous (a positive deviant)', () => {
      const found = deployment(
        'atlas__formancehq__stack-terraform-aws-example.tf',
      );
      expect(facetValues(found)).toMatchObject({
        version: '5.0',
        backup: 'continuous',
        backupTool: 'atlas-cloud-backup',
        instanceSize: 'M10',
        region: 'eu-west-1',
        replicas: 3,
        authentication: 'scram',
      });
      expect(found.facets.backup.evidence).toMatchObject({ line: 55 });
    });

    it('hounienlin: version from a variable without default is unknown', () => {
      expect(
        facets('atlas__hounienlin__terraform-mongodb-atlas-on-gcp.tf'),
      ).toMatchObject({
        version: UNKNOWN,
        backup: 'snapshot',
        provider: 'gcp',
      });
    });

    it('SubashMaharjan: advanced cluster without backup; inline provider keys never leave the scan', () => {
      const fixture = 'atlas__SubashMaharjan__Publishing-platform.tf';
      expect(facets(fixture)).toMatchObject({
        backup: 'none',
        instanceSize: 'M10',
        region: 'us-east-1',
        provider: 'aws',
        replicas: 3,
        version: UNKNOWN,
      });
      const output = JSON.stringify(scan(fixture));
      expect(output).not.toContain('732341c6-86b2-4ed3-9797-bf425cc3d53f');
      expect(output).not.toContain('fhtzvuxf');
    });
  });

  describe('Bitnami HelmReleases', () => {
    it('clarknova99: auth.enabled false means no authentication; chart 14.0.13 is not the server version', () => {
      const found = deployment('helm__clarknova99__home-cluster.yaml');
      expect(found.facets.authentication).toMatchObject({
        value: 'none',
        evidence: { line: 29 },
      });
      expect(found.facets.version.value).toBe(UNKNOWN);
      expect(found.facets.version.evidence.note).toContain('14.0.13');
    });

    it('Fane447: the inline root password is never stored or shown', () => {
      const fixture = 'helm__Fane447__flux-cluster.yaml';
      const password =
        '9@JXybsMziyMpRF!vvBWBmzGb.mp6P9E7psw*666QM9PrQW8f8AsbXKeGb4!dVZF';
      expect(text(fixture)).toContain(password);
      expect(JSON.stringify(scan(fixture))).not.toContain(password);
      expect(JSON.stringify(scan(fixture))).not.toContain('9@JXybsMziyMpRF');
      expect(deployment(fixture).facets.authentication.evidence.note).toContain(
        'written inline',
      );
      expect(facets(fixture)).toMatchObject({
        authentication: 'scram',
        monitoring: 'prometheus',
        version: UNKNOWN,
      });
    });

    it('ismailbay: standalone with backup and metrics explicitly off, version 7.0 from the image tag', () => {
      const found = deployment('helm__ismailbay__k8s-dev-stack.yaml');
      expect(facetValues(found)).toMatchObject({
        topology: 'standalone',
        replicas: 1,
        backup: 'none',
        monitoring: 'none',
        version: '7.0',
      });
      expect(found.facets.backup.evidence).toMatchObject({ line: 45 });
      expect(found.facets.monitoring.evidence).toMatchObject({ line: 47 });
    });

    it('DevSecNinja: version pinned with a digest, credentials from an existing secret', () => {
      expect(facets('helm__DevSecNinja__home.yaml')).toMatchObject({
        version: '7.0.15',
        authentication: 'scram',
        topology: 'standalone',
      });
    });

    it('gtw2: a chartRef release recognised by name and values; placeholders are not passwords', () => {
      expect(facets('helm__gtw2__home-ops.yaml')).toMatchObject({
        topology: 'standalone',
        authentication: 'scram',
        version: UNKNOWN,
      });
    });

    it('sklab-dev: chart 16.5.33 is not the server version; metrics on', () => {
      const found = deployment('helm__sklab-dev__k8s-cluster.yaml');
      expect(found.facets.version.value).toBe(UNKNOWN);
      expect(found.facets.version.evidence.note).toContain('16.5.33');
      expect(found.facets.monitoring.value).toBe('prometheus');
    });
  });

  it('nklmilojevic: a 2-member replica set, version from a Flux substitution unknown', () => {
    const found = deployment('community__nklmilojevic__home.yaml');
    expect(facetValues(found)).toMatchObject({
      topology: 'replicaset',
      replicas: 2,
      version: UNKNOWN,
      monitoring: 'prometheus',
      authentication: 'scram',
      provisioning: 'operator',
    });
    expect(found.facets.replicas.evidence).toMatchObject({ line: 8 });
  });

  it('composemgr: mongo:latest pins no version; the default admin password is not shown', () => {
    const found = deployment('compose__composemgr__mongodb.yaml');
    expect(found.facets.version).toEqual({
      value: UNKNOWN,
      evidence: {
        kind: 'file',
        path: 'docker-compose.yaml',
        line: 53,
        note: 'unpinned: latest',
      },
    });
    expect(facetValues(found)).toMatchObject({
      hosting: 'docker',
      environment: 'development',
      authentication: 'scram',
      topology: 'standalone',
    });
    expect(
      JSON.stringify(scan('compose__composemgr__mongodb.yaml')),
    ).not.toContain('changeme_admin_password');
  });
});
