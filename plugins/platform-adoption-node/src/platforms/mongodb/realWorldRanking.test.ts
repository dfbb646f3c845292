import path from 'path';
import {
  analyzePlatform,
  Deployment,
  toAnalysisDeployment,
} from '@platform-adoption/plugin-platform-adoption-common';
import { loadHclParser } from '../../parsing/hcl';
import { detectFiles } from '../../testing/detect';
import { fixtureText, ORIGINAL_PATHS } from '../../testing/mongodbFixtures';

import { mongodbPlatform } from './definition';
import { mongodbDetector } from './detector';

/** The shared real-world fixtures, beside the repository (CI has them there). */
const MONGODB_FIXTURES = path.resolve(__dirname, '../../../../..', '..', 'shared', 'fixtures', 'real-world', 'mongodb');

/**
 * The analysis over the real MongoDB fixtures, one owner per repository:
 * what a careful reader calls risky (fixtures/real-world/SOURCES.md) must
 * rank above the clean clusters, and the one cluster with point-in-time
 * restore must come out as a positive deviant.
 */
const RISKY = [
  'helm__clarknova99__home-cluster.yaml', // auth off and exposed
  'helm__Fane447__flux-cluster.yaml', // inline root password, no backup
  'helm__ismailbay__k8s-dev-stack.yaml', // standalone, backup and metrics off
  'community__nklmilojevic__home.yaml', // two voters, no backup
  'atlas__GoogleCloudPlatform__terraform-mean-cloudrun-mongodb.tf', // free tier: no backups
  'atlas__ivan-gusev__nightscout-gcp.tf', // its near-copy
  'atlas__amartgon__atlas-azure-hub-spoke.tf', // MongoDB 4.0
  'atlas__eugenebogaart__Atlas-Azure-Peering.tf', // MongoDB 4.2
];
const CLEAN = [
  'atlas__cbaird-1337__aws-atlas-terraform.tf',
  'atlas__eugenebogaart__Atlas-AWS-Peering.tf',
  'atlas__formancehq__stack-terraform-aws-example.tf',
  'atlas__hounienlin__terraform-mongodb-atlas-on-gcp.tf',
];

describe('the analysis on the real MongoDB fixtures', () => {
  let result: ReturnType<typeof analyzePlatform>;

  beforeAll(async () => {
    await loadHclParser();
    const deployments: Deployment[] = [];
    for (const [fixture, original] of Object.entries(ORIGINAL_PATHS)) {
      const owner = fixture.split('__')[1];
      const detected = detectFiles({ [original]: fixtureText(MONGODB_FIXTURES, fixture) }, [mongodbDetector]).deployments;
      for (const d of detected.filter(x => x.kind === 'server')) {
        deployments.push({ ...d, id: fixture, teamRef: `group:default/${owner}`, repository: fixture });
      }
    }
    result = analyzePlatform({ platform: mongodbPlatform, deployments: deployments.map(toAnalysisDeployment) });
  });

  it('ranks every risky deployment above every clean one', () => {
    const lowestRisky = Math.min(...RISKY.map(id => result.scores[id]));
    const highestClean = Math.max(...CLEAN.map(id => result.scores[id]));
    expect(lowestRisky).toBeGreaterThan(highestClean);
    for (const id of RISKY) {
      expect({ id, snowflake: result.findings.some(f => f.kind === 'snowflake' && f.deploymentId === id) }).toEqual({
        id,
        snowflake: true,
      });
    }
  });

  it('reports the point-in-time-restore cluster as a positive deviant for its backup', () => {
    const finding = result.findings.find(
      f => f.kind === 'positive-deviant' && f.deploymentId === 'atlas__formancehq__stack-terraform-aws-example.tf',
    );
    expect(finding?.reasons[0]).toMatchObject({ facet: 'backup', value: 'continuous', direction: 'better' });
  });

  it('does not score the development compose file against production clusters', () => {
    expect(result.scores['compose__composemgr__mongodb.yaml']).toBeUndefined();
  });
});
