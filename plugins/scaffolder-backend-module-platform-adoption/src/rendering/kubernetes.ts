import { FormRenderInput } from './types';

/**
 * Metadata every rendered Kubernetes object carries: the namespace named
 * after the component, and labels stating the environment (which the
 * detectors read before the namespace) and the reference it came from.
 */
export function kubernetesMetadata(input: FormRenderInput, name: string) {
  return {
    name,
    namespace: input.request.name,
    labels: {
      environment: input.request.environment,
      'app.kubernetes.io/part-of': input.request.name,
      'app.kubernetes.io/managed-by': 'platform-adoption-golden-path',
      // Label values cannot hold "@": mongodb@3 is written mongodb-v3.
      'platform-adoption.io/reference': input.referenceTag.replace('@', '-v'),
    },
  };
}
