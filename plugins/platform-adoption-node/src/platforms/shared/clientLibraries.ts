import {
  DetectedDeployment,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ParsedRepository } from '../../detection/parsedRepository';
import {
  DeclaredDependency,
  PACKAGE_MANIFEST_GLOBS,
} from '../../parsing/packageManifests';
import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';

/** A client library (driver, ODM) that shows a platform is used. */
export interface ClientLibrary {
  ecosystem: DeclaredDependency['ecosystem'];
  /** Exact name, or a test for families such as `org.mongodb:mongodb-driver-*`. */
  name: string | ((name: string) => boolean);
}

/**
 * Client deployments: one per manifest and library, with facets `client`
 * (the library) and `clientVersion`. They show usage without a server
 * configuration.
 */
export function detectClientLibraries(
  repo: ParsedRepository,
  platform: string,
  libraries: ClientLibrary[],
): DetectedDeployment[] {
  const deployments: DetectedDeployment[] = [];
  for (const path of repo.list(PACKAGE_MANIFEST_GLOBS)) {
    const seen = new Set<string>();
    for (const dependency of repo.dependencies(path)) {
      const known = libraries.some(
        library =>
          library.ecosystem === dependency.ecosystem &&
          (typeof library.name === 'string'
            ? library.name === dependency.name
            : library.name(dependency.name)),
      );
      if (!known || seen.has(dependency.name)) continue;
      seen.add(dependency.name);
      const builder = new DeploymentBuilder(
        platform,
        'client',
        `${path}#${dependency.name}`,
        dependency.name,
        path,
      );
      builder.set(
        'client',
        dependency.name,
        fileEvidence(path, dependency.line),
      );
      const version = clientVersion(dependency.version);
      builder.set(
        'clientVersion',
        version.value,
        fileEvidence(path, dependency.line, version.note),
      );
      deployments.push(builder.build());
    }
  }
  return deployments;
}

/**
 * The version a constraint pins or starts from (`^6.3.0` → 6.3.0,
 * `~> 2.19` → 2.19, `>=2.9,<3` → 2.9, `v1.13.1` → 1.13.1); unknown for
 * none, `*`, `latest`, tags, URLs and unresolved properties.
 */
export function clientVersion(written: string | undefined): {
  value: string;
  note?: string;
} {
  if (!written) return { value: UNKNOWN, note: 'no version constraint' };
  const first = written.split(/[,|]|\s+-\s+/)[0].trim();
  const match =
    /^(?:\^|~>|~=|~|>=|==|=|>|v)?\s*v?(\d+(?:\.\d+){0,3})(?:[-+.][\w.-]*)?$/.exec(
      first,
    );
  if (!match) return { value: UNKNOWN, note: `declared "${written}"` };
  return {
    value: match[1],
    note: match[1] === written ? undefined : `declared ${written}`,
  };
}
