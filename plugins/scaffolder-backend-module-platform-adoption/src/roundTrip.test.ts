import { createMockDirectory } from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import {
  conformanceOf,
  Deployment,
  REFERENCE_ANNOTATION,
  ReferenceArchitectureVersion,
  SOURCE_TEMPLATE_ANNOTATION,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  builtinDetectors,
  detectRepository,
  DirectoryRepositoryFiles,
  loadHclParser,
} from '@platform-adoption/plugin-platform-adoption-node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { createRenderAction } from './actions/render';
import { rendererFor } from './renderers';
import { resolveRendering } from './rendering/plan';
import { GoldenPathEnvironment } from './rendering/types';
import {
  kafkaReference,
  mongodbAtlasStrictReference,
  mongodbFleetReference,
  mongodbKubernetesReference,
  postgresqlFleetReference,
  postgresqlRdsReference,
  redisReference,
  vaultReference,
} from './testing/references';

/*
 * The golden path's promise: what the template renders conforms by
 * construction. Each case renders a reference with the action, scans the
 * files with the built-in detectors exactly as the backend does, and checks
 * the one deployment found against the same reference.
 */

interface RoundTripCase {
  title: string;
  reference: ReferenceArchitectureVersion;
  variant?: string;
  form?: string;
  expectedForm: string;
  environment: GoldenPathEnvironment;
  region?: string;
  size?: string;
}

const CASES: Record<string, RoundTripCase[]> = {
  mongodb: [
    {
      title: 'the fleet-derived reference on Atlas',
      reference: mongodbFleetReference,
      expectedForm: 'atlas-terraform',
      environment: 'production',
    },
    {
      title: 'the sharded variant on Atlas',
      reference: mongodbFleetReference,
      variant: 'sharded',
      expectedForm: 'atlas-terraform',
      environment: 'production',
      size: 'M50',
    },
    {
      title:
        'a reference requiring Datadog, IAM and x509 users and an allowed region',
      reference: mongodbAtlasStrictReference,
      expectedForm: 'atlas-terraform',
      environment: 'staging',
      region: 'EU_WEST_1',
    },
    {
      title: 'a Kubernetes reference on the Community operator',
      reference: mongodbKubernetesReference,
      expectedForm: 'community-operator',
      environment: 'development',
    },
    {
      title: 'its Ops Manager variant on the Enterprise operator',
      reference: mongodbKubernetesReference,
      variant: 'ops-manager',
      expectedForm: 'enterprise-operator',
      environment: 'production',
    },
    {
      title: 'the Enterprise operator chosen for the base',
      reference: mongodbKubernetesReference,
      form: 'enterprise-operator',
      expectedForm: 'enterprise-operator',
      environment: 'staging',
    },
  ],
  postgresql: [
    {
      title: 'the fleet-derived reference on CloudNativePG',
      reference: postgresqlFleetReference,
      expectedForm: 'cloudnative-pg',
      environment: 'production',
    },
    {
      title: 'its client-certificate variant',
      reference: postgresqlFleetReference,
      variant: 'client-certificates',
      expectedForm: 'cloudnative-pg',
      environment: 'staging',
    },
    {
      title: 'an RDS reference',
      reference: postgresqlRdsReference,
      expectedForm: 'rds-terraform',
      environment: 'production',
      size: 'db.r6g.xlarge',
      region: 'eu-west-1',
    },
    {
      title: 'its read-scaling variant with read replicas',
      reference: postgresqlRdsReference,
      variant: 'read-scaling',
      expectedForm: 'rds-terraform',
      environment: 'development',
    },
  ],
  kafka: [
    {
      title: 'a Strimzi reference',
      reference: kafkaReference,
      expectedForm: 'strimzi',
      environment: 'production',
    },
    {
      title: 'its MSK variant',
      reference: kafkaReference,
      variant: 'msk',
      expectedForm: 'msk-terraform',
      environment: 'staging',
      size: 'kafka.m7g.xlarge',
    },
  ],
  redis: [
    {
      title: 'a Valkey on ElastiCache reference',
      reference: redisReference,
      expectedForm: 'elasticache-terraform',
      environment: 'production',
      region: 'eu-west-1',
    },
    {
      title: 'its cluster-mode variant',
      reference: redisReference,
      variant: 'sharded',
      expectedForm: 'elasticache-terraform',
      environment: 'development',
    },
  ],
  vault: [
    {
      title: 'a Vault on Kubernetes reference',
      reference: vaultReference,
      expectedForm: 'vault-helm',
      environment: 'production',
    },
    {
      title: 'its machine-login variant',
      reference: vaultReference,
      variant: 'batch',
      expectedForm: 'vault-helm',
      environment: 'staging',
    },
  ],
};

const platforms = builtinDetectors.map(d => d.platform.id);

describe('golden path round trip: render, scan, conform', () => {
  beforeAll(async () => {
    await loadHclParser();
  });

  it.each(platforms)(
    'has a renderer and round-trip cases for the built-in platform %s',
    platform => {
      expect(rendererFor(platform)).toBeDefined();
      expect(CASES[platform]?.length ?? 0).toBeGreaterThan(0);
    },
  );

  const cases = platforms.flatMap(platform =>
    (CASES[platform] ?? []).map(c => [platform, c.title, c] as const),
  );

  it.each(cases)(
    '%s: %s conforms 100% when scanned',
    async (platform, _title, testCase) => {
      const { reference, variant = 'base', environment } = testCase;
      const renderer = rendererFor(platform)!;
      const detector = builtinDetectors.find(d => d.platform.id === platform)!;
      const name = 'orders-store';
      const repoUrl = `https://git.example.com/${name}/`;
      const workspace = createMockDirectory().resolve('workspace');
      const templateRef = `template:default/${platform}-golden-path`;

      const ctx = createMockActionContext({
        input: {
          platform,
          referenceVersion: reference.version,
          reference: reference as any,
          name,
          owner: 'group:default/customer-insights',
          system: 'system:default/customer-data',
          environment,
          variant,
          ...(testCase.form ? { form: testCase.form } : {}),
          ...(testCase.region ? { region: testCase.region } : {}),
          ...(testCase.size ? { size: testCase.size } : {}),
          repoUrl,
        },
        workspacePath: workspace,
        templateInfo: { entityRef: templateRef },
      });
      await createRenderAction().handler(ctx);
      expect(ctx.output).toHaveBeenCalledWith('form', testCase.expectedForm);

      // Scan the rendered repository as the backend does.
      const { deployments, problems } = detectRepository(
        new DirectoryRepositoryFiles(workspace, { repository: name }),
        builtinDetectors,
      );
      expect(problems).toEqual([]);
      const servers = deployments.filter(d => d.kind === 'server');
      expect(servers.map(s => s.platform)).toEqual([platform]);
      const detected = servers[0];

      const deployment: Deployment = {
        ...detected,
        id: 'rendered',
        entityRef: `component:default/${name}`,
        repository: repoUrl,
        environment,
      };
      const conformance = conformanceOf(
        deployment,
        reference,
        detector.platform,
        [],
      );
      expect(conformance.differences).toEqual([]);
      expect(conformance.conforming).toBe(true);
      // A rendered variant conforms to that variant, not to the base.
      expect(conformance.variant ?? 'base').toBe(variant);

      // The files state exactly the values the renderer chose, environment included.
      const { values } = resolveRendering(
        renderer,
        reference,
        {
          name,
          owner: 'group:default/customer-insights',
          environment,
          region: testCase.region,
          size: testCase.size,
        },
        { variant, form: testCase.form },
      );
      const found = Object.fromEntries(
        Object.entries(detected.facets).map(([k, v]) => [k, v.value]),
      );
      expect(found).toMatchObject({ ...values, environment });

      // catalog-info.yaml declares the deployment the way the scanner recognises it.
      const [component, resource] = parseAllDocuments(
        readFileSync(join(workspace, 'catalog-info.yaml'), 'utf8'),
      ).map(d => d.toJS());
      expect(component.kind).toBe('Component');
      expect(component.metadata.annotations).toMatchObject({
        'backstage.io/source-location': `url:${repoUrl}`,
        [REFERENCE_ANNOTATION]: `${platform}@${reference.version}`,
        [SOURCE_TEMPLATE_ANNOTATION]: templateRef,
      });
      expect(component.spec.dependsOn).toEqual([
        `resource:${resource.metadata.name}`,
      ]);
      expect(resource.kind).toBe('Resource');
      const signals = detector.entitySignals;
      const declares =
        (signals.resourceTypes ?? []).includes(resource.spec.type) ||
        (signals.tags ?? []).some(t => resource.metadata.tags.includes(t));
      expect(declares).toBe(true);
    },
  );
});
