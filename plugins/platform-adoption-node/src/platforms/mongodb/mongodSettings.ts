import { asBoolean, ConfigValue } from '../../parsing/configValue';

/** Container images that run a MongoDB server, by last path segment. */
export const MONGODB_SERVER_IMAGES = [
  'mongo',
  'mongodb',
  'mongodb-community-server',
  'mongodb-enterprise-server',
  'percona-server-mongodb',
];

/** Exporter images whose presence means the server is scraped by Prometheus. */
export const MONGODB_EXPORTER_IMAGES = ['mongodb-exporter', 'mongodb_exporter'];

/** What a container's environment and command line say about a mongod. */
export interface MongodSettings {
  authentication: {
    value: 'scram' | 'x509' | 'none';
    because: string;
    key?: string;
  };
  tls: { value: boolean; because: string; key?: string };
  replicaSet?: string;
}

type Environment = Map<string, ConfigValue | undefined>;

/**
 * Reads a mongod's settings the way the images document them: the official
 * image turns access control on when `MONGO_INITDB_ROOT_USERNAME` is set,
 * Bitnami's when a root password is set unless `ALLOW_EMPTY_PASSWORD`;
 * `--auth` or `--keyFile` turn it on explicitly; `--tlsMode` other than
 * `disabled` serves TLS.
 */
export function mongodSettings(
  environment: Environment,
  commandLine: string,
): MongodSettings {
  const has = (key: string) =>
    environment.has(key) || environment.has(`${key}_FILE`);
  const flag = (key: string) => {
    const value = environment.get(key);
    return value?.kind === 'scalar' && value.value !== null
      ? asBoolean(value.value)
      : undefined;
  };

  let authentication: MongodSettings['authentication'];
  if (
    /--clusterAuthMode[ =]x509\b/.test(commandLine) ||
    (/--tlsClusterFile|--tlsCAFile/.test(commandLine) &&
      /MONGODB-X509/.test(commandLine))
  ) {
    authentication = { value: 'x509', because: '--clusterAuthMode x509' };
  } else if (
    /(^|\s)--auth(\s|$)/.test(commandLine) ||
    /--keyFile/.test(commandLine)
  ) {
    authentication = {
      value: 'scram',
      because: 'mongod started with --auth/--keyFile',
    };
  } else if (has('MONGO_INITDB_ROOT_USERNAME')) {
    authentication = {
      value: 'scram',
      because:
        'MONGO_INITDB_ROOT_USERNAME set: the image enables access control',
      key: 'MONGO_INITDB_ROOT_USERNAME',
    };
  } else if (flag('ALLOW_EMPTY_PASSWORD') === true) {
    authentication = {
      value: 'none',
      because: 'ALLOW_EMPTY_PASSWORD=yes',
      key: 'ALLOW_EMPTY_PASSWORD',
    };
  } else if (has('MONGODB_ROOT_PASSWORD')) {
    authentication = {
      value: 'scram',
      because: 'MONGODB_ROOT_PASSWORD set',
      key: 'MONGODB_ROOT_PASSWORD',
    };
  } else {
    authentication = {
      value: 'none',
      because: 'no root user or --auth: mongod runs without access control',
    };
  }

  const tlsMode = /--(?:tls|ssl)Mode[ =](\w+)/.exec(commandLine);
  let tls: MongodSettings['tls'];
  if (tlsMode)
    tls = {
      value: tlsMode[1].toLowerCase() !== 'disabled',
      because: `--${tlsMode[0].slice(2)}`,
    };
  else if (flag('MONGODB_ENABLE_TLS') === true)
    tls = {
      value: true,
      because: 'MONGODB_ENABLE_TLS',
      key: 'MONGODB_ENABLE_TLS',
    };
  else
    tls = {
      value: false,
      because: 'no --tlsMode: mongod serves plain connections',
    };

  const replSet = /--replSet[ =]([^\s]+)/.exec(commandLine)?.[1];
  const bitnamiSet = environment.get('MONGODB_REPLICA_SET_NAME');
  // Bitnami's image joins a replica set when MONGODB_REPLICA_SET_MODE is set.
  let replicaSet = replSet;
  if (!replicaSet && environment.has('MONGODB_REPLICA_SET_MODE')) {
    replicaSet =
      bitnamiSet?.kind === 'scalar' && bitnamiSet.value !== null
        ? String(bitnamiSet.value)
        : 'replicaset';
  }

  return { authentication, tls, replicaSet };
}

/** Client programs shipped in the server images, run by jobs that are not servers. */
export const MONGODB_CLIENT_TOOLS = [
  'mongodump',
  'mongorestore',
  'mongosh',
  'mongoexport',
  'mongoimport',
];
