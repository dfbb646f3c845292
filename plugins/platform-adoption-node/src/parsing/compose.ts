import { ConfigMap, ConfigValue, listAt, mapAt, valueAt } from './configValue';
import { ConfigDocument } from './yaml';

/**
 * A service of a Compose file (docker-compose.yml, compose.yaml).
 *
 * @public
 */
export interface ComposeService {
  name: string;
  line: number;
  image?: ConfigValue;
  /** `environment`, from either its map or its `KEY=value` list form. */
  environment: Map<string, ConfigValue>;
  /** `command` and `entrypoint` joined, for flag checks such as `--auth`. */
  commandLine: string;
  /** Where volumes and bind mounts land in the container (short and long syntax). */
  mounts: ComposeMount[];
  body: ConfigMap;
}

/**
 * A volume or bind mount of a service: `data:/var/lib/redis`,
 * `./conf:/etc/redis:ro` or `{ type: volume, source: data, target: … }`.
 *
 * @public
 */
export interface ComposeMount {
  /** A named volume or a host path; undefined for an anonymous volume. */
  source?: string;
  target: string;
  line: number;
}

/**
 * The services of a Compose document, or undefined when the document is not
 * one (no `services` map of maps).
 *
 * @public
 */
export function composeServices(
  document: ConfigDocument,
): ComposeService[] | undefined {
  const services = mapAt(document.root, ['services']);
  if (!services) return undefined;
  const result: ComposeService[] = [];
  for (const [name, body] of services.entries) {
    if (body.kind !== 'map') continue;
    result.push({
      name,
      line: body.line,
      image: valueAt(body, ['image']),
      environment: environmentOf(body),
      commandLine: [
        commandText(valueAt(body, ['entrypoint'])),
        commandText(valueAt(body, ['command'])),
      ]
        .filter(Boolean)
        .join(' '),
      mounts: mountsOf(body),
      body,
    });
  }
  return result;
}

function environmentOf(service: ConfigMap): Map<string, ConfigValue> {
  const result = new Map<string, ConfigValue>();
  const environment = valueAt(service, ['environment']);
  if (environment?.kind === 'map') {
    for (const [key, value] of environment.entries) result.set(key, value);
  } else if (environment?.kind === 'list') {
    for (const item of listAt(service, ['environment'])) {
      if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
      const equals = item.value.indexOf('=');
      const key = equals === -1 ? item.value : item.value.slice(0, equals);
      // `- KEY` without a value passes the variable through from the host.
      const value = equals === -1 ? `\${${key}}` : item.value.slice(equals + 1);
      result.set(key, { kind: 'scalar', value, line: item.line });
    }
  }
  return result;
}

function commandText(value: ConfigValue | undefined): string {
  if (!value) return '';
  if (value.kind === 'scalar')
    return value.value === null ? '' : String(value.value);
  if (value.kind === 'list') {
    return value.items
      .map(item => (item.kind === 'scalar' ? String(item.value) : ''))
      .join(' ');
  }
  return '';
}

function mountsOf(service: ConfigMap): ComposeMount[] {
  const mounts: ComposeMount[] = [];
  for (const item of listAt(service, ['volumes'])) {
    if (item.kind === 'scalar' && typeof item.value === 'string') {
      // `source:target[:mode]`, or a bare `target` for an anonymous volume.
      const parts = item.value.split(':');
      const [source, target] =
        parts.length === 1 ? [undefined, parts[0]] : [parts[0], parts[1]];
      if (target) mounts.push({ source, target, line: item.line });
    } else if (item.kind === 'map') {
      const target = valueAt(item, ['target']);
      const source = valueAt(item, ['source']);
      if (target?.kind === 'scalar' && typeof target.value === 'string')
        mounts.push({
          source:
            source?.kind === 'scalar' && source.value !== null
              ? String(source.value)
              : undefined,
          target: target.value,
          line: item.line,
        });
    }
  }
  return mounts;
}
