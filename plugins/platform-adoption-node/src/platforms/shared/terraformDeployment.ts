import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';
import {
  EnvironmentHint,
  setEnvironment,
  terraformEnvironmentHints,
} from './environmentHints';
import { terraformDisplayName } from './terraformFacts';

/**
 * A deployment of a managed service declared by one Terraform resource,
 * with hosting, provisioning and environment set: from the resource's
 * tags/labels, the provider's default tags and environment variables, then
 * its name (`orders-prod`), then the module's folder (`envs/staging/`).
 */
export function terraformDeployment(
  platform: string,
  module: TerraformModule,
  resource: TerraformResource,
  hosting: string,
  nameAttributes: string[],
  extraHints: EnvironmentHint[] = [],
): DeploymentBuilder {
  const builder = new DeploymentBuilder(
    platform,
    'server',
    `${resource.path}#${resource.address}`,
    terraformDisplayName(module, resource, nameAttributes),
    resource.path,
  );
  const at = fileEvidence(resource.path, resource.line);
  builder.set('hosting', hosting, at);
  builder.set('provisioning', 'terraform', at);
  const name = nameAttributes
    .map(a => module.attribute(resource, a)?.value)
    .find(v => v?.kind === 'scalar');
  setEnvironment(
    builder,
    [
      ...terraformEnvironmentHints(module, resource),
      ...extraHints,
      ...(name?.kind === 'scalar'
        ? [
            {
              text: String(name.value),
              path: resource.path,
              line: name.line,
              what: 'name',
            },
          ]
        : []),
    ],
    resource.path,
  );
  return builder;
}
