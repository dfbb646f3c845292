import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  ConfigMap,
  mapAt,
  scalarAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import { fileEvidence } from '../shared/deploymentBuilder';
import { helmDeployment } from '../shared/helmDeployment';
import {
  chartDefault,
  HelmChartMatcher,
  helmDeploymentSources,
  HelmDeploymentSource,
  setChartBackupTool,
  setChartSwitch,
  valuesEvidence,
  valuesLookup,
} from '../shared/helmSources';
import { setVersionFromTag } from '../shared/imageVersion';
import { asCount, setFacetFrom } from '../shared/sourcedValue';
import { POSTGRESQL_PLATFORM_ID } from './definition';

const CHART = 'postgresql';
const HA_CHART = 'postgresql-ha';

/**
 * Recognises values of Bitnami's `postgresql` / `postgresql-ha` charts: the
 * image, `architecture: replication` (MongoDB's chart says `replicaset`;
 * Redis and Valkey say `replication` too, beside sections of their own), or
 * settings only those charts have (postgresPassword, primary/readReplicas,
 * pgpool).
 */
export const postgresqlChartMatcher: HelmChartMatcher = {
  charts: [CHART, HA_CHART],
  looksLikeValues(values: ConfigMap): boolean {
    const repository =
      stringAt(values, ['image', 'repository']) ??
      stringAt(values, ['postgresql', 'image', 'repository']) ??
      '';
    if (/(^|\/)postgresql(-repmgr)?$/.test(repository)) return true;
    // Another chart's image, or the master/replica/sentinel sections of
    // Bitnami's Redis and Valkey charts (which share `architecture:
    // replication` with this one): not PostgreSQL.
    if (/(^|\/)(redis|valkey|mongodb|kafka)(-[a-z]+)?$/.test(repository))
      return false;
    if (
      ['master', 'replica', 'sentinel'].some(
        key => mapAt(values, [key]) !== undefined,
      )
    )
      return false;
    if (stringAt(values, ['architecture']) === 'replication') return true;
    const signals = [
      stringAt(values, ['architecture']) === 'standalone',
      scalarAt(values, ['auth', 'postgresPassword']) !== undefined,
      scalarAt(values, ['auth', 'enablePostgresUser']) !== undefined,
      mapAt(values, ['primary']) !== undefined,
      mapAt(values, ['readReplicas']) !== undefined,
      mapAt(values, ['pgpool']) !== undefined,
    ];
    return signals.filter(Boolean).length >= 2;
  },
};

/** PostgreSQL installed with Bitnami's charts, from Flux HelmReleases and values files. */
export function detectPostgresqlHelm(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return helmDeploymentSources(repo, postgresqlChartMatcher).map(describe);
}

function describe(source: HelmDeploymentSource): DetectedDeployment {
  const { values, path } = source;
  const ha = source.chart === HA_CHART;
  const at = valuesLookup(source);
  const builder = helmDeployment(POSTGRESQL_PLATFORM_ID, source);

  setVersionFromTag(
    builder,
    at(ha ? ['postgresql', 'image', 'tag'] : ['image', 'tag']),
    {
      path,
      line: source.line,
      note: source.chartVersion
        ? `chart default image (chart version ${source.chartVersion} is the chart's, not PostgreSQL's)`
        : 'chart default image; the values do not say which PostgreSQL version',
    },
  );

  if (ha) {
    setFacetFrom(
      builder,
      'replicas',
      at(['postgresql', 'replicaCount']),
      asCount,
      chartDefault(
        source,
        3,
        'chart default: postgresql.replicaCount 3 (repmgr primary and standbys)',
      ),
    );
    builder.set(
      'topology',
      'replicated',
      fileEvidence(path, source.line, 'postgresql-ha: repmgr-managed standbys'),
    );
  } else {
    const topologies: Record<string, string> = {
      replication: 'replicated',
      standalone: 'standalone',
    };
    setFacetFrom(
      builder,
      'topology',
      at(['architecture']),
      v => topologies[String(v)],
      chartDefault(
        source,
        'standalone',
        'chart default: architecture standalone',
      ),
    );
    if (builder.get('topology') === 'replicated') {
      setFacetFrom(
        builder,
        'replicas',
        at(['readReplicas', 'replicaCount']),
        v => {
          const count = asCount(v);
          return count === undefined ? undefined : count + 1;
        },
        chartDefault(
          source,
          2,
          'chart default: readReplicas.replicaCount 1, plus the primary',
        ),
      );
    } else if (builder.get('topology') === 'standalone') {
      builder.set(
        'replicas',
        1,
        valuesEvidence(
          source,
          valueAt(values, ['architecture']),
          'standalone: the primary only',
        ),
      );
    }
  }

  setChartSwitch(builder, source, 'backup', ['backup', 'enabled'], {
    on: 'snapshot',
    off: 'none',
  });
  setChartBackupTool(
    builder,
    source,
    'pg-dumpall-cronjob',
    'chart backup CronJob runs pg_dumpall',
  );
  setChartSwitch(builder, source, 'monitoring', ['metrics', 'enabled'], {
    on: 'prometheus',
    off: 'none',
  });
  setChartSwitch(
    builder,
    source,
    'tls',
    ha ? ['postgresql', 'tls', 'enabled'] : ['tls', 'enabled'],
    { on: true, off: false },
  );

  const ldap =
    valueAt(values, ['ldap', 'enabled']) ??
    valueAt(values, ['postgresql', 'ldap', 'enabled']);
  if (ldap?.kind === 'scalar' && asBoolean(ldap.value)) {
    builder.set('authentication', 'ldap', valuesEvidence(source, ldap));
  } else {
    builder.set(
      'authentication',
      'password',
      valuesEvidence(
        source,
        valueAt(values, ['auth']),
        'the chart always sets database passwords (generated when not given)',
      ),
    );
  }

  return builder.build();
}
