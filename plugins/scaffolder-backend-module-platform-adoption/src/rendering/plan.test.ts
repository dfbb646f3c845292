import { mongodbRenderer } from '../renderers/mongodb';
import { postgresqlRenderer } from '../renderers/postgresql';
import {
  mongodbFleetReference,
  mongodbKubernetesReference,
  postgresqlDerivedReference,
  postgresqlRdsReference,
} from '../testing/references';
import { planGoldenPath, resolveRendering } from './plan';

describe('planGoldenPath', () => {
  it('offers what the fleet-derived MongoDB reference leaves open: variant and region, on Atlas', () => {
    const plan = planGoldenPath(mongodbRenderer, mongodbFleetReference);
    expect(plan).toMatchObject({
      platform: 'mongodb',
      variants: [
        { id: 'base', title: 'Base (no variant)' },
        { id: 'sharded', title: 'Sharded, for tick data' },
      ],
      forms: [{ id: 'atlas-terraform', title: 'MongoDB Atlas (Terraform)' }],
      defaultForm: 'atlas-terraform',
      region: { title: 'Region', default: 'eu-west-2' },
      problems: [],
      resource: { type: 'database', tags: ['mongodb'] },
    });
    // The reference fixes the tier at M30: nothing to ask.
    expect(plan.size).toBeUndefined();
  });

  it('offers both operators for a Kubernetes reference, and no region', () => {
    const plan = planGoldenPath(mongodbRenderer, mongodbKubernetesReference);
    expect(plan.forms.map(f => f.id)).toEqual([
      'community-operator',
      'enterprise-operator',
    ]);
    expect(plan.defaultForm).toBe('community-operator');
    expect(plan.variants.map(v => v.id)).toEqual(['base', 'ops-manager']);
    expect(plan.region).toBeUndefined();
    expect(plan.size).toBeUndefined();
  });

  it('turns a oneOf on the size into a list', () => {
    const plan = planGoldenPath(postgresqlRenderer, postgresqlRdsReference);
    expect(plan.size).toMatchObject({
      enum: ['db.r6g.large', 'db.r6g.xlarge'],
      default: 'db.r6g.large',
    });
    expect(plan.region).toMatchObject({ default: 'eu-west-2' });
    expect(plan.region?.enum).toBeUndefined();
  });

  it('says why a reference cannot be rendered at all', () => {
    const plan = planGoldenPath(postgresqlRenderer, postgresqlDerivedReference);
    expect(plan.forms).toEqual([]);
    expect(plan.problems).toEqual([
      expect.stringContaining(
        'the base: CloudNativePG operator (Kubernetes) does not state storage encrypted',
      ),
    ]);
  });
});

describe('resolveRendering', () => {
  const request = {
    name: 'orders',
    owner: 'group:default/a',
    environment: 'production' as const,
  };

  it('takes the best of the values a oneOf allows, then the lower bound of a version range', () => {
    const { values } = resolveRendering(
      mongodbRenderer,
      mongodbFleetReference,
      request,
    );
    expect(values).toMatchObject({
      backup: 'continuous',
      version: '7.0',
      authentication: 'scram',
      replicas: 3,
    });
  });

  it('sizes by environment when the reference leaves the size open', () => {
    const open = {
      ...mongodbFleetReference,
      facets: { ...mongodbFleetReference.facets },
    };
    delete (open.facets as Record<string, unknown>).instanceSize;
    expect(
      resolveRendering(mongodbRenderer, open, request).values.instanceSize,
    ).toBe('M30');
    expect(
      resolveRendering(mongodbRenderer, open, {
        ...request,
        environment: 'development',
      }).values.instanceSize,
    ).toBe('M10');
    expect(
      resolveRendering(mongodbRenderer, open, { ...request, size: 'm60' })
        .values.instanceSize,
    ).toBe('M60');
  });
});
