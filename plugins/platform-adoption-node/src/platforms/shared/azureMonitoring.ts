import { TerraformModule, TerraformResource } from '../../parsing/terraform';
import { DeploymentBuilder } from './deploymentBuilder';
import { FoundMethod } from './methodsFacet';

/**
 * The `azurerm_monitor_diagnostic_setting`s of a module that target the
 * resource (`target_resource_id = azurerm_redis_cache.main.id`), as
 * `azure-monitor` monitoring; their files join the deployment.
 */
export function azureDiagnosticSettings(
  builder: DeploymentBuilder,
  module: TerraformModule,
  resource: TerraformResource,
): FoundMethod[] {
  const settings = module
    .resourcesOfType('azurerm_monitor_diagnostic_setting')
    .filter(setting =>
      module.refersTo(setting.body.entries.get('target_resource_id'), resource),
    );
  settings.forEach(setting => builder.addFile(setting.path));
  return settings.map(setting => ({
    method: 'azure-monitor',
    path: setting.path,
    line: setting.line,
  }));
}
