import { resolve as resolvePath } from 'node:path';
import { Config } from '@backstage/config';

/** The config key listing the folders served as repositories. */
export const LOCAL_REPOSITORIES_CONFIG_KEY =
  'platformAdoption.localRepositories';

/**
 * One configured folder of repositories and the base URL it is served under,
 * e.g. `https://git.fernhill.example/` → `<cwd>/examples/repositories`.
 */
export interface LocalRepositoryLocation {
  /** Always ends with `/`, so a prefix test cannot match `…/payments-ledger-old`. */
  baseUrl: URL;
  /** Absolute path of the folder; each immediate subfolder is one repository. */
  root: string;
}

/**
 * Reads `platformAdoption.localRepositories`. An absent key means no local
 * repositories (the production configuration), not an error.
 */
export function readLocalRepositoryLocations(
  config: Config,
): LocalRepositoryLocation[] {
  const entries =
    config.getOptionalConfigArray(LOCAL_REPOSITORIES_CONFIG_KEY) ?? [];
  return entries.map((entry, index) => {
    const where = `${LOCAL_REPOSITORIES_CONFIG_KEY}[${index}]`;
    const baseUrl = parseBaseUrl(entry.getString('baseUrl'), where);
    // Relative to the backend's working directory, like `type: file` catalog locations.
    const root = resolvePath(entry.getString('root'));
    return { baseUrl, root };
  });
}

function parseBaseUrl(value: string, where: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(
      `Invalid ${where}.baseUrl '${value}': expected an absolute URL such as https://git.example.com/`,
    );
  }
  if (url.search || url.hash) {
    throw new Error(
      `Invalid ${where}.baseUrl '${value}': a base URL cannot have a query or a fragment`,
    );
  }
  if (!url.pathname.endsWith('/')) {
    url.pathname = `${url.pathname}/`;
  }
  return url;
}
