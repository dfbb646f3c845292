import { ParsedRepository } from '../../detection/parsedRepository';
import { ComposeService } from '../../parsing/compose';
import { ConfigValue, valueAt } from '../../parsing/configValue';
import {
  KubernetesContainer,
  KubernetesObject,
} from '../../parsing/kubernetes';

/**
 * How a value of the wrong shape reads in a problem. Text is never quoted:
 * a misplaced `environment: POSTGRES_PASSWORD=…` would otherwise put the
 * password into the problem.
 */
export function shapeOf(value: ConfigValue): string {
  if (value.kind === 'list' || value.kind === 'map') return `a ${value.kind}`;
  if (value.kind === 'expression') return 'an expression';
  if (typeof value.value === 'string') return 'a text';
  return String(value.value);
}

const isImageName = (value: ConfigValue) =>
  value.kind === 'scalar' &&
  (typeof value.value === 'string' || value.value === null);

/**
 * Names the keys of a Compose service whose value has a shape Compose
 * refuses (`image: 7`, `environment: KEY=value` as one text): the service
 * is read as far as it can be, and the file is named instead of the broken
 * key being silently taken as absent.
 */
export function reportMisshapenComposeService(
  repo: ParsedRepository,
  path: string,
  service: ComposeService,
) {
  const where = `${path}: services.${service.name}`;
  const image = valueAt(service.body, ['image']);
  if (image && !isImageName(image)) {
    repo.report(
      `${where}.image is ${shapeOf(
        image,
      )}, not an image name; the service was not recognised`,
      path,
    );
  }
  const environment = valueAt(service.body, ['environment']);
  if (
    environment &&
    environment.kind !== 'map' &&
    environment.kind !== 'list' &&
    !(environment.kind === 'scalar' && environment.value === null)
  ) {
    repo.report(
      `${where}.environment is ${shapeOf(
        environment,
      )}, not a map or a list of KEY=value; its variables were not read`,
      path,
    );
  }
  for (const key of ['command', 'entrypoint']) {
    if (valueAt(service.body, [key])?.kind === 'map') {
      repo.report(
        `${where}.${key} is a map, not a command line; it was not read`,
        path,
      );
    }
  }
}

/** Names a workload container whose `image` is not an image name (`image: 7`). */
export function reportMisshapenContainer(
  repo: ParsedRepository,
  object: KubernetesObject,
  container: KubernetesContainer,
) {
  if (!container.image || isImageName(container.image)) return;
  repo.report(
    `${object.path}: ${object.kind} ${object.name ?? '(unnamed)'}, container ${
      container.name ?? '(unnamed)'
    }: image is ${shapeOf(
      container.image,
    )}, not an image name; the container was not recognised`,
    object.path,
  );
}
