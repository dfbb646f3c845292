import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  listAt,
  mapAt,
  scalarAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import { KubernetesObject } from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { imageNamed } from '../shared/imageVersion';
import { kubernetesDeployment } from '../shared/kubernetesDeployment';
import { asCount, asServerVersion, setFacetFrom } from '../shared/sourcedValue';
import { POSTGRESQL_PLATFORM_ID } from './definition';
import { setPgHbaAuthentication } from './pgHba';
import { POSTGRESQL_EXPORTER_IMAGES } from './postgresSettings';

/** Spilo environment variables that switch on continuous WAL archiving. */
const WAL_ARCHIVING = [
  'WAL_S3_BUCKET',
  'WAL_GS_BUCKET',
  'WAL_AZ_STORAGE_ACCOUNT',
  'WALG_S3_PREFIX',
  'WALG_GS_PREFIX',
  'WALG_AZ_PREFIX',
  'USE_WALG_BACKUP',
];

/** Zalando postgres-operator `postgresql` resources (acid.zalan.do). */
export function detectZalandoPostgres(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return repo
    .kubernetesObjects()
    .filter(
      object =>
        object.group === 'acid.zalan.do' && object.kind === 'postgresql',
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
  builder.set('operator', 'zalando', fileEvidence(path, object.line));
  setFacetFrom(
    builder,
    'version',
    at(['spec', 'postgresql', 'version']),
    asServerVersion,
  );
  if (!builder.has('version'))
    builder.unknown(
      'version',
      fileEvidence(path, object.line, 'spec.postgresql.version not set'),
    );
  setFacetFrom(builder, 'replicas', at(['spec', 'numberOfInstances']), asCount);
  const replicas = builder.get('replicas');
  if (typeof replicas === 'number') {
    builder.set(
      'topology',
      replicas > 1 ? 'replicated' : 'standalone',
      fileEvidence(
        path,
        valueAt(object.root, ['spec', 'numberOfInstances'])?.line,
      ),
    );
  }
  setBackup(builder, object);

  const exporter = listAt(object.root, ['spec', 'sidecars']).find(sidecar =>
    imageNamed(valueAt(sidecar, ['image']), POSTGRESQL_EXPORTER_IMAGES),
  );
  if (exporter)
    builder.set(
      'monitoring',
      'prometheus',
      fileEvidence(path, exporter.line, 'postgres-exporter sidecar'),
    );
  else
    builder.set(
      'monitoring',
      'none',
      fileEvidence(path, object.line, 'no exporter sidecar'),
    );

  setPgHbaAuthentication(
    builder,
    path,
    listAt(object.root, ['spec', 'patroni', 'pg_hba']),
    { line: object.line, note: 'Spilo default pg_hba: md5 passwords' },
  );

  const tls = mapAt(object.root, ['spec', 'tls']);
  builder.set(
    'tls',
    true,
    fileEvidence(
      path,
      tls?.line ?? object.line,
      tls
        ? 'custom certificate from spec.tls'
        : 'Spilo generates a self-signed certificate and serves TLS by default',
    ),
  );
  return builder.build();
}

function setBackup(builder: DeploymentBuilder, object: KubernetesObject) {
  const path = object.path;
  const walVariable = listAt(object.root, ['spec', 'env']).find(entry =>
    WAL_ARCHIVING.includes(stringAt(entry, ['name']) ?? ''),
  );
  const logical = scalarAt(object.root, ['spec', 'enableLogicalBackup']);
  if (walVariable) {
    const evidence = fileEvidence(
      path,
      walVariable.line,
      `WAL archiving (${stringAt(walVariable, ['name'])})`,
    );
    builder.set('backup', 'continuous', evidence);
    builder.set('backupTool', 'wal-g', evidence);
  } else if (logical && asBoolean(logical.value)) {
    const evidence = fileEvidence(
      path,
      logical.line,
      'logical backup CronJob (pg_dumpall)',
    );
    builder.set('backup', 'snapshot', evidence);
    builder.set('backupTool', 'logical-backup', evidence);
  } else {
    const evidence = fileEvidence(
      path,
      logical?.line ?? object.line,
      'no logical backup and no WAL archiving in the manifest (the operator configuration may add WAL archiving)',
    );
    builder.set('backup', 'none', evidence);
    builder.set('backupTool', 'none', evidence);
  }
}
