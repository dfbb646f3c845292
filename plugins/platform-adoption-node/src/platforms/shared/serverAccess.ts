import { FacetScalar } from '@platform-adoption/plugin-platform-adoption-common';
import { ConfigValue } from '../../parsing/configValue';
import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';

/** One access setting of a server image, with why it holds and the variable that decided it. */
export interface AccessSetting<T extends FacetScalar> {
  value: T;
  because: string;
  /** The environment variable that decided it, when one did. */
  key?: string;
}

/** What a server image's environment and command line say about who may connect, and how. */
export interface ServerAccessSettings {
  authentication: AccessSetting<FacetScalar>;
  tls: AccessSetting<boolean>;
}

/**
 * Sets `authentication` and `tls` from a container's or Compose service's
 * settings. Each points at the environment variable that decided it, or at
 * the server itself when a flag or the image's default did.
 */
export function setServerAccess(
  builder: DeploymentBuilder,
  path: string,
  settings: ServerAccessSettings,
  environment: Map<string, ConfigValue | undefined>,
  serverLine: number | undefined,
): void {
  const lineOf = (key?: string) =>
    (key ? environment.get(key)?.line : undefined) ?? serverLine;
  for (const facet of ['authentication', 'tls'] as const) {
    const setting = settings[facet];
    builder.set(
      facet,
      setting.value,
      fileEvidence(path, lineOf(setting.key), setting.because),
    );
  }
}
