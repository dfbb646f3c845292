import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { listAt, stringAt, valueAt } from '../../parsing/configValue';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { DeploymentBuilder } from '../shared/deploymentBuilder';
import { FoundMethod, setMethodsFacet } from '../shared/methodsFacet';
import { terraformDeployment } from '../shared/terraformDeployment';
import { asText, setFacetFrom, SourcedValue } from '../shared/sourcedValue';
import { POSTGRESQL_PLATFORM_ID } from './definition';

/** A deployment of a managed PostgreSQL service declared in Terraform, with its common facets. */
export function terraformPostgres(
  module: TerraformModule,
  resource: TerraformResource,
  hosting: string,
  nameAttributes: string[],
): DeploymentBuilder {
  return terraformDeployment(
    POSTGRESQL_PLATFORM_ID,
    module,
    resource,
    hosting,
    nameAttributes,
  );
}

/** Sets a facet listing monitoring methods found, or `none`. */
export function setMonitoringMethods(
  builder: DeploymentBuilder,
  found: FoundMethod[],
  resource: TerraformResource,
  noneNote: string,
) {
  setMethodsFacet(builder, 'monitoring', found, {
    path: resource.path,
    line: resource.line,
    note: noneNote,
  });
}

/**
 * A parameter set in a parameter group (`parameter { name = "rds.force_ssl" value = "1" }`)
 * that `reference` (a `parameter_group_name` value) points at.
 */
export function parameterOfGroup(
  module: TerraformModule,
  groupTypes: string[],
  reference: SourcedValue | undefined,
  parameter: string,
): SourcedValue | undefined {
  if (!reference) return undefined;
  const group = module
    .resourcesOfType(...groupTypes)
    .find(candidate => module.refersTo(reference.value, candidate));
  if (!group) return undefined;
  const entry = listAt(group.body, ['parameter']).find(
    p => stringAt(p, ['name']) === parameter,
  );
  const value = entry ? valueAt(entry, ['value']) : undefined;
  return value ? module.resolve({ value, path: group.path }) : undefined;
}

/** Sets the instance class (or unknown when not written). */
export function setInstanceClass(
  builder: DeploymentBuilder,
  source: SourcedValue | undefined,
  resource: TerraformResource,
) {
  setFacetFrom(builder, 'instanceClass', source, asText, {
    value: UNKNOWN,
    path: resource.path,
    line: resource.line,
    note: 'instance class not written',
  });
}

/** The major version of a version text (`16.4` → 16, `9.6` → 9.6 as PostgreSQL numbered before 10). */
export function postgresMajor(version: string): number | undefined {
  const match = /^(\d+)(?:\.(\d+))?/.exec(version);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major < 10 && match[2] ? Number(`${match[1]}.${match[2]}`) : major;
}

/**
 * How a managed server's read replica names the server it reads from
 * (`replicate_source_db`, `source_server_id`, `master_instance_name`), and
 * which of the source's attributes a literal there stands for.
 */
export interface ReplicaSource {
  attribute: string;
  nameAttribute?: string;
}

/**
 * Whether `replica` reads from `server`: replicas are folded into their
 * source's deployment rather than counted as deployments of their own.
 */
export function replicates(
  module: TerraformModule,
  replica: TerraformResource,
  server: TerraformResource,
  source: ReplicaSource,
): boolean {
  const reference = module.attribute(replica, source.attribute);
  return (
    replica !== server &&
    reference !== undefined &&
    module.refersTo(reference.value, server, source.nameAttribute)
  );
}
