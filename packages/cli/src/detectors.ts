import {
  PlatformDetector,
  builtinDetectors,
  loadHclParser,
} from '@platform-adoption/plugin-platform-adoption-node';
import { UsageError } from './args';

/**
 * The detectors a scan runs, ready to use: the built-in platforms, plus (one
 * day) the custom platforms an app-config declares.
 */
export async function detectorsFor(options: {
  configPath?: string;
}): Promise<PlatformDetector[]> {
  const custom = customDetectorsFromConfig(options.configPath);
  // Terraform files are parsed with a WebAssembly grammar that must load once
  // before detection, which is synchronous.
  await loadHclParser();
  return [...builtinDetectors, ...custom];
}

/**
 * Custom platforms from `platformAdoption` in an app-config (globs plus paths
 * into the parsed document), so a customer can track its own vendor.
 * This is where they plug in; until then `--config` is refused rather than
 * silently ignored, so nobody mistakes a partial scan for a full one.
 */
function customDetectorsFromConfig(
  configPath: string | undefined,
): PlatformDetector[] {
  if (configPath !== undefined) {
    throw new UsageError(
      `Option '--config' is not supported yet: custom platforms from '${configPath}' cannot be read, scan without it for the built-in platforms`,
    );
  }
  return [];
}
