/**
 * `npm run eval`: measures the snowflake analysis against planted ground
 * truth on synthetic fleets bootstrapped from the real MongoDB fixtures,
 * side by side with the plain attribute-value-frequency baseline. Prints a
 * table, writes scripts/eval/results.json, and exits non-zero when a target
 * is missed at N ≥ 20.
 */
import {
  analyzePlatform,
  attributeValueFrequency,
} from '@platform-adoption/plugin-platform-adoption-common';
import { mongodbPlatform } from '@platform-adoption/plugin-platform-adoption-node';
import fs from 'node:fs';
import path from 'node:path';
import { generateFleet, SyntheticFleet } from './fleet';
import { measure, Metrics, Ranking } from './metrics';
import { learnPatterns } from './patterns';
import { seededRandom } from './random';

const SIZES = [5, 10, 20, 50, 200, 1000, 5000];
const TARGETS: Partial<Record<keyof Metrics, { min?: number; max?: number }>> = {
  precisionAtK: { min: 0.9 },
  recallAtK: { min: 0.9 },
  hitAt3: { min: 0.95 },
  decoyFalsePositiveRate: { max: 0.05 },
  exemplarPrecision: { min: 0.9 },
};
const repo = path.resolve(__dirname, '..', '..');
const fixtures = path.resolve(repo, '..', 'shared', 'fixtures', 'real-world', 'mongodb');

function ours(fleet: SyntheticFleet): Ranking {
  const result = analyzePlatform({ platform: mongodbPlatform, deployments: fleet.deployments });
  const snowflakes = result.findings.filter(f => f.kind === 'snowflake');
  const order = fleet.deployments
    .map(d => d.id)
    .sort((a, b) => (result.scores[b] ?? 0) - (result.scores[a] ?? 0) || a.localeCompare(b));
  return {
    order,
    flagged: new Set(result.findings.filter(f => f.kind !== 'positive-deviant').flatMap(f => f.deploymentIds ?? [f.deploymentId])),
    exemplars: new Set(result.findings.filter(f => f.kind === 'positive-deviant').map(f => f.deploymentId)),
    explanation: id => snowflakes.find(f => f.deploymentId === id)?.reasons.map(r => r.facet) ?? [],
  };
}

/**
 * The baseline flags its top k (it has no threshold of its own) and, since
 * it cannot tell better from worse, offers the next most unusual
 * deployments as exemplars; it explains by the rarest values.
 */
function baseline(fleet: SyntheticFleet): Ranking {
  const facets = mongodbPlatform.facets.filter(f => !f.context);
  const scores = attributeValueFrequency(fleet.deployments, facets);
  const order = fleet.deployments.map(d => d.id).sort((a, b) => scores[b] - scores[a] || a.localeCompare(b));
  const k = fleet.plants.filter(p => p.kind !== 'decoy' && p.kind !== 'exemplar').length;
  const e = fleet.plants.filter(p => p.kind === 'exemplar').length;
  const byId = new Map(fleet.deployments.map(d => [d.id, d]));
  const frequency = (facet: string, value: unknown) =>
    fleet.deployments.filter(d => JSON.stringify(d.facets[facet]) === JSON.stringify(value)).length;
  return {
    order,
    flagged: new Set(order.slice(0, k)),
    exemplars: new Set(order.slice(k, k + e)),
    explanation: id => {
      const d = byId.get(id)!;
      return facets
        .filter(f => d.facets[f.id] !== undefined)
        .map(f => ({ facet: f.id, n: frequency(f.id, d.facets[f.id]) }))
        .sort((a, b) => a.n - b.n || a.facet.localeCompare(b.facet))
        .map(x => x.facet);
    },
  };
}

function mean(rows: Metrics[]): Metrics {
  const keys = Object.keys(rows[0]) as Array<keyof Metrics>;
  return Object.fromEntries(keys.map(k => [k, rows.reduce((s, r) => s + r[k], 0) / rows.length])) as unknown as Metrics;
}

const fmt = (n: number) => n.toFixed(2);

async function main() {
  const sizes = process.argv.includes('--quick') ? [5, 20, 200] : SIZES;
  const patterns = await learnPatterns(fixtures, mongodbPlatform.facets);
  console.log(
    `Patterns learnt from ${patterns.reduce((s, p) => s + p.sources, 0)} real MongoDB deployments: ` +
      patterns.map(p => `${p.hosting} (${p.sources})`).join(', '),
  );
  const results: Array<{ size: number; seeds: number; ours: Metrics; baseline: Metrics }> = [];
  for (const size of sizes) {
    const seeds = size <= 200 ? 5 : size <= 1000 ? 2 : 1;
    const runs = Array.from({ length: seeds }, (_, s) => generateFleet(size, patterns, seededRandom(1000 * size + s)));
    results.push({
      size,
      seeds,
      ours: mean(runs.map(f => measure(ours(f), f.plants))),
      baseline: mean(runs.map(f => measure(baseline(f), f.plants))),
    });
  }

  const header = ['N', 'method', 'P@k', 'R@k', 'AP', 'hit@3', 'decoy FPR', 'exemplar P'];
  const lines = [header.join(' | ')];
  for (const r of results) {
    for (const [name, m] of [['ours', r.ours], ['AVF baseline', r.baseline]] as const) {
      lines.push(
        [r.size, name, fmt(m.precisionAtK), fmt(m.recallAtK), fmt(m.averagePrecision), fmt(m.hitAt3), fmt(m.decoyFalsePositiveRate), fmt(m.exemplarPrecision)].join(' | '),
      );
    }
  }
  console.log(lines.map(l => `| ${l} |`).join('\n'));

  const misses: string[] = [];
  for (const r of results.filter(x => x.size >= 20)) {
    for (const [metric, target] of Object.entries(TARGETS) as Array<[keyof Metrics, { min?: number; max?: number }]>) {
      const value = r.ours[metric];
      if (target.min !== undefined && value < target.min) misses.push(`N=${r.size} ${metric} ${fmt(value)} < ${target.min}`);
      if (target.max !== undefined && value > target.max) misses.push(`N=${r.size} ${metric} ${fmt(value)} > ${target.max}`);
      const base = r.baseline[metric];
      const better = metric === 'decoyFalsePositiveRate' ? value <= base : value >= base;
      if (!better) misses.push(`N=${r.size} ${metric}: ours ${fmt(value)} is worse than the baseline's ${fmt(base)}`);
    }
  }
  const out = path.join(__dirname, 'results.json');
  fs.writeFileSync(out, `${JSON.stringify({ sizes, results }, null, 2)}\n`);
  console.log(`results written to ${path.relative(repo, out)}`);
  if (misses.length) {
    console.error(`targets missed:\n  ${misses.join('\n  ')}`);
    process.exit(1);
  }
  console.log('every target met at N >= 20, and better than the baseline on every metric');
}

main().catch(error => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
