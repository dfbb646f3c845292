import { asBoolean, ConfigValue } from '../../parsing/configValue';

/** Container images that run a PostgreSQL server, by last path segment. */
export const POSTGRESQL_SERVER_IMAGES = [
  'postgres',
  'postgresql',
  'postgis',
  'postgresql-repmgr',
];

/** Exporter images whose presence means the server is scraped by Prometheus. */
export const POSTGRESQL_EXPORTER_IMAGES = [
  'postgres-exporter',
  'postgres_exporter',
  'postgresql-exporter',
];

export interface PostgresContainerSettings {
  authentication: { value: string; because: string; key?: string };
  tls: { value: boolean; because: string; key?: string };
  replicated: boolean;
}

type Environment = Map<string, ConfigValue | undefined>;

/**
 * Reads a PostgreSQL container's settings the way its image documents
 * them: the official image's `POSTGRES_HOST_AUTH_METHOD` (password
 * authentication unless `trust`), Bitnami's `ALLOW_EMPTY_PASSWORD`,
 * `POSTGRESQL_ENABLE_TLS` and `POSTGRESQL_REPLICATION_MODE`, and `-c ssl=on`
 * on the command line.
 */
export function postgresContainerSettings(
  environment: Environment,
  commandLine: string,
): PostgresContainerSettings {
  const text = (key: string) => {
    const value = environment.get(key);
    return value?.kind === 'scalar' && value.value !== null
      ? String(value.value)
      : undefined;
  };
  const flag = (key: string) => {
    const value = text(key);
    return value === undefined ? undefined : asBoolean(value);
  };

  let authentication: PostgresContainerSettings['authentication'];
  const method = text('POSTGRES_HOST_AUTH_METHOD');
  if (method === 'trust') {
    authentication = {
      value: 'none',
      because: 'POSTGRES_HOST_AUTH_METHOD=trust',
      key: 'POSTGRES_HOST_AUTH_METHOD',
    };
  } else if (flag('ALLOW_EMPTY_PASSWORD') === true) {
    authentication = {
      value: 'none',
      because: 'ALLOW_EMPTY_PASSWORD=yes',
      key: 'ALLOW_EMPTY_PASSWORD',
    };
  } else if (method === 'cert') {
    authentication = {
      value: 'x509',
      because: 'POSTGRES_HOST_AUTH_METHOD=cert',
      key: 'POSTGRES_HOST_AUTH_METHOD',
    };
  } else {
    const key = [
      'POSTGRES_PASSWORD',
      'POSTGRESQL_PASSWORD',
      'POSTGRES_PASSWORD_FILE',
    ].find(k => environment.has(k));
    authentication = {
      value: 'password',
      because: method
        ? `POSTGRES_HOST_AUTH_METHOD=${method}`
        : 'the image requires a password for network connections',
      key: method ? 'POSTGRES_HOST_AUTH_METHOD' : key,
    };
  }

  let tls: PostgresContainerSettings['tls'];
  if (/(-c\s*|--)ssl=(on|true|1)\b/.test(commandLine))
    tls = { value: true, because: 'started with ssl=on' };
  else if (flag('POSTGRESQL_ENABLE_TLS') === true)
    tls = {
      value: true,
      because: 'POSTGRESQL_ENABLE_TLS',
      key: 'POSTGRESQL_ENABLE_TLS',
    };
  else tls = { value: false, because: 'ssl is off unless configured' };

  return {
    authentication,
    tls,
    replicated: environment.has('POSTGRESQL_REPLICATION_MODE'),
  };
}

/** Client programs shipped in the server images, run by jobs that are not servers. */
export const POSTGRESQL_CLIENT_TOOLS = [
  'pg_dump',
  'pg_dumpall',
  'pg_restore',
  'psql',
  'pgbackrest',
  'pg_basebackup',
];
