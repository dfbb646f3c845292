import { ParsedRepository } from '../../detection/parsedRepository';
import { ComposeService, composeServices } from '../../parsing/compose';
import { valueAt } from '../../parsing/configValue';
import { imageNamed } from './imageVersion';
import { reportMisshapenComposeService, shapeOf } from './shapeProblems';
import { runsClientTool } from './workloadSources';

/** The Compose file name patterns Docker Compose looks for, and their variants. */
export const COMPOSE_GLOBS = ['**/*compose*.yml', '**/*compose*.yaml'];

/** A platform's server services in one Compose file, with all the file's services for joins. */
export interface ComposeDeploymentSource {
  path: string;
  service: ComposeService;
  /** Every service of the file (exporters, backup jobs, replica-set peers). */
  services: ComposeService[];
}

/**
 * Every service of every Compose file whose image is one of `images` and
 * that runs the server: a service that runs one of `clientTools` (a dump
 * job, a shell) from the same image is not one.
 */
export function composeDeploymentSources(
  repo: ParsedRepository,
  images: string[],
  clientTools: string[],
): ComposeDeploymentSource[] {
  const sources: ComposeDeploymentSource[] = [];
  for (const path of repo.list(COMPOSE_GLOBS)) {
    for (const document of repo.configDocuments(path)) {
      const services = composeServices(document);
      const declared = valueAt(document.root, ['services']);
      if (!services) {
        if (
          declared &&
          !(declared.kind === 'scalar' && declared.value === null)
        )
          repo.report(
            `${path}: services is ${shapeOf(
              declared,
            )}, not a map of services; the file was not read`,
            path,
          );
        continue;
      }
      for (const service of services) {
        reportMisshapenComposeService(repo, path, service);
        if (
          imageNamed(service.image, images) &&
          !runsClientTool(service.commandLine, clientTools)
        ) {
          sources.push({ path, service, services });
        }
      }
    }
  }
  return sources;
}
