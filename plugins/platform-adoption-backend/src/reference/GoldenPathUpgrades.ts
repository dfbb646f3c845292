import {
  Deployment,
  diffReferences,
  ReferenceArchitectureVersion,
} from '@platform-adoption/plugin-platform-adoption-common';
import { ReferenceStore } from '../store/ReferenceStore';

/**
 * "Upgrade available": a deployment created from an older version of the
 * golden path learns which version is current and what changed since.
 */
export class GoldenPathUpgrades {
  constructor(private readonly deps: { references: ReferenceStore }) {}

  async upgradeFor(deployment: Deployment, standard: ReferenceArchitectureVersion | undefined) {
    const from = deployment.goldenPath?.referenceVersion;
    if (!standard || from === undefined || deployment.goldenPath?.platform !== deployment.platform) return null;
    if (from >= standard.version) return null;
    const old = await this.deps.references.getVersion(deployment.platform, from);
    return {
      from,
      to: standard.version,
      changes: old ? diffReferences(old, standard) : [],
    };
  }
}
