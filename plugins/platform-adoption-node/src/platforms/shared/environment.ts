import { DeploymentEnvironment } from '@platform-adoption/plugin-platform-adoption-common';

/**
 * Words teams use for their environments, per normalised environment.
 * Matched as whole tokens so `product-catalog` is not "prod" and
 * `latest` is not "test".
 */
const TOKENS: Record<string, DeploymentEnvironment> = {
  prod: 'production',
  production: 'production',
  prd: 'production',
  live: 'production',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  preprod: 'staging',
  preproduction: 'staging',
  uat: 'staging',
  dev: 'development',
  develop: 'development',
  development: 'development',
  local: 'development',
  sandbox: 'development',
  test: 'test',
  testing: 'test',
  tst: 'test',
  qa: 'test',
  ci: 'test',
};

/**
 * The environment a single name states (`prod`, `payments-staging`,
 * `values-dev`), or undefined when it states none or several.
 */
export function environmentFromName(
  name: string | undefined,
): DeploymentEnvironment | undefined {
  if (!name) return undefined;
  const tokens = name
    .toLowerCase()
    // `pre-prod` is staging, not a production token after a `pre` one.
    .replace(/pre[-_. ]prod(uction)?/g, 'preprod')
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const found = new Set(tokens.map(token => TOKENS[token]).filter(Boolean));
  return found.size === 1 ? [...found][0] : undefined;
}

/**
 * The environment a file's location states, nearest first: the file name
 * (`values-prod.yaml`), then its folders upwards (`envs/staging/main.tf`).
 */
export function environmentFromPath(
  path: string,
): { value: DeploymentEnvironment; from: string } | undefined {
  const segments = path.split('/');
  const fileName = segments.pop() ?? '';
  const stem = fileName.replace(/\.(ya?ml|json|tf|tfvars|toml)$/i, '');
  for (const segment of [stem, ...segments.reverse()]) {
    const value = environmentFromName(segment);
    if (value) return { value, from: segment };
  }
  return undefined;
}

/** Label and tag keys that state an environment. */
export const ENVIRONMENT_KEYS = [
  'environment',
  'env',
  'stage',
  'tier',
  'app.kubernetes.io/environment',
  'Environment',
  'Env',
  'Stage',
];
