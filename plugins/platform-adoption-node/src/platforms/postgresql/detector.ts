import {
  ParsedRepository,
  TERRAFORM_GLOBS,
  YAML_GLOBS,
} from '../../detection/parsedRepository';
import { PlatformDetector } from '../../detection/types';
import { PACKAGE_MANIFEST_GLOBS } from '../../parsing/packageManifests';
import { detectAzurePostgres } from './azureTerraform';
import { detectCloudNativePg } from './cnpg';
import { detectCloudSqlPostgres } from './cloudSqlTerraform';
import { detectPostgresqlCompose } from './compose';
import { detectCrunchyPostgres } from './crunchy';
import { postgresqlPlatform } from './definition';
import { detectPostgresqlDrivers } from './drivers';
import { detectPostgresqlHelm } from './helm';
import { detectPostgresqlWorkloads } from './kubernetesWorkload';
import { detectRdsPostgres } from './rdsTerraform';
import { detectZalandoPostgres } from './zalando';

/**
 * The built-in PostgreSQL detector: RDS, Aurora, Cloud SQL and Azure
 * flexible server (Terraform), the CloudNativePG, Zalando and Crunchy
 * operators, Bitnami Helm charts, Compose, plain Kubernetes workloads and
 * drivers.
 *
 * @public
 */
export const postgresqlDetector: PlatformDetector = {
  platform: postgresqlPlatform,
  entitySignals: {
    resourceTypes: [
      'postgresql',
      'postgres',
      'rds-postgresql',
      'aurora-postgresql',
      'cloudsql-postgresql',
    ],
    tags: ['postgresql', 'postgres'],
  },
  fileGlobs: [...TERRAFORM_GLOBS, ...YAML_GLOBS, ...PACKAGE_MANIFEST_GLOBS],
  detect(files) {
    const repo = ParsedRepository.of(files);
    const deployments = [
      ...detectRdsPostgres(repo),
      ...detectCloudSqlPostgres(repo),
      ...detectAzurePostgres(repo),
      ...detectCloudNativePg(repo),
      ...detectZalandoPostgres(repo),
      ...detectCrunchyPostgres(repo),
      ...detectPostgresqlHelm(repo),
      ...detectPostgresqlCompose(repo),
      ...detectPostgresqlWorkloads(repo),
      ...detectPostgresqlDrivers(repo),
    ];
    return { deployments, problems: repo.problems };
  },
};
