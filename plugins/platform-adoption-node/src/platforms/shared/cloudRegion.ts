import {
  FacetScalar,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ConfigScalarValue } from '../../parsing/configValue';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { DeploymentBuilder } from './deploymentBuilder';
import { setFacetFrom } from './sourcedValue';
import { providerRegion, terraformValue } from './terraformFacts';

/** A cloud region as the facet keeps it: lower case, no spaces (`UK South` → `uksouth`). */
export const asCloudRegion = (
  value: ConfigScalarValue,
): FacetScalar | undefined =>
  value === null || value === ''
    ? undefined
    : String(value).toLowerCase().replace(/\s+/g, '');

/**
 * Sets `region` from the resource's own attribute (`region`, `location`)
 * or else the module's provider block (`provider "aws" { region = … }`);
 * `unknown` when neither says.
 */
export function setTerraformRegion(
  builder: DeploymentBuilder,
  module: TerraformModule,
  resource: TerraformResource,
  provider: string,
  attribute?: string,
): void {
  const own = attribute
    ? terraformValue(module, resource, attribute)
    : undefined;
  setFacetFrom(
    builder,
    'region',
    own ?? providerRegion(module, provider),
    asCloudRegion,
    {
      value: UNKNOWN,
      path: resource.path,
      line: resource.line,
      note: `no region on the resource or the ${provider} provider of this module`,
    },
  );
}
