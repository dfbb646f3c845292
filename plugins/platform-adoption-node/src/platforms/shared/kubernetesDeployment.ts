import { valueAt } from '../../parsing/configValue';
import { KubernetesObject } from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';
import { kubernetesEnvironmentHints, setEnvironment } from './environmentHints';
import { SourcedValue } from './sourcedValue';

/**
 * A deployment declared by one Kubernetes object (an operator's custom
 * resource or a workload), with hosting, provisioning and environment set,
 * and a lookup for values of the object.
 */
export function kubernetesDeployment(
  platform: string,
  object: KubernetesObject,
  provisioning: 'operator' | 'kubernetes-manifest',
): {
  builder: DeploymentBuilder;
  at: (path: Array<string | number>) => SourcedValue | undefined;
} {
  const name = object.name ?? object.kind;
  const builder = new DeploymentBuilder(
    platform,
    'server',
    `${object.path}#${object.kind}/${object.namespace ?? 'default'}/${name}`,
    name,
    object.path,
  );
  const origin = fileEvidence(
    object.path,
    object.line,
    `${object.kind} ${name}`,
  );
  builder.set('hosting', 'kubernetes', origin);
  builder.set('provisioning', provisioning, origin);
  setEnvironment(builder, kubernetesEnvironmentHints(object), object.path);
  const at = (path: Array<string | number>) => {
    const value = valueAt(object.root, path);
    return value ? { value, path: object.path } : undefined;
  };
  return { builder, at };
}
