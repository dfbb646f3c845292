import {
  DetectedDeployment,
  ScanProblem,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  DirectoryRepositoryFiles,
  PlatformDetector,
  RepositoryFiles,
  detectRepository,
} from '@platform-adoption/plugin-platform-adoption-node';
import { CATALOG_INFO_PATH, declaredOwnerOf } from './owner';
import {
  RepositoryFolder,
  compareText,
  listRepositoryFolders,
} from './repositoryFolders';

/** A detected deployment with the repository it was found in and its owner. */
export interface ScannedDeployment extends DetectedDeployment {
  repository: string;
  owner: string;
}

/** A repository or file that could not be read; the scan went on without it. */
export interface ScanError {
  repository: string;
  file?: string;
  message: string;
}

/** What a scan of a folder of repositories found. */
export interface DirectoryScan {
  /** Repository names, sorted, including those with nothing detected. */
  repositories: string[];
  /** Sorted by repository, then by deployment key. */
  deployments: ScannedDeployment[];
  errors: ScanError[];
}

/**
 * Scans each immediate subfolder of `directory` as one repository; only an
 * unusable `directory` throws.
 */
export async function scanDirectory(
  directory: string,
  detectors: PlatformDetector[],
): Promise<DirectoryScan> {
  return scanRepositories(await listRepositoryFolders(directory), detectors);
}

/**
 * Scans the given repository folders. A repository that cannot be read or
 * parsed becomes an error in the result rather than stopping the scan.
 */
export function scanRepositories(
  folders: RepositoryFolder[],
  detectors: PlatformDetector[],
): DirectoryScan {
  const scan: DirectoryScan = { repositories: [], deployments: [], errors: [] };
  for (const folder of folders) {
    scan.repositories.push(folder.name);
    try {
      scanRepository(folder, detectors, scan);
    } catch (error) {
      scan.errors.push({
        repository: folder.name,
        message: `Could not scan the repository: ${(error as Error).message}`,
      });
    }
  }
  return scan;
}

function scanRepository(
  folder: RepositoryFolder,
  detectors: PlatformDetector[],
  scan: DirectoryScan,
): void {
  const files = new DirectoryRepositoryFiles(folder.path, {
    repository: folder.name,
  });
  const owner = ownerOf(files, scan.errors) ?? folder.name;
  const { deployments, problems } = detectRepository(files, detectors);

  scan.deployments.push(
    ...[...deployments]
      .sort((a, b) => compareText(a.key, b.key))
      .map(deployment => ({ ...deployment, repository: folder.name, owner })),
  );
  scan.errors.push(
    ...problems.map(problem => asScanError(folder.name, problem)),
  );
}

/** The declared owner, or undefined (recording why when the file is broken). */
function ownerOf(
  files: RepositoryFiles,
  errors: ScanError[],
): string | undefined {
  if (files.list([CATALOG_INFO_PATH]).length === 0) {
    return undefined;
  }
  try {
    return declaredOwnerOf(files.text(CATALOG_INFO_PATH));
  } catch (error) {
    errors.push({
      repository: files.repository,
      file: CATALOG_INFO_PATH,
      message: (error as Error).message,
    });
    return undefined;
  }
}

function asScanError(repository: string, problem: ScanProblem): ScanError {
  return {
    repository,
    ...(problem.file !== undefined && { file: problem.file }),
    message: problem.message,
  };
}
