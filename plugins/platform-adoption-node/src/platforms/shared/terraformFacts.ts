import {
  asBoolean,
  ConfigScalarValue,
  isUnresolved,
} from '../../parsing/configValue';
import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { SourcedValue } from './sourcedValue';

/** A resource attribute, resolved through variables, locals and sibling resources. */
export function terraformValue(
  module: TerraformModule,
  resource: TerraformResource,
  path: string,
): SourcedValue | undefined {
  return module.attribute(resource, path);
}

/** The literal an attribute resolves to, or undefined (absent or unresolved). */
export function terraformLiteral(
  module: TerraformModule,
  resource: TerraformResource,
  path: string,
): ConfigScalarValue | undefined {
  const value = module.attribute(resource, path)?.value;
  return value?.kind === 'scalar' ? value.value : undefined;
}

/** A boolean attribute: its value, or whether it is written but unresolved. */
export function terraformFlag(
  module: TerraformModule,
  resource: TerraformResource,
  path: string,
): { value?: boolean; unresolved: boolean; source?: SourcedValue } {
  const source = module.attribute(resource, path);
  if (!source) return { unresolved: false };
  if (isUnresolved(source.value)) return { unresolved: true, source };
  const value =
    source.value.kind === 'scalar' ? asBoolean(source.value.value) : undefined;
  return { value, unresolved: value === undefined, source };
}

/** The text of a resource's `name`-like attribute, or its address when not a literal. */
export function terraformDisplayName(
  module: TerraformModule,
  resource: TerraformResource,
  attributes: string[] = ['name'],
): string {
  for (const attribute of attributes) {
    const literal = terraformLiteral(module, resource, attribute);
    if (typeof literal === 'string' && literal) return literal;
  }
  return resource.address;
}

/** The region set on a module's provider block (`provider "aws" { region = … }`). */
export function providerRegion(
  module: TerraformModule,
  provider: string,
): SourcedValue | undefined {
  const block = module.providers.get(provider);
  const value = block?.body.entries.get('region');
  if (!block || !value) return undefined;
  return module.resolve({ value, path: block.path });
}
