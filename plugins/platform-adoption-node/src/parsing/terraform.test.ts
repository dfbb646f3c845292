import { toPlain } from './configValue';
import { loadHclParser, parseHcl } from './hcl';
import { terraformModules } from './terraform';

beforeAll(() => loadHclParser());

function modulesOf(files: Record<string, string>) {
  return terraformModules(
    Object.entries(files).map(([path, text]) => parseHcl(path, text)),
  );
}

describe('TerraformModule', () => {
  const files = {
    'infra/main.tf': `
resource "mongodbatlas_advanced_cluster" "orders" {
  name                   = "\${local.prefix}-orders"
  mongo_db_major_version = var.mongo_version
  instance               = var.sizes.primary
  region                 = var.region
  project_id             = var.project_id
}
resource "mongodbatlas_cloud_backup_schedule" "orders" {
  cluster_name = mongodbatlas_advanced_cluster.orders.name
}
`,
    'infra/variables.tf': `
variable "mongo_version" { default = "7.0" }
variable "sizes" {
  default = { primary = "M30" }
}
variable "region" {}
variable "project_id" { default = "p1" }
`,
    'infra/locals.tf': 'locals {\n  prefix = "prod"\n}\n',
    'infra/terraform.tfvars': 'project_id = "from-tfvars"\n',
    'other/main.tf': 'variable "mongo_version" { default = "4.4" }\n',
  };

  it('groups files by directory', () => {
    expect(modulesOf(files).map(m => m.directory)).toEqual(['infra', 'other']);
  });

  it('resolves variables from defaults in sibling files, tracing where the value is written', () => {
    const [module] = modulesOf(files);
    const cluster = module.resourcesOfType('mongodbatlas_advanced_cluster')[0];
    const version = module.attribute(cluster, 'mongo_db_major_version');
    expect(version).toMatchObject({
      value: { kind: 'scalar', value: '7.0', line: 2 },
      path: 'infra/variables.tf',
      via: 'var.mongo_version',
    });
    expect(toPlain(module.attribute(cluster, 'instance')?.value)).toBe('M30');
  });

  it('applies terraform.tfvars over variable defaults', () => {
    const [module] = modulesOf(files);
    const cluster = module.resourcesOfType('mongodbatlas_advanced_cluster')[0];
    expect(module.attribute(cluster, 'project_id')).toMatchObject({
      value: { value: 'from-tfvars' },
      path: 'infra/terraform.tfvars',
    });
  });

  it('leaves a variable without default unresolved', () => {
    const [module] = modulesOf(files);
    const cluster = module.resourcesOfType('mongodbatlas_advanced_cluster')[0];
    expect(module.attribute(cluster, 'region')?.value).toMatchObject({
      kind: 'expression',
      text: 'var.region',
    });
  });

  it('resolves templates whose parts all resolve, and references to sibling resources', () => {
    const [module] = modulesOf(files);
    const cluster = module.resourcesOfType('mongodbatlas_advanced_cluster')[0];
    expect(toPlain(module.attribute(cluster, 'name')?.value)).toBe(
      'prod-orders',
    );
    const schedule = module.resourcesOfType(
      'mongodbatlas_cloud_backup_schedule',
    )[0];
    expect(toPlain(module.attribute(schedule, 'cluster_name')?.value)).toBe(
      'prod-orders',
    );
    expect(
      module.refersTo(schedule.body.entries.get('cluster_name'), cluster),
    ).toBe(true);
  });

  it('matches a literal join value against the resource name', () => {
    const [module] = modulesOf({
      'main.tf':
        'resource "x_cluster" "a" { name = "orders" }\nresource "x_cluster" "b" { name = "billing" }\nresource "x_schedule" "s" { cluster_name = "orders" }\n',
    });
    const [a, b] = module.resourcesOfType('x_cluster');
    const join = module
      .resourcesOfType('x_schedule')[0]
      .body.entries.get('cluster_name');
    expect(module.refersTo(join, a)).toBe(true);
    expect(module.refersTo(join, b)).toBe(false);
  });

  it('does not loop on self-referencing locals', () => {
    const [module] = modulesOf({
      'main.tf':
        'locals {\n  a = local.b\n  b = local.a\n}\nresource "x" "y" { v = local.a }\n',
    });
    const resource = module.resourcesOfType('x')[0];
    expect(module.attribute(resource, 'v')?.value).toMatchObject({
      kind: 'expression',
      text: 'local.a',
    });
  });
});
