import { AnalysisDeployment, FacetScalar, parseVersion } from '@platform-adoption/plugin-platform-adoption-common';
import { HostingPattern } from './patterns';
import { Random } from './random';

export type PlantKind = 'critical-flip' | 'version-behind' | 'pair-rule' | 'decoy' | 'exemplar';

export interface Plant {
  id: string;
  kind: PlantKind;
  /** The facet that was changed: what a good explanation names first. */
  facet: string;
}

export interface SyntheticFleet {
  size: number;
  deployments: AnalysisDeployment[];
  plants: Plant[];
}

/** Facets that legitimately vary between healthy deployments. */
const VARYING = ['region', 'instanceSize', 'provider'];
const CRITICAL: Array<{ facet: string; value: FacetScalar }> = [
  { facet: 'backup', value: 'none' },
  { facet: 'tls', value: false },
  { facet: 'authentication', value: 'none' },
];
/** Monitoring follows the cloud provider: the pair rule a fleet mines. */
const MONITORING_BY_PROVIDER: Record<string, string> = { aws: 'datadog', gcp: 'prometheus', azure: 'prometheus' };

const EXTRA_REGIONS = ['sa-east-1', 'ap-northeast-2', 'me-central-1', 'af-south-1'];
const EXTRA_SIZES = ['M60', 'M80', 'M140'];

function olderMajor(version: FacetScalar | undefined): string {
  const v = parseVersion(version ?? '7.0') ?? { major: 7 };
  return `${Math.max(1, v.major - 2)}.${v.minor ?? 0}`;
}

/**
 * A fleet of `size` MongoDB deployments shaped like the real ones: mostly
 * the dominant pattern of their hosting, legitimately varying facets drawn
 * from what the real files hold, and planted snowflakes (a critical facet
 * flipped, a version two majors behind, a pair-rule violation), decoys that
 * differ only where variation is legitimate, and positive deviants.
 */
export function generateFleet(size: number, patterns: HostingPattern[], random: Random): SyntheticFleet {
  const atlas = patterns.find(p => p.hosting === 'atlas') ?? patterns[0];
  const others = patterns.filter(p => p !== atlas);
  const plants: Plant[] = [];
  const deployments: AnalysisDeployment[] = [];
  // About 8% snowflakes, growing like √N in large fleets: a thousand
  // identical violations are a sub-pattern of their own, not snowflakes.
  const snowflakes = Math.max(1, Math.round(Math.min(size * 0.08, 3 * Math.sqrt(size))));
  const decoys = Math.max(1, Math.round(size * 0.08));
  const exemplars = Math.max(1, Math.round(size * 0.04));
  let teamCounter = 0;

  const normal = (index: number): AnalysisDeployment => {
    const pattern = others.length && size >= 20 && index % 4 === 3 ? random.pick(others) : atlas;
    const facets: Record<string, FacetScalar> = { ...pattern.dominant, environment: 'production' };
    for (const facet of VARYING) {
      const values = pattern.observed[facet];
      if (values?.length) facets[facet] = random.pick(values);
    }
    if (pattern === atlas && typeof facets.provider === 'string') {
      facets.monitoring = MONITORING_BY_PROVIDER[facets.provider] ?? facets.monitoring;
    }
    const version = parseVersion(facets.version);
    if (version) facets.version = `${version.major}.${version.minor ?? 0}.${random.int(0, 20)}`;
    return { id: `d${String(index).padStart(5, '0')}`, teamRef: '', facets };
  };

  for (let i = 0; i < size; i++) deployments.push(normal(i));

  // Ordinary deployments share teams of one to four; planted ones get a team
  // each, so a plant is never absorbed into a team convention by accident.
  const order = random.shuffle(deployments.map((_, i) => i));
  const plantedIndexes = order.slice(0, snowflakes + decoys + exemplars);
  const planted = new Set(plantedIndexes);
  let remaining = 0;
  for (let i = 0; i < deployments.length; i++) {
    if (planted.has(i)) continue;
    if (remaining === 0) {
      teamCounter += 1;
      remaining = random.int(1, 4);
    }
    deployments[i].teamRef = `group:default/team-${teamCounter}`;
    remaining -= 1;
  }

  plantedIndexes.forEach((index, n) => {
    const d = deployments[index];
    teamCounter += 1;
    d.teamRef = `group:default/team-${teamCounter}`;
    if (n < snowflakes) {
      const kind: PlantKind = (['critical-flip', 'version-behind', 'pair-rule'] as const)[n % 3];
      if (kind === 'critical-flip') {
        const flip = CRITICAL[Math.floor(n / 3) % CRITICAL.length];
        d.facets[flip.facet] = flip.value;
        plants.push({ id: d.id, kind, facet: flip.facet });
      } else if (kind === 'version-behind') {
        d.facets.version = olderMajor(d.facets.version);
        plants.push({ id: d.id, kind, facet: 'version' });
      } else {
        // Monitored the way another provider's clusters are: common overall,
        // wrong for its own provider, so only the mined rule can tell.
        const provider = (['aws', 'gcp', 'azure'] as const)[Math.floor(n / 3) % 3];
        d.facets = {
          ...atlas.dominant,
          environment: 'production',
          region: d.facets.region ?? atlas.dominant.region,
          provider,
          monitoring: provider === 'aws' ? 'prometheus' : 'datadog',
        };
        plants.push({ id: d.id, kind, facet: 'monitoring' });
      }
    } else if (n < snowflakes + decoys) {
      d.facets.region = random.pick(EXTRA_REGIONS);
      if (d.facets.instanceSize !== undefined) d.facets.instanceSize = random.pick(EXTRA_SIZES);
      plants.push({ id: d.id, kind: 'decoy', facet: 'region' });
    } else {
      d.facets.backup = 'continuous';
      plants.push({ id: d.id, kind: 'exemplar', facet: 'backup' });
    }
  });

  return { size, deployments, plants };
}
