import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  listAt,
  mapAt,
  numberAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import {
  parseImageReference,
  versionFromImageTag,
} from '../../parsing/imageReference';
import { KubernetesObject } from '../../parsing/kubernetes';
import { fileEvidence } from '../shared/deploymentBuilder';
import { kubernetesDeployment } from '../shared/kubernetesDeployment';
import { asServerVersion, setFacetFrom } from '../shared/sourcedValue';
import { POSTGRESQL_PLATFORM_ID } from './definition';
import { setPgHbaAuthentication } from './pgHba';

/** Crunchy Data PGO `PostgresCluster` resources (postgres-operator.crunchydata.com). */
export function detectCrunchyPostgres(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return repo
    .kubernetesObjects()
    .filter(
      object =>
        object.group === 'postgres-operator.crunchydata.com' &&
        object.kind === 'PostgresCluster',
    )
    .map(describe);
}

function describe(object: KubernetesObject): DetectedDeployment {
  const { builder, at } = kubernetesDeployment(
    POSTGRESQL_PLATFORM_ID,
    object,
    'operator',
  );
  const path = object.path;
  builder.set('operator', 'crunchy', fileEvidence(path, object.line));

  // postgresVersion is the major; an image tag of the same major can be more precise.
  setFacetFrom(
    builder,
    'version',
    at(['spec', 'postgresVersion']),
    asServerVersion,
  );
  const image = stringAt(object.root, ['spec', 'image']);
  const reference = image ? parseImageReference(image) : undefined;
  const tagged = reference ? versionFromImageTag(reference) : undefined;
  const major = builder.get('version');
  if (
    tagged?.pinned &&
    typeof major === 'string' &&
    tagged.version.startsWith(`${major}.`)
  ) {
    builder.set(
      'version',
      tagged.version,
      fileEvidence(
        path,
        valueAt(object.root, ['spec', 'image'])?.line,
        `image ${image}`,
      ),
    );
  }
  if (!builder.has('version'))
    builder.unknown(
      'version',
      fileEvidence(path, object.line, 'spec.postgresVersion not set'),
    );

  const sets = listAt(object.root, ['spec', 'instances']);
  const replicas = sets.reduce(
    (total, set) => total + (numberAt(set, ['replicas']) ?? 1),
    0,
  );
  const evidence = fileEvidence(
    path,
    sets[0]?.line ?? object.line,
    `${sets.length} instance set(s)`,
  );
  builder.set('replicas', Math.max(replicas, 1), evidence);
  builder.set('topology', replicas > 1 ? 'replicated' : 'standalone', evidence);

  // pgBackRest archives WAL continuously and restores to a point in time.
  const repos = listAt(object.root, ['spec', 'backups', 'pgbackrest', 'repos']);
  if (repos.length > 0) {
    const backup = fileEvidence(
      path,
      repos[0].line,
      `pgBackRest repo ${stringAt(repos[0], ['name']) ?? ''}`.trim(),
    );
    builder.set('backup', 'continuous', backup);
    builder.set('backupTool', 'pgbackrest', backup);
  } else {
    const none = fileEvidence(
      path,
      object.line,
      'no spec.backups.pgbackrest repos',
    );
    builder.set('backup', 'none', none);
    builder.set('backupTool', 'none', none);
  }

  const exporter = valueAt(object.root, [
    'spec',
    'monitoring',
    'pgmonitor',
    'exporter',
  ]);
  const instrumentation = mapAt(object.root, ['spec', 'instrumentation']);
  if (exporter)
    builder.set(
      'monitoring',
      'prometheus',
      fileEvidence(path, exporter.line, 'pgMonitor exporter'),
    );
  else if (instrumentation)
    builder.set(
      'monitoring',
      'opentelemetry',
      fileEvidence(path, instrumentation.line),
    );
  else
    builder.set(
      'monitoring',
      'none',
      fileEvidence(path, object.line, 'no spec.monitoring'),
    );

  const rules = listAt(object.root, ['spec', 'authentication', 'rules']).map(
    rule => {
      const hba = valueAt(rule, ['hba']);
      if (hba) return hba;
      const method = stringAt(rule, ['method']);
      return {
        kind: 'scalar' as const,
        value: `host all all all ${method ?? ''}`,
        line: rule.line,
      };
    },
  );
  setPgHbaAuthentication(
    builder,
    path,
    rules,
    { line: object.line, note: 'PGO default: password authentication' },
    'authentication rule',
  );

  builder.set(
    'tls',
    true,
    fileEvidence(
      path,
      object.line,
      'PGO serves TLS with operator-managed certificates',
    ),
  );
  return builder.build();
}
