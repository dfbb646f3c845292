// Backstage catalog entities for the demo company. Descriptors follow
// backstage.io/v1alpha1; every Component points at its repository through
// backstage.io/source-location, which is how a scanner finds the files.
import { DEPARTMENTS } from './org.mjs';
import {
  DEPARTMENT_DOMAINS,
  PORTFOLIO,
  SHARED_RESOURCES,
  TEAM_STACK,
  TEAM_SYSTEM_FALLBACK,
} from './portfolio.mjs';
import { randomFor } from './random.mjs';

export const GIT_BASE_URL = 'https://git.fernhill.example';
export const sourceLocation = repository =>
  `url:${GIT_BASE_URL}/${repository}/`;

const API_VERSION = 'backstage.io/v1alpha1';

/** The flat list of components (one per repository), in portfolio order. */
export function buildComponents(teamDepartment) {
  const random = randomFor('python-manifests');
  const components = [];
  for (const [team, { system, components: list }] of Object.entries(
    PORTFOLIO,
  )) {
    const systemName = system ? system[0] : TEAM_SYSTEM_FALLBACK[team];
    for (const [name, type, description, options = {}] of list) {
      const stack = options.stack ?? TEAM_STACK[team];
      const pythonManifest =
        stack === 'python'
          ? options.manifest ??
            (random.chance(0.6) ? 'requirements' : 'pyproject')
          : undefined;
      components.push({
        name,
        type,
        description,
        owner: team,
        department: teamDepartment[team],
        system: systemName,
        stack,
        pythonManifest,
        api: options.api,
        noun: options.noun,
      });
    }
  }
  return components;
}

export function domainOfDepartment(department) {
  return DEPARTMENT_DOMAINS[department][0];
}

/** Lifecycle and owner-reference style are drawn once, reproducibly. */
export function decorateComponents(components, estate) {
  const lifecycles = randomFor('lifecycles');
  const ownerRefs = randomFor('owner-refs');
  for (const c of components) {
    const rec = estate.repos.get(c.name);
    const runsProduction =
      rec?.deployments.some(d => d.environment === 'production') ||
      rec?.resources.length;
    const roll = lifecycles.next();
    c.lifecycle =
      runsProduction || c.api
        ? 'production'
        : roll < 0.08
        ? 'experimental'
        : roll < 0.14
        ? 'development'
        : 'production';
    // Both spellings appear in real catalogs; a reader must accept either.
    c.ownerRef = ownerRefs.chance(0.7) ? `group:default/${c.owner}` : c.owner;
  }
}

function stackTags(c) {
  const tags = {
    node:
      c.type === 'website' ? ['typescript', 'react'] : ['typescript', 'nodejs'],
    java: c.type === 'service' ? ['java', 'spring-boot'] : ['java'],
    go: ['go'],
    python: c.type === 'service' ? ['python', 'fastapi'] : ['python'],
  }[c.stack];
  return tags;
}

export function groupEntities(org) {
  const groups = org.groups.map(g => ({
    apiVersion: API_VERSION,
    kind: 'Group',
    metadata: { name: g.name, description: g.description },
    spec: {
      type: g.type,
      profile: { displayName: g.title, email: g.email },
      parent: g.parent,
      children: g.children,
    },
  }));
  const users = org.users.map(u => ({
    apiVersion: API_VERSION,
    kind: 'User',
    metadata: { name: u.name, description: u.description },
    spec: {
      profile: { displayName: u.displayName, email: u.email },
      memberOf: u.memberOf,
    },
  }));
  return [...groups, ...users];
}

export function domainEntities() {
  return DEPARTMENTS.map(d => {
    const [name, title, description] = DEPARTMENT_DOMAINS[d.name];
    return {
      apiVersion: API_VERSION,
      kind: 'Domain',
      metadata: { name, title, description },
      spec: { owner: `group:default/${d.name}` },
    };
  });
}

export function systemEntities(teamDepartment) {
  return Object.entries(PORTFOLIO)
    .filter(([, p]) => p.system)
    .map(([team, p]) => {
      const [name, title, description] = p.system;
      return {
        apiVersion: API_VERSION,
        kind: 'System',
        metadata: { name, title, description },
        spec: {
          owner: `group:default/${team}`,
          domain: domainOfDepartment(teamDepartment[team]),
        },
      };
    });
}

export function componentEntities(components, apis, estate) {
  const provides = new Map();
  const consumes = new Map();
  for (const api of apis) {
    provides.set(api.provider, [
      ...(provides.get(api.provider) ?? []),
      api.name,
    ]);
    for (const c of api.consumers)
      consumes.set(c, [...(consumes.get(c) ?? []), api.name]);
  }
  const shared = new Map();
  for (const [resource, , , , , dependents] of SHARED_RESOURCES) {
    for (const c of dependents)
      shared.set(c, [...(shared.get(c) ?? []), resource]);
  }
  return components.map(c => {
    const databases =
      estate.repos.get(c.name)?.resources.map(r => r.name) ?? [];
    const dependsOn = [...databases, ...(shared.get(c.name) ?? [])].map(
      r => `resource:default/${r}`,
    );
    return {
      apiVersion: API_VERSION,
      kind: 'Component',
      metadata: {
        name: c.name,
        description: c.description,
        annotations: { 'backstage.io/source-location': sourceLocation(c.name) },
        tags: stackTags(c),
      },
      spec: {
        type: c.type,
        lifecycle: c.lifecycle,
        owner: c.ownerRef,
        system: c.system,
        providesApis: provides.get(c.name),
        consumesApis: consumes.get(c.name)?.sort(),
        dependsOn: dependsOn.length ? dependsOn : undefined,
      },
    };
  });
}

export function apiEntities(apis) {
  return apis.map(a => ({
    apiVersion: API_VERSION,
    kind: 'API',
    metadata: {
      name: a.name,
      title: a.title,
      description: a.description,
      tags: [
        a.type === 'grpc' ? 'grpc' : a.type === 'asyncapi' ? 'kafka' : 'rest',
      ],
    },
    spec: {
      type: a.type,
      lifecycle: 'production',
      owner: `group:default/${a.owner}`,
      system: a.system,
      definition: a.definition,
    },
  }));
}

export function resourceEntities(components, estate) {
  const byName = new Map(components.map(c => [c.name, c]));
  const systemOfTeam = team =>
    PORTFOLIO[team].system?.[0] ?? TEAM_SYSTEM_FALLBACK[team];
  const databases = [];
  for (const [repository, rec] of estate.repos) {
    const c = byName.get(repository);
    for (const r of rec.resources) {
      databases.push({
        apiVersion: API_VERSION,
        kind: 'Resource',
        metadata: { name: r.name, description: r.description, tags: r.tags },
        spec: {
          type: r.type ?? 'database',
          owner: `group:default/${c.owner}`,
          system: c.system,
        },
      });
    }
  }
  databases.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  const others = SHARED_RESOURCES.map(
    ([name, type, owner, description, tags, dependents]) => {
      for (const d of dependents)
        if (!byName.has(d))
          throw new Error(`demo-enterprise: ${name} depends on unknown ${d}`);
      return {
        apiVersion: API_VERSION,
        kind: 'Resource',
        metadata: { name, description, tags },
        spec: {
          type,
          owner: `group:default/${owner}`,
          system: systemOfTeam(owner),
        },
      };
    },
  );
  return [...databases, ...others];
}
