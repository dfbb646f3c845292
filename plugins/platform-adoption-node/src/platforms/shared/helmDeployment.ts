import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';
import { setEnvironment } from './environmentHints';
import { HelmDeploymentSource } from './helmSources';

/**
 * A deployment installed by a Helm chart (a Flux HelmRelease or values
 * files), with hosting, provisioning, the files it is read from and the
 * environment its release's labels, namespace or file names state.
 */
export function helmDeployment(
  platform: string,
  source: HelmDeploymentSource,
): DeploymentBuilder {
  const builder = new DeploymentBuilder(
    platform,
    'server',
    source.key,
    source.name,
    source.path,
  );
  const origin = fileEvidence(
    source.path,
    source.line,
    `${
      source.form === 'helm-release' ? 'HelmRelease of' : 'values for'
    } chart ${source.chart}`,
  );
  builder.set('hosting', 'kubernetes', origin);
  builder.set('provisioning', 'helm', origin);
  source.files.forEach(file => builder.addFile(file));
  setEnvironment(builder, source.environmentHints, source.path);
  return builder;
}
