import { ComposeService } from '../../parsing/compose';
import { DeploymentBuilder, fileEvidence } from './deploymentBuilder';
import { setEnvironment } from './environmentHints';
import { imageNamed, setVersionFromImage } from './imageVersion';

/**
 * A deployment declared by a Compose service, with hosting, provisioning,
 * the version its image pins and the environment set. Compose files are
 * taken as development unless their name or folder says otherwise: that is
 * what teams use them for.
 */
export function composeDeployment(
  platform: string,
  path: string,
  service: ComposeService,
): DeploymentBuilder {
  const builder = new DeploymentBuilder(
    platform,
    'server',
    `${path}#${service.name}`,
    service.name,
    path,
  );
  const origin = fileEvidence(
    path,
    service.line,
    `compose service ${service.name}`,
  );
  builder.set('hosting', 'docker', origin);
  builder.set('provisioning', 'compose', origin);
  if (service.image)
    setVersionFromImage(builder, { value: service.image, path });
  setEnvironment(builder, [], path, {
    value: 'development',
    note: 'Compose files are taken as development unless their name or folder says otherwise',
  });
  return builder;
}

/**
 * Sets `monitoring` from an exporter service beside the server in the same
 * Compose file (`prometheus`), else `none`.
 */
export function setExporterServiceMonitoring(
  builder: DeploymentBuilder,
  path: string,
  server: ComposeService,
  services: ComposeService[],
  exporterImages: string[],
): void {
  const exporter = services.find(other =>
    imageNamed(other.image, exporterImages),
  );
  if (exporter)
    builder.set(
      'monitoring',
      'prometheus',
      fileEvidence(path, exporter.line, `exporter service ${exporter.name}`),
    );
  else
    builder.set(
      'monitoring',
      'none',
      fileEvidence(path, server.line, 'no exporter service'),
    );
}
