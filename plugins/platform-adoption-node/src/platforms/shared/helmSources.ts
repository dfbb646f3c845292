import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  asBoolean,
  booleanAt,
  ConfigMap,
  ConfigValue,
  layerConfigMaps,
  listAt,
  mapAt,
  stringAt,
  valueAt,
} from '../../parsing/configValue';
import { FluxHelmRelease, fluxHelmRelease } from '../../parsing/helmRelease';
import {
  EnvironmentHint,
  kubernetesEnvironmentHints,
} from './environmentHints';
import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';
import { shapeOf } from './shapeProblems';
import { FacetDefault, setFacetFrom } from './sourcedValue';

/** How a platform recognises its Helm chart. */
export interface HelmChartMatcher {
  /** Chart names (`mongodb`, `mongodb-sharded`). */
  charts: string[];
  /** Whether values look like this chart's (for values files and `chartRef` releases). */
  looksLikeValues(values: ConfigMap): boolean;
}

/** One installation of a chart, from a Flux HelmRelease or a values file. */
export interface HelmDeploymentSource {
  form: 'helm-release' | 'values-file';
  path: string;
  line: number;
  key: string;
  name: string;
  chart: string;
  chartVersion?: string;
  /** The values given to the chart (an empty map when none). */
  values: ConfigMap;
  /** Where values may come from that the scan cannot read (Flux valuesFrom). */
  valuesFrom: FluxHelmRelease['valuesFrom'];
  environmentHints: EnvironmentHint[];
  /** Every file the installation is read from (layered values, Chart.yaml). */
  files: string[];
}

const VALUES_FILE_GLOBS = ['**/*values*.yaml', '**/*values*.yml'];

/**
 * Every installation of a platform's chart in the repository: Flux
 * HelmReleases naming the chart (or pointing at it with `chartRef` and
 * values that look like it), and Helm values files for it, including the
 * chart's section of an umbrella chart's values.
 */
export function helmDeploymentSources(
  repo: ParsedRepository,
  matcher: HelmChartMatcher,
): HelmDeploymentSource[] {
  return [...helmReleases(repo, matcher), ...valuesFiles(repo, matcher)];
}

function helmReleases(
  repo: ParsedRepository,
  matcher: HelmChartMatcher,
): HelmDeploymentSource[] {
  const sources: HelmDeploymentSource[] = [];
  for (const object of repo.kubernetesObjects()) {
    const release = fluxHelmRelease(object);
    if (!release) continue;
    const values = release.values ?? emptyMap(object.line);
    const named =
      stringAt(object.root, ['spec', 'chart', 'spec', 'chart']) !== undefined;
    let chart: string | undefined;
    if (named) {
      chart =
        release.chart && matcher.charts.includes(release.chart)
          ? release.chart
          : undefined;
    } else {
      // `chartRef` names a source object, not the chart: go by the names in
      // play and by what the values look like.
      const candidates = [release.chart, object.name].filter((n): n is string =>
        Boolean(n),
      );
      const byName = matcher.charts.find(c => candidates.includes(c));
      chart =
        byName && (matcher.looksLikeValues(values) || values.entries.size === 0)
          ? byName
          : undefined;
    }
    if (!chart) continue;
    sources.push({
      form: 'helm-release',
      path: object.path,
      line: object.line,
      key: `${object.path}#HelmRelease/${release.namespace ?? 'default'}/${
        object.name ?? chart
      }`,
      name: object.name ?? chart,
      chart,
      chartVersion: release.chartVersion,
      values,
      valuesFrom: release.valuesFrom,
      environmentHints: kubernetesEnvironmentHints(object, release.namespace),
      files: [object.path],
    });
  }
  return sources;
}

/**
 * Values files, layered as teams install them: a folder's `values.yaml`
 * is the base and each sibling `values-<env>.yaml` (or `<env>-values.yaml`,
 * `values.<env>.yaml`) an overlay given after it with `-f`, so each overlay
 * is one installation of base + overlay. A base without overlays is one
 * installation on its own.
 */
function valuesFiles(
  repo: ParsedRepository,
  matcher: HelmChartMatcher,
): HelmDeploymentSource[] {
  const sources: HelmDeploymentSource[] = [];
  const byFolder = new Map<string, string[]>();
  for (const path of repo.list(VALUES_FILE_GLOBS)) {
    const folder = path.includes('/')
      ? path.slice(0, path.lastIndexOf('/') + 1)
      : '';
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), path]);
  }
  for (const [folder, paths] of byFolder) {
    const chartFile = chartDescriptor(repo, folder);
    // A chart's own values.yaml holds its defaults, not an installation.
    if (chartFile?.name && matcher.charts.includes(chartFile.name)) continue;
    const basePath = paths.find(p => /(^|\/)values\.ya?ml$/.test(p));
    const base = basePath ? valuesRoot(repo, basePath) : undefined;
    const overlays = paths.filter(p => p !== basePath);
    const layers: Array<{ path: string; root: ConfigMap; files: string[] }> =
      [];
    for (const path of overlays) {
      const overlay = valuesRoot(repo, path);
      if (!overlay) continue;
      layers.push({
        path,
        root:
          base && basePath
            ? layerConfigMaps(base, basePath, overlay, path)
            : overlay,
        files: base && basePath ? [basePath, path] : [path],
      });
    }
    if (layers.length === 0 && overlays.length === 0 && base && basePath) {
      layers.push({ path: basePath, root: base, files: [basePath] });
    }
    for (const layer of layers) {
      const found = chartValues(
        layer.root,
        matcher,
        chartFile?.dependencies ?? [],
      );
      if (!found) continue;
      sources.push({
        form: 'values-file',
        path: layer.path,
        line: found.values.line,
        key: found.section ? `${layer.path}#${found.section}` : layer.path,
        name:
          found.section ??
          layer.path.split('/').slice(-2, -1)[0] ??
          found.chart,
        chart: found.chart,
        chartVersion: chartFile?.dependencies.find(d => d.name === found.chart)
          ?.version,
        values: found.values,
        valuesFrom: [],
        environmentHints: [],
        files: [...layer.files, ...(chartFile?.path ? [chartFile.path] : [])],
      });
    }
  }
  return sources;
}

/** The root map of a values file that is not a Kubernetes manifest. */
function valuesRoot(
  repo: ParsedRepository,
  path: string,
): ConfigMap | undefined {
  const root = repo.configDocuments(path)[0]?.root;
  return root?.kind === 'map' && !stringAt(root, ['apiVersion'])
    ? root
    : undefined;
}

/** The chart's values in a values file: the whole file, or an umbrella chart's section. */
function chartValues(
  root: ConfigMap,
  matcher: HelmChartMatcher,
  dependencies: Array<{ name: string }>,
): { values: ConfigMap; chart: string; section?: string } | undefined {
  if (matcher.looksLikeValues(root))
    return { values: root, chart: matcher.charts[0] };
  for (const chart of matcher.charts) {
    const section = mapAt(root, [chart]);
    if (!section || booleanAt(section, ['enabled']) === false) continue;
    if (
      matcher.looksLikeValues(section) ||
      dependencies.some(d => d.name === chart)
    ) {
      return { values: section, chart, section: chart };
    }
  }
  return undefined;
}

/** The Chart.yaml in a folder: the chart's name and dependencies. */
function chartDescriptor(
  repo: ParsedRepository,
  folder: string,
):
  | {
      path: string;
      name?: string;
      dependencies: Array<{ name: string; version?: string }>;
    }
  | undefined {
  const chartPath = repo.list([`${folder}Chart.yaml`])[0];
  if (!chartPath) return undefined;
  const root = repo.configDocuments(chartPath)[0]?.root;
  return {
    path: chartPath,
    name: stringAt(root, ['name']),
    dependencies: listAt(root, ['dependencies']).map(d => ({
      name: stringAt(d, ['name']) ?? '',
      version: stringAt(d, ['version']),
    })),
  };
}

function emptyMap(line: number): ConfigMap {
  return { kind: 'map', entries: new Map(), line };
}

/**
 * A chart default as a facet default: the default itself, or `unknown`
 * when `valuesFrom` may override it where the scan cannot look.
 */
export function chartDefault(
  source: HelmDeploymentSource,
  value: string | number | boolean,
  note: string,
): FacetDefault {
  if (source.valuesFrom.length > 0) {
    const from = source.valuesFrom.map(v => `${v.kind}/${v.name}`).join(', ');
    return {
      value: UNKNOWN,
      path: source.path,
      line: source.valuesFrom[0].line,
      note: `${note}, unless valuesFrom (${from}) overrides it; the scan cannot read those`,
    };
  }
  return { value, path: source.path, line: source.values.line, note };
}

/**
 * Sets a facet from a chart's on/off switch (`metrics.enabled`,
 * `backup.enabled`, `tls.enabled`): `on` / `off` by its value, the chart
 * default when absent; and, for backups, the tool alongside.
 */
export function setChartSwitch(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
  facet: string,
  path: string[],
  values: { on: string | boolean; off: string | boolean; defaultOn?: boolean },
): void {
  const written = valueAt(source.values, path);
  const obstacle = written ? undefined : obstacleOn(source.values, path);
  if (obstacle) {
    builder.unknown(
      facet,
      valuesEvidence(
        source,
        obstacle.value,
        `${obstacle.key} is ${shapeOf(obstacle.value)}, not a map: ${path.join(
          '.',
        )} cannot be read`,
      ),
    );
    return;
  }
  const defaultValue = values.defaultOn ? values.on : values.off;
  setFacetFrom(
    builder,
    facet,
    written
      ? { value: written, path: written.source ?? source.path }
      : undefined,
    v => {
      const on = asBoolean(v);
      if (on === undefined) return undefined;
      return on ? values.on : values.off;
    },
    chartDefault(
      source,
      defaultValue,
      `chart default: ${path.join('.')} ${values.defaultOn ? 'true' : 'false'}`,
    ),
  );
}

/**
 * The value standing where a map was expected on `path` (`backup: [enabled]`
 * for `backup.enabled`, `tls: true` for `tls.enabled`), if any. Helm cannot
 * read the switch through it, so the chart default cannot be assumed either.
 */
function obstacleOn(root: ConfigMap, path: string[]) {
  let current: ConfigValue = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next = valueAt(current, [path[i]]);
    if (!next || (next.kind === 'scalar' && next.value === null))
      return undefined;
    if (next.kind !== 'map')
      return { key: path.slice(0, i + 1).join('.'), value: next };
    current = next;
  }
  return undefined;
}

/** Sets `backupTool` to match a chart's backup switch. */
export function setChartBackupTool(
  builder: DeploymentBuilder,
  source: HelmDeploymentSource,
  tool: string,
  note: string,
) {
  const written = valueAt(source.values, ['backup', 'enabled']);
  const path = written?.source ?? source.path;
  const line = written?.line ?? source.line;
  if (builder.get('backup') === 'snapshot')
    builder.set('backupTool', tool, fileEvidence(path, line, note));
  else if (builder.get('backup') === 'none')
    builder.set('backupTool', 'none', fileEvidence(path, line));
}

/** Evidence for a value of an installation's values, in the file it comes from. */
export function valuesEvidence(
  source: HelmDeploymentSource,
  value: { line: number; source?: string } | undefined,
  note?: string,
) {
  return fileEvidence(
    value?.source ?? source.path,
    value?.line ?? source.line,
    note,
  );
}

/** A lookup of the installation's values, each with the file it comes from. */
export function valuesLookup(source: HelmDeploymentSource) {
  return (
    path: string[],
  ):
    | { value: NonNullable<ReturnType<typeof valueAt>>; path: string }
    | undefined => {
    const value = valueAt(source.values, path);
    return value ? { value, path: value.source ?? source.path } : undefined;
  };
}
