import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { fileEvidence } from '../shared/deploymentBuilder';
import { EnvironmentHint } from '../shared/environmentHints';
import { setFacetFrom } from '../shared/sourcedValue';
import { terraformDeployment } from '../shared/terraformDeployment';
import { terraformValue } from '../shared/terraformFacts';
import { KAFKA_PLATFORM_ID } from './definition';
import { setListenerFacets } from './listeners';

const CLUSTER = 'confluent_kafka_cluster';
const ENVIRONMENT = 'confluent_environment';
/** The cluster types, each a (possibly empty) block of its own. */
const TYPES = ['basic', 'standard', 'enterprise', 'freight', 'dedicated'];

/**
 * Confluent Cloud clusters from the `confluentinc/confluent` provider,
 * with the Confluent environment they belong to (`environment { id =
 * confluent_environment.prod.id }`) read for its display name.
 */
export function detectConfluentClusters(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return repo
    .terraformModules()
    .flatMap(module =>
      module.resourcesOfType(CLUSTER).map(cluster => describe(module, cluster)),
    );
}

function describe(
  module: TerraformModule,
  cluster: TerraformResource,
): DetectedDeployment {
  const builder = terraformDeployment(
    KAFKA_PLATFORM_ID,
    module,
    cluster,
    'confluent-cloud',
    ['display_name'],
    environmentHints(module, cluster),
  );
  const { path, line } = cluster;
  const at = (note: string) => fileEvidence(path, line, note);
  builder.unknown(
    'version',
    at('Confluent Cloud upgrades the Kafka it runs by itself'),
  );

  const type = TYPES.find(t => cluster.body.entries.has(t));
  if (type) {
    const block = cluster.body.entries.get(type)!;
    const cku = terraformValue(module, cluster, `${type}.0.cku`);
    const units =
      cku?.value.kind === 'scalar' && cku.value.value !== null
        ? `-${cku.value.value}cku`
        : '';
    builder.set(
      'instanceSize',
      `${type}${units}`,
      fileEvidence(path, block.line, `${type} cluster type`),
    );
  } else builder.unknown('instanceSize', at('no cluster type block'));

  setFacetFrom(
    builder,
    'availability',
    terraformValue(module, cluster, 'availability'),
    v => {
      const text = String(v).toUpperCase();
      if (text === 'SINGLE_ZONE' || text === 'LOW') return 'single-zone';
      if (text === 'MULTI_ZONE' || text === 'HIGH') return 'multi-zone';
      return undefined;
    },
  );
  setFacetFrom(
    builder,
    'region',
    terraformValue(module, cluster, 'region'),
    v => (v === null ? undefined : String(v).toLowerCase()),
    { value: UNKNOWN, path, line, note: 'region is required' },
  );
  builder.set('storage', 'persistent', at('managed by Confluent Cloud'));
  setListenerFacets(
    builder,
    [
      {
        name: 'confluent-cloud',
        tls: true,
        authentication: 'api-key',
        path,
        line,
        note: 'Confluent Cloud takes only TLS connections authenticated with API keys (or OAuth)',
      },
    ],
    cluster,
  );
  builder.set(
    'monitoring',
    'none',
    at('Confluent Cloud metrics only; no exporter configured here'),
  );
  return builder.build();
}

/** The display name of the Confluent environment the cluster is in (`Production`). */
function environmentHints(
  module: TerraformModule,
  cluster: TerraformResource,
): EnvironmentHint[] {
  const id = terraformValue(module, cluster, 'environment.0.id');
  if (id?.value.kind !== 'expression') return [];
  const reference = /^(?:data\.)?confluent_environment\.([\w-]+)\.id$/.exec(
    id.value.text,
  );
  const environment = module.resources.find(
    r => r.type === ENVIRONMENT && r.name === reference?.[1],
  );
  if (!environment) return [];
  const name = terraformValue(module, environment, 'display_name');
  return name?.value.kind === 'scalar' && name.value.value !== null
    ? [
        {
          text: String(name.value.value),
          path: name.path,
          line: name.value.line,
          what: 'Confluent environment',
        },
      ]
    : [];
}
