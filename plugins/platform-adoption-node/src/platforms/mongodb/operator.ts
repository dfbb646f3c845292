import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  booleanAt,
  ConfigValue,
  describeValue,
  isUnresolved,
  listAt,
  mapAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import { KubernetesObject } from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { kubernetesDeployment } from '../shared/kubernetesDeployment';
import { asCount, asServerVersion, setFacetFrom } from '../shared/sourcedValue';
import { MONGODB_PLATFORM_ID } from './definition';
import { setMongodumpBackup } from './dumpBackup';

/**
 * MongoDB run by a Kubernetes operator: the Community operator's
 * `MongoDBCommunity` (mongodbcommunity.mongodb.com) and the Enterprise
 * operator's `MongoDB` (mongodb.com), read from their CRD documentation.
 */
export function detectMongodbOperatorResources(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const deployments: DetectedDeployment[] = [];
  const objects = repo.kubernetesObjects();
  for (const object of objects) {
    if (
      object.kind === 'MongoDBCommunity' &&
      object.group === 'mongodbcommunity.mongodb.com'
    ) {
      deployments.push(describeCommunity(object, objects));
    } else if (object.kind === 'MongoDB' && object.group === 'mongodb.com') {
      deployments.push(describeEnterprise(object, objects));
    }
  }
  return deployments;
}

function describeCommunity(
  object: KubernetesObject,
  objects: KubernetesObject[],
): DetectedDeployment {
  const { builder, at } = kubernetesDeployment(
    MONGODB_PLATFORM_ID,
    object,
    'operator',
  );
  const path = object.path;
  setFacetFrom(builder, 'version', at(['spec', 'version']), asServerVersion);
  if (!builder.has('version'))
    builder.unknown(
      'version',
      fileEvidence(path, object.line, 'spec.version not set'),
    );
  // The Community operator runs replica sets only.
  setFacetFrom(
    builder,
    'topology',
    at(['spec', 'type']),
    v => (String(v) === 'ReplicaSet' ? 'replicaset' : undefined),
    {
      value: 'replicaset',
      path,
      line: object.line,
      note: 'the Community operator runs replica sets',
    },
  );
  setFacetFrom(builder, 'replicas', at(['spec', 'members']), asCount);
  // The Community operator has no backup of its own.
  setMongodumpBackup(
    builder,
    objects,
    object,
    'the Community operator has no backup and no mongodump CronJob runs in the namespace',
  );
  setMonitoringFromPrometheus(builder, object);
  setAuthenticationModes(
    builder,
    object,
    'scram',
    'operator default: SCRAM-SHA-256',
  );
  setFacetFrom(
    builder,
    'tls',
    at(['spec', 'security', 'tls', 'enabled']),
    v => asBoolean(v),
    {
      value: false,
      path,
      line: object.line,
      note: 'spec.security.tls not enabled',
    },
  );
  return builder.build();
}

function describeEnterprise(
  object: KubernetesObject,
  objects: KubernetesObject[],
): DetectedDeployment {
  const { builder, at } = kubernetesDeployment(
    MONGODB_PLATFORM_ID,
    object,
    'operator',
  );
  const path = object.path;
  // Enterprise versions are written `6.0.5-ent`.
  setFacetFrom(builder, 'version', at(['spec', 'version']), v =>
    asServerVersion(String(v).replace(/-ent$/, '')),
  );
  if (!builder.has('version'))
    builder.unknown(
      'version',
      fileEvidence(path, object.line, 'spec.version not set'),
    );
  const type = stringAt(object.root, ['spec', 'type']);
  const topology = (
    {
      ReplicaSet: 'replicaset',
      ShardedCluster: 'sharded',
      Standalone: 'standalone',
    } as Record<string, string>
  )[type ?? ''];
  const typeLine = valueAt(object.root, ['spec', 'type'])?.line;
  if (topology) builder.set('topology', topology, fileEvidence(path, typeLine));
  else
    builder.unknown(
      'topology',
      fileEvidence(
        path,
        typeLine ?? object.line,
        'spec.type missing or unknown',
      ),
    );
  if (topology === 'sharded') {
    setFacetFrom(builder, 'shards', at(['spec', 'shardCount']), asCount);
    setFacetFrom(
      builder,
      'replicas',
      at(['spec', 'mongodsPerShardCount']),
      asCount,
    );
  } else if (topology === 'standalone') {
    builder.set('replicas', 1, fileEvidence(path, typeLine));
  } else {
    setFacetFrom(builder, 'replicas', at(['spec', 'members']), asCount);
  }
  // Ops Manager / Cloud Manager backup is continuous (oplog), restorable to a point in time.
  const backupMode = valueAt(object.root, ['spec', 'backup', 'mode']);
  if (
    backupMode &&
    stringAt(object.root, ['spec', 'backup', 'mode']) === 'enabled'
  ) {
    builder.set(
      'backup',
      'continuous',
      fileEvidence(path, backupMode.line, 'Ops Manager continuous backup'),
    );
    builder.set(
      'backupTool',
      'ops-manager-backup',
      fileEvidence(path, backupMode.line),
    );
  } else if (backupMode && isUnresolved(backupMode)) {
    builder.unknown(
      'backup',
      fileEvidence(
        path,
        backupMode.line,
        `unresolved: ${describeValue(backupMode)}`,
      ),
    );
  } else {
    setMongodumpBackup(
      builder,
      objects,
      object,
      'spec.backup.mode not enabled and no mongodump CronJob in the namespace',
    );
  }
  setMonitoringFromPrometheus(builder, object);
  setAuthenticationModes(
    builder,
    object,
    'none',
    'spec.security.authentication not enabled',
  );
  const tls = valueAt(object.root, ['spec', 'security', 'tls', 'enabled']);
  const certsPrefix = valueAt(object.root, [
    'spec',
    'security',
    'certsSecretPrefix',
  ]);
  if (certsPrefix)
    builder.set(
      'tls',
      true,
      fileEvidence(path, certsPrefix.line, 'certsSecretPrefix set'),
    );
  else
    setFacetFrom(
      builder,
      'tls',
      tls && { value: tls, path },
      v => asBoolean(v),
      { value: false, path, line: object.line, note: 'TLS not configured' },
    );
  return builder.build();
}

function setMonitoringFromPrometheus(
  builder: DeploymentBuilder,
  object: KubernetesObject,
) {
  const prometheus = mapAt(object.root, ['spec', 'prometheus']);
  if (prometheus)
    builder.set(
      'monitoring',
      'prometheus',
      fileEvidence(
        object.path,
        prometheus.line,
        'spec.prometheus metrics endpoint',
      ),
    );
  else
    builder.set(
      'monitoring',
      'none',
      fileEvidence(object.path, object.line, 'spec.prometheus not set'),
    );
}

const MODES: Record<string, string> = {
  SCRAM: 'scram',
  'SCRAM-SHA-1': 'scram',
  'SCRAM-SHA-256': 'scram',
  X509: 'x509',
  LDAP: 'ldap',
  OIDC: 'oidc',
};

function setAuthenticationModes(
  builder: DeploymentBuilder,
  object: KubernetesObject,
  fallback: string,
  fallbackNote: string,
) {
  const path = object.path;
  const enabled = valueAt(object.root, [
    'spec',
    'security',
    'authentication',
    'enabled',
  ]);
  const modesValue: ConfigValue | undefined = valueAt(object.root, [
    'spec',
    'security',
    'authentication',
    'modes',
  ]);
  if (
    enabled &&
    booleanAt(object.root, [
      'spec',
      'security',
      'authentication',
      'enabled',
    ]) === false
  ) {
    builder.set('authentication', 'none', fileEvidence(path, enabled.line));
    return;
  }
  const modes = listAt(object.root, [
    'spec',
    'security',
    'authentication',
    'modes',
  ])
    .map(mode =>
      mode.kind === 'scalar'
        ? MODES[String(mode.value).toUpperCase()]
        : undefined,
    )
    .filter((mode): mode is string => Boolean(mode));
  if (modes.length > 0) {
    builder.set(
      'authentication',
      [...new Set(modes)].sort().join('+'),
      fileEvidence(path, modesValue?.line),
    );
  } else {
    builder.set(
      'authentication',
      fallback,
      fileEvidence(path, object.line, fallbackNote),
    );
  }
}
