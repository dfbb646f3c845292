import { asBoolean, ConfigValue } from '../../parsing/configValue';
import { ComposeMount } from '../../parsing/compose';
import { ImageReference } from '../../parsing/imageReference';
import { RedisDistribution } from './distribution';

/** A setting read from a container, with why and where (the variable, if any). */
export interface Setting<T> {
  value: T;
  because: string;
  key?: string;
}

/** What a Redis-compatible server's command line and environment say. */
export interface RedisServerSettings {
  authentication: Setting<'none' | 'password' | 'acl'>;
  tls: Setting<boolean>;
  persistence: Setting<'none' | 'rdb' | 'aof' | 'aof+rdb'>;
  /** The primary it replicates from (`--replicaof primary 6379`). */
  replicaOf?: string;
  /** Where it writes RDB/AOF files. */
  dataDir: string;
}

type Environment = Map<string, ConfigValue | undefined>;

/** Flag value after `--name` or `--name=` on a command line. */
function flag(commandLine: string, name: string): string | undefined {
  const match = new RegExp(
    `(?:^|\\s)--${name}(?:=|\\s+)("[^"]*"|'[^']*'|\\S*)`,
  ).exec(commandLine);
  if (!match) return undefined;
  // `--save ""` written as a list item leaves an empty word: the next flag
  // is not its value.
  if (match[1].startsWith('--')) return '';
  return match[1].replace(/^["']|["']$/g, '');
}

function hasFlag(commandLine: string, name: string): boolean {
  return new RegExp(`(?:^|\\s)--${name}(?:[=\\s]|$)`).test(commandLine);
}

/** Where each image writes its files unless `--dir` says otherwise. */
function defaultDataDir(image: ImageReference | undefined): string {
  if (image?.repository.startsWith('bitnami/'))
    return `/bitnami/${image.name}/data`;
  return '/data';
}

/**
 * Reads a server's settings the way the images document them: `redis-server`
 * flags (`--requirepass`, `--aclfile`, `--tls-port`, `--appendonly`,
 * `--save ""`, `--replicaof`), Dragonfly's flags and `DFLY_*` variables,
 * Bitnami's `REDIS_*` / `VALKEY_*` variables (password required unless
 * `ALLOW_EMPTY_PASSWORD`, AOF on by default). Persistence counts only when
 * the data directory is on a mounted volume: otherwise the files go with
 * the container.
 */
export function redisServerSettings(
  distribution: RedisDistribution,
  image: ImageReference | undefined,
  commandLine: string,
  environment: Environment,
  mounts: ComposeMount[],
): RedisServerSettings {
  const bitnami = image?.repository.startsWith('bitnami/') ?? false;
  const prefix = image?.name === 'valkey' ? 'VALKEY' : 'REDIS';
  const env = (key: string) => {
    const value = environment.get(key);
    return value?.kind === 'scalar' && value.value !== null
      ? String(value.value)
      : undefined;
  };
  const envFlag = (key: string) => {
    const value = env(key);
    return value === undefined ? undefined : asBoolean(value);
  };
  // Dragonfly takes every flag from a DFLY_<flag> variable too.
  const option = (name: string) =>
    flag(commandLine, name) ??
    (distribution === 'dragonfly' ? env(`DFLY_${name}`) : undefined);

  let authentication: RedisServerSettings['authentication'];
  if (
    option('aclfile') ||
    hasFlag(commandLine, 'user') ||
    env(`${prefix}_ACLFILE`)
  )
    authentication = {
      value: 'acl',
      because: 'ACL users (--aclfile / --user)',
    };
  else if (option('requirepass') !== undefined)
    authentication = {
      value: 'password',
      because: '--requirepass',
      key:
        distribution === 'dragonfly' && !flag(commandLine, 'requirepass')
          ? 'DFLY_requirepass'
          : undefined,
    };
  else if (bitnami && envFlag('ALLOW_EMPTY_PASSWORD') === true)
    authentication = {
      value: 'none',
      because: 'ALLOW_EMPTY_PASSWORD=yes',
      key: 'ALLOW_EMPTY_PASSWORD',
    };
  else if (
    bitnami &&
    (environment.has(`${prefix}_PASSWORD`) ||
      environment.has(`${prefix}_PASSWORD_FILE`))
  )
    authentication = {
      value: 'password',
      because: `${prefix}_PASSWORD set`,
      key: environment.has(`${prefix}_PASSWORD`)
        ? `${prefix}_PASSWORD`
        : `${prefix}_PASSWORD_FILE`,
    };
  else
    authentication = {
      value: 'none',
      because: 'no requirepass or ACL: clients connect without credentials',
    };

  let tls: RedisServerSettings['tls'];
  if (
    flag(commandLine, 'tls-port') !== undefined ||
    hasFlag(commandLine, 'tls')
  )
    tls = { value: true, because: '--tls-port / --tls' };
  else if (
    envFlag(`${prefix}_TLS_ENABLED`) === true ||
    envFlag('DFLY_tls') === true
  )
    tls = {
      value: true,
      because: `${prefix}_TLS_ENABLED`,
      key: environment.has('DFLY_tls') ? 'DFLY_tls' : `${prefix}_TLS_ENABLED`,
    };
  else tls = { value: false, because: 'no TLS port: plain connections' };

  const dataDir = option('dir') ?? defaultDataDir(image);
  const persistence = persistenceOf(
    distribution,
    bitnami,
    prefix,
    commandLine,
    env,
    option,
  );
  const mounted = mounts.some(
    m =>
      dataDir === m.target ||
      dataDir.startsWith(`${m.target.replace(/\/$/, '')}/`),
  );
  const effective: RedisServerSettings['persistence'] =
    persistence.value !== 'none' && !mounted
      ? {
          value: 'none',
          because: `${persistence.because}, but nothing is mounted at ${dataDir}: the files go with the container`,
        }
      : persistence;

  const replicaOf =
    /(?:^|\s)--(?:replicaof|slaveof)\s+["']?([^\s"':]+)/.exec(
      commandLine,
    )?.[1] ??
    (env(`${prefix}_REPLICATION_MODE`) === 'slave' ||
    env(`${prefix}_REPLICATION_MODE`) === 'replica'
      ? env(`${prefix}_MASTER_HOST`) ?? env(`${prefix}_PRIMARY_HOST`)
      : undefined);

  return { authentication, tls, persistence: effective, replicaOf, dataDir };
}

/**
 * RDB snapshots are Redis's (and Valkey's, KeyDB's) default unless
 * `--save ""`; AOF is off unless `--appendonly yes`. Bitnami's images turn
 * AOF on by default. Dragonfly snapshots only on a schedule
 * (`--snapshot_cron`).
 */
function persistenceOf(
  distribution: RedisDistribution,
  bitnami: boolean,
  prefix: string,
  commandLine: string,
  env: (key: string) => string | undefined,
  option: (name: string) => string | undefined,
): Setting<'none' | 'rdb' | 'aof' | 'aof+rdb'> {
  if (distribution === 'dragonfly') {
    return option('snapshot_cron')
      ? { value: 'rdb', because: '--snapshot_cron' }
      : { value: 'none', because: 'no --snapshot_cron schedule' };
  }
  const appendonly = flag(commandLine, 'appendonly');
  const aof =
    appendonly !== undefined
      ? asBoolean(appendonly) === true
      : bitnami && asBoolean(env(`${prefix}_AOF_ENABLED`) ?? 'yes') === true;
  const save = flag(commandLine, 'save');
  const rdb =
    save !== undefined
      ? save !== ''
      : !(bitnami && asBoolean(env(`${prefix}_RDB_POLICY_DISABLED`) ?? 'no'));
  const reasons: string[] = [];
  if (aof) reasons.push(appendonly ? '--appendonly yes' : 'AOF on by default');
  if (rdb) reasons.push(save ? `--save ${save}` : 'RDB snapshots by default');
  const because = reasons.join(', ');
  if (aof && rdb) return { value: 'aof+rdb', because };
  if (aof) return { value: 'aof', because };
  if (rdb) return { value: 'rdb', because };
  return { value: 'none', because: '--save "" and no AOF' };
}
