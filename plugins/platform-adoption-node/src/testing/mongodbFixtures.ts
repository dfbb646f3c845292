import fs from 'fs';
import path from 'path';

/**
 * The real MongoDB configurations in the shared fixtures (verbatim copies
 * of public repositories, see fixtures/real-world/SOURCES.md). CI has
 * shared/ beside the clone; tests read them from there, never copy them in.
 */
/** Local fixture name → path in its original repository (SOURCES.md). */
export const ORIGINAL_PATHS: Record<string, string> = {
  'atlas__GoogleCloudPlatform__terraform-mean-cloudrun-mongodb.tf': 'atlas.tf',
  'atlas__SubashMaharjan__Publishing-platform.tf': 'atlas.tf',
  'atlas__amartgon__atlas-azure-hub-spoke.tf': 'atlas.tf',
  'atlas__cbaird-1337__aws-atlas-terraform.tf': 'atlas.tf',
  'atlas__eugenebogaart__Atlas-AWS-Peering.tf': 'atlas.tf',
  'atlas__eugenebogaart__Atlas-Azure-Peering.tf': 'atlas.tf',
  'atlas__formancehq__stack-terraform-aws-example.tf': 'atlas.tf',
  'atlas__hounienlin__terraform-mongodb-atlas-on-gcp.tf': 'atlas.tf',
  'atlas__ivan-gusev__nightscout-gcp.tf': 'atlas.tf',
  'atlas__synthia-telemed__infrastructure.tf': 'atlas.tf',
  'community__nklmilojevic__home.yaml':
    'kubernetes/apps/database/mongodb/cluster/cluster.yaml',
  'compose__composemgr__mongodb.yaml': 'docker-compose.yaml',
  'helm__DevSecNinja__home.yaml':
    'kubernetes/apps/database/mongodb/app/helmrelease.yaml',
  'helm__Fane447__flux-cluster.yaml':
    'kubernetes/apps/database/mongodb/app/helmrelease.yaml',
  'helm__clarknova99__home-cluster.yaml':
    'kubernetes/apps/database/mongodb/app/helmrelease.yaml',
  'helm__gtw2__home-ops.yaml':
    'kubernetes/apps/database/mongodb/app/helmrelease.yaml',
  'helm__ismailbay__k8s-dev-stack.yaml':
    'kubernetes/apps/database/mongodb/app/helmrelease.yaml',
  'helm__sklab-dev__k8s-cluster.yaml':
    'kubernetes/apps/database/mongodb/app/helmrelease.yaml',
};

/** A fixture's text, from the fixtures folder the test located. */
export const fixtureText = (fixturesDir: string, fixture: string) =>
  fs.readFileSync(path.join(fixturesDir, fixture), 'utf8');
