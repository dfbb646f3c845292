// Docker Compose files for local development. Passwords here are the
// credential-shaped kind people really commit, listed as planted secrets.
import { toYaml } from '../yaml.mjs';

/** The official mongo image; credentials switch on --auth by themselves. */
export function mongoCompose(d) {
  const f = d.facets;
  const mongo = {
    image: `mongo:${f.version}`,
    command:
      f.topology === 'replicaset'
        ? ['--replSet', 'rs0', '--bind_ip_all']
        : undefined,
    environment:
      f.authentication === 'none'
        ? undefined
        : {
            MONGO_INITDB_ROOT_USERNAME: d.rootUser,
            MONGO_INITDB_ROOT_PASSWORD: d.password,
            MONGO_INITDB_DATABASE: d.dbName,
          },
    ports: ['27017:27017'],
    volumes: ['mongo-data:/data/db'],
    healthcheck: {
      test: ['CMD', 'mongosh', '--quiet', '--eval', "db.adminCommand('ping')"],
      interval: '10s',
      timeout: '5s',
      retries: 5,
    },
  };
  const services = { mongo };
  if (d.appService) {
    services[d.repository] = {
      build: '.',
      depends_on: { mongo: { condition: 'service_healthy' } },
      environment: { MONGODB_URI: d.appUri },
      ports: ['8080:8080'],
    };
  }
  const secrets = [];
  const file = d.file;
  if (f.authentication !== 'none')
    secrets.push({ path: file, value: d.password });
  return {
    files: { [file]: toYaml({ services, volumes: { 'mongo-data': {} } }) },
    secrets,
  };
}

/** The official postgres image. */
export function postgresCompose(d) {
  const f = d.facets;
  const secrets = [{ path: d.file, value: d.password }];
  const services = {
    postgres: {
      image: `postgres:${f.version}-alpine`,
      // List form, as half the compose files in the wild have it.
      environment: [
        `POSTGRES_USER=${d.user}`,
        `POSTGRES_PASSWORD=${d.password}`,
        `POSTGRES_DB=${d.dbName}`,
      ],
      ports: ['5432:5432'],
      volumes: ['pg-data:/var/lib/postgresql/data'],
      healthcheck: {
        test: ['CMD-SHELL', `pg_isready -U ${d.user} -d ${d.dbName}`],
        interval: '10s',
        timeout: '5s',
        retries: 5,
      },
    },
  };
  if (d.appService) {
    services[d.repository] = {
      build: '.',
      depends_on: { postgres: { condition: 'service_healthy' } },
      environment: {
        DATABASE_URL: `postgres://${d.user}:${d.password}@postgres:5432/${d.dbName}`,
      },
      ports: ['8080:8080'],
    };
  }
  return {
    files: { [d.file]: toYaml({ services, volumes: { 'pg-data': {} } }) },
    secrets,
  };
}
