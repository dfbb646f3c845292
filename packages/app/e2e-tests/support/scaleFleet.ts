import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A monorepo holding a large MongoDB fleet in Compose files, to measure the
 * Deployments tab at enterprise size against the real backend: the catalog
 * registers it, the scanner reads it, the API pages it.
 */
export const SCALE_FLEET_NAME = 'e2e-scale-fleet';

const SERVICES_PER_FILE = 100;

/**
 * How a fleet grown bottom-up looks: most deployments follow one pattern,
 * a tail runs older lines, and a few are snowflakes (standalone, no TLS).
 * Deployment `i` takes the profile its position in a 100-cycle falls in,
 * spread with a stride so neighbours differ.
 */
const PROFILES: Array<{ upTo: number; version: string; replicaSet: boolean; tls: boolean }> = [
  { upTo: 78, version: '7.0.14', replicaSet: true, tls: true },
  { upTo: 90, version: '6.0.16', replicaSet: true, tls: true },
  { upTo: 95, version: '7.0.12', replicaSet: true, tls: true },
  { upTo: 98, version: '7.0.14', replicaSet: false, tls: false },
  { upTo: 100, version: '4.4.29', replicaSet: false, tls: true },
];
const profileOf = (i: number) => PROFILES.find(p => (i * 37) % 100 < p.upTo)!;

function composeFile(first: number) {
  const services = Array.from({ length: SERVICES_PER_FILE }, (_, k) => {
    const i = first + k;
    const profile = profileOf(i);
    const command = [
      // A replica set per service: members sharing a set name are one deployment.
      ...(profile.replicaSet ? ['--replSet', `rs${i}`] : []),
      ...(profile.tls ? ['--tlsMode', 'requireTLS'] : []),
    ];
    return [
      `  fleet-mongodb-${String(i).padStart(5, '0')}:`,
      `    image: mongo:${profile.version}`,
      ...(command.length ? [`    command: [${command.map(c => JSON.stringify(c)).join(', ')}]`] : []),
    ].join('\n');
  });
  return `services:\n${services.join('\n')}\n`;
}

/** Writes the fleet's repository under `root` and returns its folder. */
export function writeScaleFleet(root: string, total: number, owner: string) {
  const folder = join(root, SCALE_FLEET_NAME);
  for (let first = 0; first < total; first += SERVICES_PER_FILE) {
    const dir = join(folder, 'stacks', String(first / SERVICES_PER_FILE).padStart(3, '0'));
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'docker-compose.yml'), composeFile(first));
  }
  writeFileSync(
    join(folder, 'catalog-info.yaml'),
    [
      'apiVersion: backstage.io/v1alpha1',
      'kind: Component',
      'metadata:',
      `  name: ${SCALE_FLEET_NAME}`,
      '  description: Synthetic MongoDB fleet for the end-to-end scale test; removed after it.',
      '  annotations:',
      `    backstage.io/source-location: url:https://git.fernhill.example/${SCALE_FLEET_NAME}/`,
      'spec:',
      '  type: service',
      '  lifecycle: production',
      `  owner: ${owner}`,
      '',
    ].join('\n'),
  );
  return folder;
}
