import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { azureDiagnosticSettings } from '../shared/azureMonitoring';
import { setTerraformRegion } from '../shared/cloudRegion';
import { fileEvidence } from '../shared/deploymentBuilder';
import { FoundMethod, setMethodsFacet } from '../shared/methodsFacet';
import { asBoolean } from '../../parsing/configValue';
import { asCount, asServerVersion, setFacetFrom } from '../shared/sourcedValue';
import { terraformDeployment } from '../shared/terraformDeployment';
import {
  terraformFlag,
  terraformLiteral,
  terraformValue,
} from '../shared/terraformFacts';
import { REDIS_PLATFORM_ID } from './definition';

/**
 * Azure Cache for Redis (`azurerm_redis_cache`): Basic is one node,
 * Standard a primary and a replica with failover, Premium adds replicas
 * (`replicas_per_master` / `replicas_per_primary`) and shards
 * (`shard_count`). Its RDB/AOF "data persistence" restores this cache; it
 * is persistence, not a backup (an export is).
 */
export function detectAzureCache(repo: ParsedRepository): DetectedDeployment[] {
  return repo
    .terraformModules()
    .flatMap(module =>
      module
        .resourcesOfType('azurerm_redis_cache')
        .map(cache => describe(module, cache)),
    );
}

function describe(
  module: TerraformModule,
  cache: TerraformResource,
): DetectedDeployment {
  const builder = terraformDeployment(
    REDIS_PLATFORM_ID,
    module,
    cache,
    'azure-cache',
    ['name'],
  );
  const { path, line } = cache;
  const at = (attribute: string) => terraformValue(module, cache, attribute);
  const evidence = (attribute: string, note?: string) => {
    const value = at(attribute);
    return fileEvidence(value?.path ?? path, value?.value.line ?? line, note);
  };
  builder.set(
    'distribution',
    'redis',
    fileEvidence(path, line, 'Azure Cache for Redis'),
  );
  setFacetFrom(builder, 'version', at('redis_version'), asServerVersion, {
    value: UNKNOWN,
    path,
    line,
    note: 'redis_version not set: Azure picks its default',
  });
  setTerraformRegion(builder, module, cache, 'azurerm', 'location');

  const sku = terraformLiteral(module, cache, 'sku_name');
  const family = terraformLiteral(module, cache, 'family');
  const capacity = terraformLiteral(module, cache, 'capacity');
  if (typeof sku === 'string' && family !== undefined && capacity !== undefined)
    builder.set(
      'instanceSize',
      `${sku}-${family}${capacity}`.toLowerCase(),
      evidence('sku_name', 'sku_name, family and capacity'),
    );
  else builder.unknown('instanceSize', evidence('sku_name', 'sku unresolved'));

  const tier = typeof sku === 'string' ? sku.toLowerCase() : undefined;
  if (!tier) {
    for (const facet of ['topology', 'replicas', 'failover'])
      builder.unknown(facet, evidence('sku_name', 'sku_name unresolved'));
  } else if (tier === 'basic') {
    const basic = evidence('sku_name', 'Basic: a single node, no replica');
    builder.set('topology', 'standalone', basic);
    builder.set('replicas', 1, basic);
    builder.set('failover', false, basic);
  } else {
    const replicasValue =
      at('replicas_per_primary') ?? at('replicas_per_master');
    // Standard has one replica; Premium one unless it says more.
    let extra: number | undefined = 1;
    if (tier === 'premium' && replicasValue)
      extra =
        replicasValue.value.kind === 'scalar'
          ? asCount(replicasValue.value.value)
          : undefined;
    const shards = terraformLiteral(module, cache, 'shard_count');
    const shape = fileEvidence(
      replicasValue?.path ?? path,
      replicasValue?.value.line ?? at('sku_name')?.value.line ?? line,
      `${sku}: a primary and ${
        extra ?? 'unresolved'
      } replica(s) with automatic failover`,
    );
    if (typeof shards === 'number' && shards > 0) {
      builder.set('topology', 'cluster', evidence('shard_count', 'clustering'));
      builder.set('shards', shards, evidence('shard_count'));
    } else builder.set('topology', 'replicated', shape);
    if (extra === undefined) builder.unknown('replicas', shape);
    else builder.set('replicas', 1 + extra, shape);
    builder.set('failover', true, shape);
  }

  // The non-TLS port 6379 is closed unless opened (`enable_non_ssl_port` before provider 4.0).
  const nonSsl = at('non_ssl_port_enabled')
    ? 'non_ssl_port_enabled'
    : 'enable_non_ssl_port';
  setFacetFrom(
    builder,
    'tls',
    at(nonSsl),
    v => {
      const open = asBoolean(v);
      return open === undefined ? undefined : !open;
    },
    {
      value: true,
      path,
      line,
      note: 'the non-TLS port is disabled by default',
    },
  );

  const authentication: FoundMethod[] = [];
  const keys = terraformFlag(
    module,
    cache,
    'redis_configuration.0.authentication_enabled',
  );
  const accessKeys = terraformFlag(
    module,
    cache,
    'access_keys_authentication_enabled',
  );
  if (keys.value !== false && accessKeys.value !== false)
    authentication.push({
      method: 'password',
      path,
      line: keys.source?.value.line ?? line,
    });
  const entra = terraformFlag(
    module,
    cache,
    'redis_configuration.0.active_directory_authentication_enabled',
  );
  if (entra.value)
    authentication.push({
      method: 'azure-ad',
      path,
      line: entra.source!.value.line,
    });
  setMethodsFacet(builder, 'authentication', authentication, {
    path,
    line: keys.source?.value.line ?? line,
    note: 'authentication_enabled false: no access key required',
  });

  const rdb = terraformFlag(
    module,
    cache,
    'redis_configuration.0.rdb_backup_enabled',
  );
  const aof = terraformFlag(
    module,
    cache,
    'redis_configuration.0.aof_backup_enabled',
  );
  const persistence = [
    aof.value ? 'aof' : undefined,
    rdb.value ? 'rdb' : undefined,
  ]
    .filter(Boolean)
    .join('+');
  builder.set(
    'persistence',
    persistence || 'none',
    fileEvidence(
      (rdb.source ?? aof.source)?.path ?? path,
      (rdb.value ? rdb.source : aof.source)?.value.line ?? line,
      persistence
        ? 'data persistence to a storage account'
        : 'no data persistence',
    ),
  );
  const none = fileEvidence(
    path,
    line,
    'no scheduled export; data persistence is not a backup',
  );
  builder.set('backup', 'none', none);
  builder.set('backupTool', 'none', none);
  setMethodsFacet(
    builder,
    'monitoring',
    azureDiagnosticSettings(builder, module, cache),
    {
      path,
      line,
      note: 'no diagnostic setting for the cache',
    },
  );
  return builder.build();
}
