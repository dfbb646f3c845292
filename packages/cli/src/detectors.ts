import {
  DeclaredPlatformsConfig,
  PlatformDetector,
  builtinDetectors,
  loadHclParser,
  readDeclaredPlatforms,
} from '@platform-adoption/plugin-platform-adoption-node';
import { promises as fs } from 'node:fs';
import { parse } from 'yaml';
import { UsageError } from './args';

/**
 * The detectors a scan runs, ready to use: the built-in platforms, plus the
 * custom platforms an app-config declares (`--config`).
 */
export async function detectorsFor(options: {
  configPath?: string;
}): Promise<PlatformDetector[]> {
  const custom = await customDetectorsFromConfig(options.configPath);
  // Terraform files are parsed with a WebAssembly grammar that must load once
  // before detection, which is synchronous.
  await loadHclParser();
  return [...builtinDetectors, ...custom];
}

/**
 * Custom platforms from `platformAdoption.platforms` in an app-config YAML
 * file, read and validated exactly as the backend reads them, so a scan
 * from the command line finds what the portal finds. The file is read as
 * written: Backstage's `${VAR}` substitution and `$include` are not applied.
 */
async function customDetectorsFromConfig(
  configPath: string | undefined,
): Promise<PlatformDetector[]> {
  if (configPath === undefined) return [];
  let text: string;
  try {
    text = await fs.readFile(configPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = {
      ENOENT: 'does not exist',
      EISDIR: 'is a directory',
    };
    const why =
      reasons[code ?? ''] ??
      `cannot be read (${code ?? (error as Error).message})`;
    throw new UsageError(`The --config file '${configPath}' ${why}`);
  }
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new UsageError(
      `The --config file '${configPath}' is not valid YAML: ${
        (error as Error).message.split('\n')[0]
      }`,
    );
  }
  const config: DeclaredPlatformsConfig = {
    getOptional: <T>(key?: string) => valueAt(data, key) as T | undefined,
  };
  try {
    return readDeclaredPlatforms(config);
  } catch (error) {
    throw new UsageError(`${configPath}: ${(error as Error).message}`);
  }
}

/** The value at a dotted config key (`platformAdoption.platforms`). */
function valueAt(data: unknown, key: string | undefined): unknown {
  let current = data;
  for (const part of key ? key.split('.') : []) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}
