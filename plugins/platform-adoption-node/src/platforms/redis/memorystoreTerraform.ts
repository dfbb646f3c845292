import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { asBoolean } from '../../parsing/configValue';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { setTerraformRegion } from '../shared/cloudRegion';
import { fileEvidence } from '../shared/deploymentBuilder';
import { asCount, setFacetFrom } from '../shared/sourcedValue';
import { terraformDeployment } from '../shared/terraformDeployment';
import { terraformLiteral, terraformValue } from '../shared/terraformFacts';
import { REDIS_PLATFORM_ID } from './definition';

/**
 * Memorystore for Redis instances (`google_redis_instance`). BASIC is one
 * node; STANDARD_HA a primary with replicas and automatic failover.
 * Persistence (`persistence_config`) writes RDB snapshots the service
 * keeps for recovery; exports to Cloud Storage are manual, so there is no
 * scheduled backup.
 */
export function detectMemorystore(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return repo
    .terraformModules()
    .flatMap(module =>
      module
        .resourcesOfType('google_redis_instance')
        .map(instance => describe(module, instance)),
    );
}

function describe(
  module: TerraformModule,
  instance: TerraformResource,
): DetectedDeployment {
  const builder = terraformDeployment(
    REDIS_PLATFORM_ID,
    module,
    instance,
    'gcp-memorystore',
    ['name'],
  );
  const { path, line } = instance;
  const at = (attribute: string) => terraformValue(module, instance, attribute);
  builder.set(
    'distribution',
    'redis',
    fileEvidence(path, line, 'Memorystore for Redis'),
  );
  setFacetFrom(
    builder,
    'version',
    at('redis_version'),
    v => {
      // REDIS_7_2 → 7.2, REDIS_6_X → 6
      const match = /^REDIS_(\d+)(?:_(\d+|X))?$/i.exec(String(v));
      if (!match) return undefined;
      return match[2] && match[2].toUpperCase() !== 'X'
        ? `${match[1]}.${match[2]}`
        : match[1];
    },
    {
      value: UNKNOWN,
      path,
      line,
      note: 'redis_version not set: the service default',
    },
  );
  setTerraformRegion(builder, module, instance, 'google', 'region');

  const tier = terraformLiteral(module, instance, 'tier');
  const tierValue = at('tier');
  const memory = terraformLiteral(module, instance, 'memory_size_gb');
  // Not written: BASIC, the provider's default; written but unresolved: unknown.
  let tierText: string | undefined = tierValue ? undefined : 'BASIC';
  if (typeof tier === 'string') tierText = tier.toUpperCase();
  const tierEvidence = fileEvidence(
    tierValue?.path ?? path,
    tierValue?.value.line ?? line,
    tierValue ? `tier ${tierText ?? 'unresolved'}` : 'tier defaults to BASIC',
  );
  if (!tierText) {
    builder.unknown('topology', tierEvidence);
    builder.unknown('replicas', tierEvidence);
    builder.unknown('failover', tierEvidence);
  } else if (tierText === 'STANDARD_HA') {
    builder.set('topology', 'replicated', tierEvidence);
    builder.set('failover', true, tierEvidence);
    setFacetFrom(
      builder,
      'replicas',
      at('replica_count'),
      v => {
        const count = asCount(v);
        return count === undefined ? undefined : 1 + count;
      },
      {
        value: 2,
        path: tierValue?.path ?? path,
        line: tierValue?.value.line ?? line,
        note: 'STANDARD_HA: a primary and one replica by default',
      },
    );
  } else {
    builder.set('topology', 'standalone', tierEvidence);
    builder.set('replicas', 1, tierEvidence);
    builder.set('failover', false, tierEvidence);
  }
  const memoryValue = at('memory_size_gb');
  const memoryLine = memoryValue?.value.line ?? line;
  const memoryPath = memoryValue?.path ?? path;
  if (tierText && typeof memory === 'number')
    builder.set(
      'instanceSize',
      `${tierText.toLowerCase()}-${memory}gb`,
      fileEvidence(memoryPath, memoryLine, 'tier and memory_size_gb'),
    );
  else
    builder.unknown(
      'instanceSize',
      fileEvidence(memoryPath, memoryLine, 'tier or memory_size_gb unresolved'),
    );

  setFacetFrom(
    builder,
    'authentication',
    at('auth_enabled'),
    v => (asBoolean(v) ? 'password' : 'none'),
    { value: 'none', path, line, note: 'auth_enabled defaults to false' },
  );
  setFacetFrom(
    builder,
    'tls',
    at('transit_encryption_mode'),
    v => String(v).toUpperCase() === 'SERVER_AUTHENTICATION',
    {
      value: false,
      path,
      line,
      note: 'transit_encryption_mode defaults to DISABLED',
    },
  );
  setFacetFrom(
    builder,
    'persistence',
    at('persistence_config.0.persistence_mode'),
    v => ({ RDB: 'rdb', DISABLED: 'none' }[String(v).toUpperCase()]),
    {
      value: 'none',
      path,
      line,
      note: 'no persistence_config: persistence disabled',
    },
  );
  const none = fileEvidence(
    path,
    line,
    'Memorystore for Redis schedules no exports; persistence is not a backup',
  );
  builder.set('backup', 'none', none);
  builder.set('backupTool', 'none', none);
  builder.set(
    'monitoring',
    'none',
    fileEvidence(path, line, 'Cloud Monitoring built-ins only'),
  );
  return builder.build();
}
