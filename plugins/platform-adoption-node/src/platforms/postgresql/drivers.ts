import { DetectedDeployment } from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  ClientLibrary,
  detectClientLibraries,
} from '../shared/clientLibraries';
import { POSTGRESQL_PLATFORM_ID } from './definition';

/** PostgreSQL drivers, per ecosystem. */
export const POSTGRESQL_CLIENT_LIBRARIES: ClientLibrary[] = [
  { ecosystem: 'npm', name: 'pg' },
  { ecosystem: 'npm', name: 'postgres' },
  { ecosystem: 'npm', name: 'pg-promise' },
  { ecosystem: 'maven', name: 'org.postgresql:postgresql' },
  { ecosystem: 'maven', name: 'org.postgresql:r2dbc-postgresql' },
  { ecosystem: 'pypi', name: 'psycopg2' },
  { ecosystem: 'pypi', name: 'psycopg2-binary' },
  { ecosystem: 'pypi', name: 'psycopg' },
  { ecosystem: 'pypi', name: 'asyncpg' },
  {
    ecosystem: 'go',
    name: name => /^github\.com\/jackc\/pgx(\/v\d+)?$/.test(name),
  },
  { ecosystem: 'go', name: 'github.com/lib/pq' },
  { ecosystem: 'rubygems', name: 'pg' },
];

/** Applications using PostgreSQL through a driver, from their package manifests. */
export function detectPostgresqlDrivers(
  repo: ParsedRepository,
): DetectedDeployment[] {
  return detectClientLibraries(
    repo,
    POSTGRESQL_PLATFORM_ID,
    POSTGRESQL_CLIENT_LIBRARIES,
  );
}
