// Joins the platform estates onto the component portfolio: per repository,
// the files to write, the drivers in its manifest, the Resources its
// component declares, and the deployments a scanner must find. Every
// cross-reference is checked here, so a typo fails the run instead of
// silently producing a demo that contradicts planted.json.
import { driverPackage } from './manifests.mjs';
import {
  MONGODB_DECLARED_ONLY,
  MONGODB_REPOSITORIES,
  MONGODB_SHADOW_DRIVERS,
} from './platforms/mongodb.mjs';
import {
  POSTGRESQL_DECLARED_ONLY,
  POSTGRESQL_REPOSITORIES,
  POSTGRESQL_SHADOW_DRIVERS,
} from './platforms/postgresql.mjs';

const PLATFORMS = [
  [
    'mongodb',
    MONGODB_REPOSITORIES,
    MONGODB_SHADOW_DRIVERS,
    MONGODB_DECLARED_ONLY,
  ],
  [
    'postgresql',
    POSTGRESQL_REPOSITORIES,
    POSTGRESQL_SHADOW_DRIVERS,
    POSTGRESQL_DECLARED_ONLY,
  ],
];

function fail(message) {
  throw new Error(`demo-enterprise: ${message}`);
}

export function buildEstate(componentsByName) {
  const repos = new Map();
  const record = name => {
    const component =
      componentsByName.get(name) ?? fail(`no component named ${name}`);
    if (!repos.has(name)) {
      repos.set(name, {
        component,
        files: {},
        extraFiles: {},
        secrets: [],
        drivers: [],
        resources: [],
        deployments: [],
      });
    }
    return repos.get(name);
  };
  const addDriver = (rec, platform, variant) => {
    if (!variant) return;
    const [pkg, version] =
      driverPackage(platform, rec.component.stack, variant) ??
      fail(`no ${platform} driver ${variant} for ${rec.component.stack}`);
    if (!rec.drivers.some(x => x.package === pkg))
      rec.drivers.push({ platform, package: pkg, version });
  };
  const addFiles = (rec, target, files) => {
    for (const [path, content] of Object.entries(files)) {
      if (path in rec.files || path in rec.extraFiles)
        fail(`${rec.component.name}: ${path} written twice`);
      target[path] = content;
    }
  };
  const declaredWithoutConfiguration = [];

  for (const [
    platform,
    repositories,
    shadowDrivers,
    declaredOnly,
  ] of PLATFORMS) {
    for (const r of repositories) {
      const rec = record(r.repository);
      if (rec.component.owner !== r.owner)
        fail(
          `${r.repository} is owned by ${rec.component.owner}, estate says ${r.owner}`,
        );
      addDriver(rec, platform, r.driver);
      for (const [name, description, tags] of r.resources) {
        rec.resources.push({
          name,
          platform,
          description,
          tags: [platform, ...tags],
        });
      }
      for (const d of r.deployments) {
        let files = d.files;
        if (d.render) {
          const out = d.render(r, d);
          addFiles(rec, rec.files, out.files);
          addFiles(rec, rec.extraFiles, out.extraFiles ?? {});
          rec.secrets.push(...out.secrets);
          files ??= Object.keys(out.files);
        }
        if (!files)
          fail(`${r.repository}/${d.key} has neither render nor files`);
        if (d.resource && !r.resources.some(([n]) => n === d.resource))
          fail(`${r.repository}/${d.key}: unknown resource ${d.resource}`);
        rec.deployments.push({ ...d, platform, files: [...files].sort() });
      }
    }
    for (const s of shadowDrivers)
      addDriver(record(s.repository), platform, s.driver);
    for (const x of declaredOnly) {
      const rec = record(x.repository);
      addDriver(rec, platform, x.driver);
      const [name, description, tags] = x.resource;
      rec.resources.push({
        name,
        platform,
        description,
        tags: [platform, ...tags],
      });
      declaredWithoutConfiguration.push({
        platform,
        resource: name,
        repository: x.repository,
        driver: Boolean(x.driver),
      });
    }
  }

  for (const rec of repos.values()) {
    for (const d of rec.deployments) {
      for (const f of d.files)
        if (!(f in rec.files))
          fail(
            `${rec.component.name}/${d.key} lists ${f}, which is not written`,
          );
    }
    for (const s of rec.secrets) {
      const content =
        rec.files[s.path] ??
        rec.extraFiles[s.path] ??
        fail(`${rec.component.name}: secret in unknown file ${s.path}`);
      if (!content.includes(s.value))
        fail(
          `${rec.component.name}/${s.path} does not contain its planted secret`,
        );
    }
  }

  // Shadow usage: the repository uses a platform (driver or configuration)
  // and its component declares no Resource of that platform.
  const shadow = [];
  for (const [name, rec] of repos) {
    for (const platform of ['mongodb', 'postgresql']) {
      const used =
        rec.drivers.some(x => x.platform === platform) ||
        rec.deployments.some(x => x.platform === platform);
      const declared = rec.resources.some(x => x.platform === platform);
      if (used && !declared) shadow.push({ repository: name, platform });
    }
  }

  return { repos, shadow, declaredWithoutConfiguration };
}
