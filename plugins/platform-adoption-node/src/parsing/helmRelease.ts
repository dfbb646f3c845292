import { ConfigMap, listAt, mapAt, scalarAt, stringAt } from './configValue';
import { KubernetesObject } from './kubernetes';

/**
 * A Flux `HelmRelease` (helm.toolkit.fluxcd.io v2beta1, v2beta2, v2): which
 * chart it installs and the values it sets inline.
 *
 * @public
 */
export interface FluxHelmRelease {
  object: KubernetesObject;
  /** `spec.chart.spec.chart`, or the name `spec.chartRef` points at. */
  chart?: string;
  chartLine?: number;
  /** The chart's version: never the version of the software it installs. */
  chartVersion?: string;
  /** `spec.values`, merged by Flux over the chart's defaults. */
  values?: ConfigMap;
  /**
   * `spec.valuesFrom` sources (ConfigMaps, Secrets). The scan cannot read
   * them, so any chart default may be overridden there.
   */
  valuesFrom: Array<{ kind: string; name: string; line: number }>;
  namespace?: string;
}

/** @public */
export function fluxHelmRelease(
  object: KubernetesObject,
): FluxHelmRelease | undefined {
  if (
    object.kind !== 'HelmRelease' ||
    object.group !== 'helm.toolkit.fluxcd.io'
  )
    return undefined;
  const chartScalar = scalarAt(object.root, ['spec', 'chart', 'spec', 'chart']);
  const chartRef = scalarAt(object.root, ['spec', 'chartRef', 'name']);
  const chart = chartScalar ?? chartRef;
  return {
    object,
    chart:
      chart && chart.value !== null
        ? lastPathSegment(String(chart.value))
        : undefined,
    chartLine: chart?.line,
    chartVersion: stringAt(object.root, ['spec', 'chart', 'spec', 'version']),
    values: mapAt(object.root, ['spec', 'values']),
    valuesFrom: listAt(object.root, ['spec', 'valuesFrom']).map(entry => ({
      kind: stringAt(entry, ['kind']) ?? 'ConfigMap',
      name: stringAt(entry, ['name']) ?? '',
      line: entry.line,
    })),
    namespace:
      stringAt(object.root, ['spec', 'targetNamespace']) ?? object.namespace,
  };
}

/** `oci://registry/charts/mongodb` and `bitnami/mongodb` name the chart `mongodb`. */
function lastPathSegment(chart: string): string {
  return chart.slice(chart.lastIndexOf('/') + 1);
}
