import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import { asBoolean, ConfigMap, valueAt } from '../../parsing/configValue';
import { KubernetesObject, podAnnotationsOf } from '../../parsing/kubernetes';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import {
  kubernetesEnvironmentHints,
  setEnvironment,
} from '../shared/environmentHints';
import { setVersionFromImage } from '../shared/imageVersion';
import { VAULT_PLATFORM_ID } from './definition';

const PREFIX = 'vault.hashicorp.com/';

/**
 * Workloads that receive secrets from the Vault agent injector
 * (`vault.hashicorp.com/agent-inject: "true"` on their pods), as client
 * deployments: the role the agent logs in with, the auth method its
 * `auth-path` names (`auth/kubernetes` by default) and the agent image's
 * version when the annotations pin one.
 */
export function detectInjectedWorkloads(
  repo: ParsedRepository,
): DetectedDeployment[] {
  const deployments: DetectedDeployment[] = [];
  for (const object of repo.kubernetesObjects()) {
    const annotations = podAnnotationsOf(object);
    const inject = valueAt(annotations, [`${PREFIX}agent-inject`]);
    if (inject?.kind !== 'scalar' || asBoolean(inject.value) !== true) continue;
    deployments.push(describe(object, annotations!, inject.line).build());
  }
  return deployments;
}

function describe(
  object: KubernetesObject,
  annotations: ConfigMap,
  line: number,
): DeploymentBuilder {
  const name = object.name ?? object.kind;
  const path = object.path;
  const builder = new DeploymentBuilder(
    VAULT_PLATFORM_ID,
    'client',
    `${path}#${object.kind}/${
      object.namespace ?? 'default'
    }/${name}#vault-agent`,
    name,
    path,
  );
  builder.set(
    'client',
    'vault-agent-injector',
    fileEvidence(path, line, `${PREFIX}agent-inject`),
  );
  const annotation = (key: string) => {
    const value = valueAt(annotations, [`${PREFIX}${key}`]);
    return value?.kind === 'scalar' && value.value !== null ? value : undefined;
  };
  const image = annotation('agent-image');
  if (image)
    setVersionFromImage(builder, { value: image, path }, 'clientVersion');
  else
    builder.unknown(
      'clientVersion',
      fileEvidence(
        path,
        line,
        "no agent-image: the injector's default agent image",
      ),
    );
  const role = annotation('role');
  if (role)
    builder.set('role', String(role.value), fileEvidence(path, role.line));
  else builder.unknown('role', fileEvidence(path, line, 'no role annotation'));
  const authPath = annotation('auth-path');
  const method = authPath
    ? /^\/?auth\/([^/]+)/.exec(String(authPath.value))?.[1]
    : 'kubernetes';
  builder.set(
    'authentication',
    method ?? String(authPath!.value),
    fileEvidence(
      path,
      authPath?.line ?? line,
      authPath
        ? `auth-path ${authPath.value}`
        : 'default auth-path auth/kubernetes',
    ),
  );
  setEnvironment(builder, kubernetesEnvironmentHints(object), path);
  return builder;
}
