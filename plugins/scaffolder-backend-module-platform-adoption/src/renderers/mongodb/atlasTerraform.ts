import {
  count,
  fixed,
  methods,
  methodsOf,
  oneOfValues,
  onlyForTopology,
  text,
  version,
} from '../../rendering/capabilities';
import { resourceTags } from '../../rendering/terraform';
import { hcl, header, shortEnvironment } from '../../rendering/text';
import {
  FormRenderInput,
  RenderedFile,
  RenderForm,
} from '../../rendering/types';

const DIR = 'infra/atlas';

/** Atlas third-party integrations and the secrets each one needs. */
const INTEGRATIONS: Record<
  string,
  { type: string; attributes: Record<string, string> }
> = {
  'atlas-integration-datadog': {
    type: 'DATADOG',
    attributes: { api_key: 'var.datadog_api_key', region: '"EU"' },
  },
  'atlas-integration-prometheus': {
    type: 'PROMETHEUS',
    attributes: {
      user_name: '"prometheus"',
      password: 'var.prometheus_password',
      service_discovery: '"http"',
      enabled: 'true',
    },
  },
  'atlas-integration-new-relic': {
    type: 'NEW_RELIC',
    attributes: {
      license_key: 'var.new_relic_license_key',
      account_id: 'var.new_relic_account_id',
      write_token: 'var.new_relic_write_token',
      read_token: 'var.new_relic_read_token',
    },
  },
};

/** Atlas regions are written `EU_WEST_2`; the region facet reads `eu-west-2`. */
const toFacetRegion = (region: string) =>
  region.trim().toLowerCase().replace(/_/g, '-');
const toAtlasRegion = (region: string) =>
  region.toUpperCase().replace(/-/g, '_');

const DEFAULT_REGION: Record<string, string> = {
  aws: 'eu-west-2',
  azure: 'uk-south',
  gcp: 'europe-west-2',
};

/**
 * MongoDB Atlas with the `mongodb/mongodbatlas` Terraform provider 2.x: an
 * advanced cluster (attribute syntax, one replication spec per shard), its
 * backup schedule, database users per authentication method and project
 * integrations per monitoring method.
 */
export const atlasTerraformForm: RenderForm = {
  id: 'atlas-terraform',
  title: 'MongoDB Atlas (Terraform)',
  resourceTags: ['atlas'],
  facets: {
    provisioning: fixed('terraform'),
    // Atlas only takes a major release; it applies patches itself.
    version: version({
      known: ['6.0', '7.0', '8.0'],
      writable: v => /^\d+\.0$/.test(v),
    }),
    topology: oneOfValues(['replicaset', 'sharded']),
    shards: onlyForTopology(
      'sharded',
      count({ min: 1, max: 50, preferred: [2] }),
    ),
    replicas: count({ min: 3, max: 50, preferred: [3] }),
    provider: oneOfValues(['aws', 'azure', 'gcp']),
    region: text({
      pattern: /^[a-z0-9]+(-[a-z0-9]+)+$/,
      requested: ({ request }) =>
        request.region ? toFacetRegion(request.region) : undefined,
      fallback: ({ chosen }) =>
        DEFAULT_REGION[String(chosen.provider)] ?? DEFAULT_REGION.aws,
    }),
    instanceSize: text({
      pattern: /^(M|R)\d+(_NVME)?$/,
      requested: ({ request }) => request.size?.trim().toUpperCase(),
      fallback: ({ request }) =>
        ({ production: 'M30', staging: 'M20', development: 'M10' }[
          request.environment
        ]),
    }),
    backup: oneOfValues(['continuous', 'snapshot', 'none']),
    backupTool: oneOfValues(['atlas-cloud-backup', 'none']),
    authentication: methods({
      methods: ['iam', 'ldap', 'oidc', 'scram', 'x509'],
      preferred: ['scram'],
      allowNone: false,
    }),
    monitoring: methods({
      methods: Object.keys(INTEGRATIONS),
      preferred: ['none'],
      allowNone: true,
    }),
    // Atlas enforces TLS on every cluster.
    tls: fixed(true),
  },
  conflict(values) {
    if (
      'backupTool' in values &&
      (values.backup === 'none') !== (values.backupTool === 'none')
    ) {
      return 'Atlas backup is cloud backup (atlas-cloud-backup) exactly when backup is on';
    }
    if (values.topology === 'replicaset' && 'shards' in values) {
      return 'a replica set has no shards';
    }
    return undefined;
  },
  render: renderAtlas,
};

function renderAtlas(input: FormRenderInput): RenderedFile[] {
  const { request, values, referenceTag } = input;
  const clusterName = `${request.name}-${shortEnvironment(
    request.environment,
  )}`;
  const database = request.name.replace(/-/g, '_');
  const sharded = values.topology === 'sharded';
  const shardCount = sharded ? Number(values.shards ?? 1) : 1;
  const members = Number(values.replicas);
  // Atlas takes 3, 5 or 7 electable nodes; more members are read-only nodes.
  const electable = [7, 5, 3].find(n => n <= members) ?? 3;
  const readOnly = members - electable;
  const authMethods = methodsOf(values.authentication);
  const integrations = methodsOf(values.monitoring).map(m => INTEGRATIONS[m]);
  const backup = values.backup;

  const regionConfig = [
    '        {',
    `          provider_name = ${hcl(String(values.provider).toUpperCase())}`,
    `          region_name   = ${hcl(toAtlasRegion(String(values.region)))}`,
    '          priority      = 7',
    '          electable_specs = {',
    `            instance_size = ${hcl(String(values.instanceSize))}`,
    `            node_count    = ${electable}`,
    '          }',
    ...(readOnly > 0
      ? [
          '          read_only_specs = {',
          `            instance_size = ${hcl(String(values.instanceSize))}`,
          `            node_count    = ${readOnly}`,
          '          }',
        ]
      : []),
    '        }',
  ];
  const spec = [
    '    {',
    '      region_configs = [',
    ...regionConfig,
    '      ]',
    '    }',
  ];
  const specs = Array.from({ length: shardCount }, () => spec.join('\n')).join(
    ',\n',
  );

  const main = [
    header(
      '#',
      referenceTag,
      `MongoDB Atlas cluster for ${request.name} (${request.environment}).`,
    ),
    'resource "mongodbatlas_advanced_cluster" "main" {',
    '  project_id             = var.atlas_project_id',
    `  name                   = ${hcl(clusterName)}`,
    `  cluster_type           = ${hcl(sharded ? 'SHARDED' : 'REPLICASET')}`,
    `  mongo_db_major_version = ${hcl(String(values.version))}`,
    `  backup_enabled         = ${backup !== 'none'}`,
    `  pit_enabled            = ${backup === 'continuous'}`,
    '',
    `  replication_specs = [\n${specs}\n  ]`,
    '',
    '  advanced_configuration = {',
    '    minimum_enabled_tls_protocol = "TLS1_2"',
    '  }',
    '',
    ...resourceTags(input),
    '}',
    '',
  ].join('\n');

  const variables = [
    header(
      '#',
      referenceTag,
      'Inputs the pipeline provides; secrets never live in the repository.',
    ),
    'variable "atlas_project_id" {',
    '  description = "Atlas project that holds the cluster."',
    '  type        = string',
    '}',
    ...(authMethods.includes('scram')
      ? [
          '',
          'variable "app_user_password" {',
          '  type      = string',
          '  sensitive = true',
          '}',
        ]
      : []),
    ...(authMethods.includes('iam')
      ? [
          '',
          'variable "app_role_arn" {',
          '  description = "IAM role the service assumes to reach MongoDB."',
          '  type        = string',
          '}',
        ]
      : []),
    ...integrations.flatMap(i =>
      Object.values(i.attributes)
        .filter(v => v.startsWith('var.'))
        .flatMap(v => [
          '',
          `variable "${v.slice(4)}" {`,
          '  type      = string',
          '  sensitive = true',
          '}',
        ]),
    ),
    '',
  ].join('\n');

  const scope = [
    '  scopes {',
    '    name = mongodbatlas_advanced_cluster.main.name',
    '    type = "CLUSTER"',
    '  }',
  ];
  const roles = [
    '  roles {',
    '    role_name     = "readWrite"',
    `    database_name = ${hcl(database)}`,
    '  }',
  ];
  const users: Record<string, string[]> = {
    scram: [
      `  username           = ${hcl(`${request.name}-app`)}`,
      '  password           = var.app_user_password',
      '  auth_database_name = "admin"',
    ],
    x509: [
      `  username           = ${hcl(`CN=${request.name}-app`)}`,
      '  x509_type          = "MANAGED"',
      '  auth_database_name = "$external"',
    ],
    iam: [
      '  username           = var.app_role_arn',
      '  aws_iam_type       = "ROLE"',
      '  auth_database_name = "$external"',
    ],
    ldap: [
      `  username           = ${hcl(`CN=${request.name}-app,OU=services`)}`,
      '  ldap_auth_type     = "USER"',
      '  auth_database_name = "$external"',
    ],
    oidc: [
      `  username           = ${hcl(`workforce/${request.name}-app`)}`,
      '  oidc_auth_type     = "IDP_GROUP"',
      '  auth_database_name = "admin"',
    ],
  };
  const usersTf = [
    header(
      '#',
      referenceTag,
      'Database users, one per authentication method the reference allows.',
    ),
    ...authMethods.flatMap(method => [
      `resource "mongodbatlas_database_user" "app_${method}" {`,
      '  project_id         = var.atlas_project_id',
      ...users[method],
      '',
      ...roles,
      '',
      ...scope,
      '}',
      '',
    ]),
  ].join('\n');

  const files: RenderedFile[] = [
    {
      path: `${DIR}/versions.tf`,
      content: [
        header('#', referenceTag, 'Terraform and provider versions.'),
        'terraform {',
        '  required_version = ">= 1.6"',
        '',
        '  required_providers {',
        '    mongodbatlas = {',
        '      source  = "mongodb/mongodbatlas"',
        '      version = "~> 2.0"',
        '    }',
        '  }',
        '}',
        '',
        'provider "mongodbatlas" {}',
        '',
      ].join('\n'),
    },
    { path: `${DIR}/variables.tf`, content: variables },
    { path: `${DIR}/main.tf`, content: main },
    { path: `${DIR}/users.tf`, content: usersTf },
  ];

  if (backup !== 'none') {
    files.push({
      path: `${DIR}/backup.tf`,
      content: [
        header('#', referenceTag, 'Cloud backup schedule.'),
        'resource "mongodbatlas_cloud_backup_schedule" "main" {',
        '  project_id   = mongodbatlas_advanced_cluster.main.project_id',
        '  cluster_name = mongodbatlas_advanced_cluster.main.name',
        '',
        '  reference_hour_of_day    = 2',
        '  reference_minute_of_hour = 30',
        ...(backup === 'continuous' ? ['  restore_window_days      = 7'] : []),
        '',
        '  policy_item_hourly {',
        '    frequency_interval = 6',
        '    retention_unit     = "days"',
        '    retention_value    = 3',
        '  }',
        '',
        '  policy_item_daily {',
        '    frequency_interval = 1',
        '    retention_unit     = "days"',
        '    retention_value    = 14',
        '  }',
        '',
        '  policy_item_monthly {',
        '    frequency_interval = 40',
        '    retention_unit     = "months"',
        '    retention_value    = 12',
        '  }',
        '}',
        '',
      ].join('\n'),
    });
  }

  if (integrations.length > 0) {
    files.push({
      path: `${DIR}/monitoring.tf`,
      content: [
        header('#', referenceTag, 'Project integrations for monitoring.'),
        ...integrations.flatMap(i => [
          `resource "mongodbatlas_third_party_integration" "${i.type.toLowerCase()}" {`,
          '  project_id = var.atlas_project_id',
          `  type       = ${hcl(i.type)}`,
          ...Object.entries(i.attributes).map(([k, v]) => `  ${k} = ${v}`),
          '}',
          '',
        ]),
      ].join('\n'),
    });
  }
  return files;
}
