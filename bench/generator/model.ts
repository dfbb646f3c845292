/**
 * The synthetic enterprise of the benchmark, as data: an org tree five
 * levels deep, users, domains, systems, components (each with a repository),
 * APIs and Resources, and the platform deployments behind them with their
 * facet choices. Seeded: the same size always gives the same enterprise.
 *
 * Files are written by ./write.ts; this module only decides.
 */

import { seededRandom } from '../../scripts/eval/random';

export const SIZES: Record<string, number> = { '10k': 10_000, '50k': 50_000, '100k': 100_000 };

/** The evaluation's seeded generator (mulberry32), with the choices the generator makes. */
export function seeded(seed: number) {
  const { next } = seededRandom(seed);
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
    /** Chooses by weight: [[value, weight], …]. */
    weighted: <T>(options: ReadonlyArray<readonly [T, number]>): T => {
      const total = options.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [value, w] of options) {
        r -= w;
        if (r < 0) return value;
      }
      return options[options.length - 1][0];
    },
  };
}

const WORDS_A = [
  'account', 'ledger', 'payment', 'card', 'loan', 'mortgage', 'savings', 'fraud', 'risk', 'kyc',
  'customer', 'branch', 'atm', 'treasury', 'fx', 'trade', 'market', 'pricing', 'limit', 'statement',
  'notification', 'identity', 'consent', 'audit', 'billing', 'invoice', 'settlement', 'clearing', 'wallet', 'reward',
  'catalog', 'search', 'report', 'tax', 'pension', 'insurance', 'claims', 'quote', 'policy', 'document',
];
const WORDS_B = [
  'service', 'api', 'worker', 'gateway', 'engine', 'store', 'sync', 'ingest', 'router', 'scheduler',
  'portal', 'adapter', 'processor', 'indexer', 'exporter', 'monitor', 'registry', 'builder', 'checker', 'feed',
];

export interface GroupDef {
  name: string;
  type: 'organization' | 'division' | 'department' | 'tribe' | 'team';
  parent?: string;
  children: string[];
}

export type Platform = 'mongodb' | 'postgresql' | 'kafka' | 'redis' | 'vault';

/** Which format a deployment's configuration is written in. */
export type Format =
  | 'pg-cnpg'
  | 'pg-rds'
  | 'pg-helm'
  | 'pg-compose'
  | 'mongo-atlas'
  | 'mongo-helm'
  | 'mongo-compose'
  | 'kafka-strimzi'
  | 'redis-helm'
  | 'redis-compose'
  | 'vault-helm';

export interface DeploymentPlan {
  platform: Platform;
  format: Format;
  environment: 'production' | 'staging' | 'development';
  /** Facet choices, format-specific keys (version, instances, backup…). */
  choices: Record<string, string | number | boolean>;
  /** Why this deployment departs from the dominant pattern, when planted. */
  planted?: string;
  /** A Resource entity declares it (else it is shadow usage). */
  declared: boolean;
}

export interface ComponentDef {
  name: string;
  owner: string; // team name
  system: string;
  lifecycle: 'production' | 'experimental';
  language: 'java' | 'node' | 'python' | 'go';
  deployment?: DeploymentPlan;
  /** The repository uses a database driver (client usage). */
  driver?: Platform;
  resource?: string; // Resource entity name it dependsOn
  providesApi?: string;
}

export interface ResourceDef {
  name: string;
  owner: string;
  system: string;
  type: string;
  tags: string[];
}

export interface Enterprise {
  size: string;
  entities: number;
  groups: GroupDef[];
  users: Array<{ name: string; team: string }>;
  domains: Array<{ name: string; owner: string }>;
  systems: Array<{ name: string; owner: string; domain: string }>;
  components: ComponentDef[];
  resources: ResourceDef[];
  apis: Array<{ name: string; owner: string; system: string }>;
  platforms: Platform[];
}

const PLATFORM_SHARE: Record<Platform, number> = { postgresql: 42, mongodb: 28, kafka: 12, redis: 11, vault: 7 };

/**
 * Facet choices with a dominant pattern, a long tail and ~1.5% planted
 * snowflakes (and a few positive deviants) per platform.
 */
/** Each platform's versions and their weights in the fleet, the dominant one first. */
export const VERSIONS = {
  postgresql: [[16, 70], [15, 15], [14, 8], [13, 5]],
  mongodb: [['7.0', 70], ['6.0', 20], ['5.0', 10]],
  kafka: [['3.8.0', 65], ['3.7.1', 25], ['3.6.1', 10]],
  vault: [['1.17.2', 70], ['1.16.3', 20], ['1.15.6', 10]],
  redis: [['7.2.5', 70], ['7.0.15', 20], ['6.2.14', 10]],
} as const satisfies Record<Platform, ReadonlyArray<readonly [string | number, number]>>;

function planDeployment(
  rnd: ReturnType<typeof seeded>,
  platform: Platform,
  environment: DeploymentPlan['environment'],
): DeploymentPlan {
  const production = environment === 'production';
  const planted = production && rnd.next() < 0.015;
  const deviant = !planted && production && rnd.next() < 0.005;
  const choices: Record<string, string | number | boolean> = {};
  let format: Format;
  let why: string | undefined;
  switch (platform) {
    case 'postgresql': {
      format = environment === 'development'
        ? rnd.weighted([['pg-compose', 6], ['pg-cnpg', 4]] as const)
        : rnd.weighted([['pg-cnpg', 50], ['pg-rds', 35], ['pg-helm', 15]] as const);
      choices.version = rnd.weighted(VERSIONS.postgresql);
      choices.minor = rnd.int(6);
      choices.instances = production ? rnd.weighted([[3, 85], [2, 15]] as const) : rnd.weighted([[1, 60], [2, 40]] as const);
      choices.backup = true;
      choices.retention = rnd.weighted([[14, 70], [7, 15], [30, 15]] as const);
      choices.tls = true;
      choices.trust = false;
      choices.iam = false;
      choices.storage = rnd.weighted([['20Gi', 30], ['50Gi', 40], ['100Gi', 20], ['500Gi', 10]] as const);
      choices.region = rnd.weighted([['eu-west-2', 92], ['eu-west-1', 8]] as const);
      if (planted) {
        const kind = rnd.pick(['version', 'topology', 'backup', 'authentication'] as const);
        why = kind;
        if (kind === 'version') choices.version = 12;
        if (kind === 'topology') choices.instances = 1;
        if (kind === 'backup') { choices.backup = false; choices.retention = 0; }
        if (kind === 'authentication') choices.trust = true;
      }
      if (deviant && format === 'pg-rds') { choices.iam = true; why = 'positive-deviant:authentication'; }
      break;
    }
    case 'mongodb': {
      format = environment === 'development'
        ? 'mongo-compose'
        : rnd.weighted([['mongo-atlas', 60], ['mongo-helm', 40]] as const);
      choices.version = rnd.weighted(VERSIONS.mongodb);
      choices.patch = rnd.int(15);
      choices.topology = 'replicaset';
      choices.nodes = 3;
      choices.size = rnd.weighted([['M30', 60], ['M40', 20], ['M20', 12], ['M50', 8]] as const);
      choices.region = rnd.weighted([['EU_WEST_2', 96], ['EU_WEST_1', 4]] as const);
      choices.backup = true;
      choices.pit = false;
      choices.auth = true;
      choices.tls = true;
      if (planted) {
        const kind = rnd.pick(['version', 'topology', 'backup', 'authentication', 'region'] as const);
        why = kind;
        if (kind === 'version') choices.version = '4.4';
        if (kind === 'topology') { choices.topology = 'standalone'; choices.nodes = 1; }
        if (kind === 'backup') choices.backup = false;
        if (kind === 'authentication') choices.auth = false;
        if (kind === 'region') choices.region = 'US_EAST_1';
      }
      if (deviant && format === 'mongo-atlas') { choices.pit = true; why = 'positive-deviant:backup'; }
      break;
    }
    case 'kafka': {
      format = 'kafka-strimzi';
      choices.version = rnd.weighted(VERSIONS.kafka);
      choices.replicas = production ? 3 : rnd.weighted([[1, 50], [3, 50]] as const);
      choices.auth = 'scram-sha-512';
      choices.tls = true;
      choices.storage = rnd.weighted([['100Gi', 60], ['500Gi', 40]] as const);
      if (planted) {
        const kind = rnd.pick(['version', 'topology', 'authentication'] as const);
        why = kind;
        if (kind === 'version') choices.version = '3.4.0';
        if (kind === 'topology') choices.replicas = 1;
        if (kind === 'authentication') { choices.auth = 'none'; choices.tls = false; }
      }
      break;
    }
    case 'vault': {
      format = 'vault-helm';
      choices.version = rnd.weighted(VERSIONS.vault);
      choices.ha = production || rnd.next() < 0.5;
      choices.replicas = 3;
      choices.tls = true;
      choices.audit = true;
      if (planted) {
        const kind = rnd.pick(['version', 'topology', 'tls'] as const);
        why = kind;
        if (kind === 'version') choices.version = '1.12.0';
        if (kind === 'topology') choices.ha = false;
        if (kind === 'tls') choices.tls = false;
      }
      break;
    }
    case 'redis': {
      format = environment === 'development' ? 'redis-compose' : 'redis-helm';
      choices.version = rnd.weighted(VERSIONS.redis);
      choices.architecture = production ? 'replication' : rnd.weighted([['standalone', 60], ['replication', 40]] as const);
      choices.replicas = 3;
      choices.auth = true;
      choices.tls = production;
      choices.persistence = true;
      if (planted) {
        const kind = rnd.pick(['version', 'authentication', 'topology'] as const);
        why = kind;
        if (kind === 'version') choices.version = '5.0.14';
        if (kind === 'authentication') choices.auth = false;
        if (kind === 'topology') choices.architecture = 'standalone';
      }
      break;
    }
  }
  return {
    platform,
    format,
    environment,
    choices,
    ...(why ? { planted: why } : {}),
    declared: rnd.next() < 0.85,
  };
}

/**
 * Builds the enterprise for `entities` entities (exactly), about one server
 * deployment per five entities.
 */
export function buildEnterprise(size: string, platforms: Platform[]): Enterprise {
  const entities = SIZES[size];
  if (!entities) throw new Error(`unknown size ${size}; one of ${Object.keys(SIZES).join(', ')}`);
  const rnd = seeded(entities);

  // Org tree: organization → divisions → departments → tribes → teams.
  const teamCount = Math.round(entities / 100);
  const tribeCount = Math.max(2, Math.round(teamCount / 3));
  const departmentCount = Math.max(2, Math.round(teamCount / 8));
  const divisionCount = 4;
  const groups: GroupDef[] = [{ name: 'bench-corp', type: 'organization', children: [] }];
  const byName = new Map(groups.map(g => [g.name, g]));
  const addLevel = (count: number, type: GroupDef['type'], prefix: string, parents: GroupDef[]) => {
    const level: GroupDef[] = [];
    for (let i = 0; i < count; i++) {
      const parent = parents[i % parents.length];
      const g: GroupDef = { name: `${prefix}-${String(i + 1).padStart(4, '0')}`, type, parent: parent.name, children: [] };
      parent.children.push(g.name);
      level.push(g);
      byName.set(g.name, g);
    }
    groups.push(...level);
    return level;
  };
  const divisions = addLevel(divisionCount, 'division', 'division', [groups[0]]);
  const departments = addLevel(departmentCount, 'department', 'dept', divisions);
  const tribes = addLevel(tribeCount, 'tribe', 'tribe', departments);
  const teams = addLevel(teamCount, 'team', 'team', tribes);

  const users = Array.from({ length: Math.round(entities * 0.12) }, (_, i) => ({
    name: `user-${String(i + 1).padStart(6, '0')}`,
    team: teams[i % teams.length].name,
  }));
  const domains = Array.from({ length: Math.round(entities / 500) }, (_, i) => ({
    name: `domain-${String(i + 1).padStart(4, '0')}`,
    owner: divisions[i % divisions.length].name,
  }));
  const systems = Array.from({ length: Math.round(entities / 50) }, (_, i) => ({
    name: `system-${String(i + 1).padStart(5, '0')}`,
    owner: teams[(i * 7) % teams.length].name,
    domain: domains[i % domains.length].name,
  }));

  const deploymentTarget = Math.round(entities / 5);
  const apiCount = Math.round(entities * 0.1);
  const otherResources = Math.round(entities * 0.03);
  // The declared database Resources are decided with the deployments; the
  // components fill the rest so the total is exact.
  const planned: DeploymentPlan[] = [];
  const shares = platforms.map(p => [p, PLATFORM_SHARE[p]] as const);
  for (let i = 0; i < deploymentTarget; i++) {
    const environment = rnd.weighted([['production', 70], ['staging', 15], ['development', 15]] as const);
    planned.push(planDeployment(rnd, rnd.weighted(shares), environment));
  }
  const declaredResources = planned.filter(p => p.declared).length;
  const fixed = groups.length + users.length + domains.length + systems.length + apiCount + otherResources + declaredResources;
  const componentCount = entities - fixed;
  if (componentCount < deploymentTarget) throw new Error('size too small for the plan');

  const components: ComponentDef[] = [];
  const resources: ResourceDef[] = [];
  // Spread deployments over components deterministically: every k-th.
  const stride = componentCount / deploymentTarget;
  let nextDeployment = 0;
  for (let i = 0; i < componentCount; i++) {
    const system = systems[i % systems.length];
    // Mostly the system's team; some components are owned elsewhere.
    const owner = rnd.next() < 0.8 ? system.owner : teams[rnd.int(teams.length)].name;
    const name = `${rnd.pick(WORDS_A)}-${rnd.pick(WORDS_B)}-${String(i + 1).padStart(6, '0')}`;
    const c: ComponentDef = {
      name,
      owner,
      system: system.name,
      lifecycle: 'production',
      language: rnd.weighted([['java', 40], ['node', 30], ['python', 20], ['go', 10]] as const),
    };
    if (nextDeployment < deploymentTarget && i >= Math.floor(nextDeployment * stride)) {
      const plan = planned[nextDeployment++];
      c.deployment = plan;
      c.lifecycle = plan.environment === 'production' ? 'production' : 'experimental';
      if (plan.platform === 'mongodb' || plan.platform === 'postgresql') c.driver = plan.platform;
      if (plan.declared) {
        const r: ResourceDef = {
          name: `${name}-${plan.platform}`,
          owner,
          system: system.name,
          type: 'database',
          tags: [plan.platform, plan.format.split('-')[1]],
        };
        resources.push(r);
        c.resource = r.name;
      }
    } else if (rnd.next() < 0.06) {
      // Shadow usage: a driver in the manifest, nothing declared.
      c.driver = rnd.pick(['mongodb', 'postgresql'] as const);
    }
    components.push(c);
  }
  for (let i = 0; i < otherResources; i++) {
    const owner = teams[rnd.int(teams.length)].name;
    resources.push({
      name: `bucket-${String(i + 1).padStart(6, '0')}`,
      owner,
      system: systems[i % systems.length].name,
      type: 's3-bucket',
      tags: ['aws', 's3'],
    });
  }
  const apis = Array.from({ length: apiCount }, (_, i) => {
    const c = components[(i * 3) % components.length];
    const api = { name: `${c.name}-api`, owner: c.owner, system: c.system };
    c.providesApi = api.name;
    return api;
  });
  return { size, entities, groups, users, domains, systems, components, resources, apis, platforms };
}

/** The 1% of components (and so repositories) changed in round `round`. */
export function changedComponents(enterprise: Enterprise, round: number): ComponentDef[] {
  const count = Math.max(1, Math.round(enterprise.entities / 100));
  const rnd = seeded(enterprise.entities * 31 + round);
  const chosen = new Set<number>();
  const withRepo = enterprise.components;
  while (chosen.size < Math.min(count, withRepo.length)) chosen.add(rnd.int(withRepo.length));
  return [...chosen].sort((a, b) => a - b).map(i => withRepo[i]);
}
