/**
 * Sanity check of the generator against the real detectors: runs
 * detectRepository over a sample of generated repositories and prints, per
 * format, how many deployments were found and the facet values seen.
 * `node --require @backstage/cli/config/nodeTransform.cjs bench/generator/check.ts --size 10k`
 */
import {
  builtinDetectors,
  detectRepository,
  DirectoryRepositoryFiles,
  loadHclParser,
} from '@platform-adoption/plugin-platform-adoption-node';
import path from 'node:path';
import { dataDir, benchPlatforms } from './generate';
import { buildEnterprise } from './model';

async function main() {
  await loadHclParser();
  const at = process.argv.indexOf('--size');
  const size = at > 0 ? process.argv[at + 1] : '10k';
  const e = buildEnterprise(size, benchPlatforms());
  const byFormat = new Map<string, { planned: number; found: number; facets: Map<string, Map<string, number>> }>();
  const sample = e.components.filter(c => c.deployment).slice(0, 400);
  let problems = 0;
  for (const c of sample) {
    const files = new DirectoryRepositoryFiles(path.join(dataDir(size), 'repositories', c.name));
    const result = detectRepository(files, builtinDetectors);
    problems += result.problems.length;
    const f = c.deployment!.format;
    const entry = byFormat.get(f) ?? { planned: 0, found: 0, facets: new Map() };
    entry.planned += 1;
    for (const d of result.deployments.filter(d => d.kind === 'server' && d.platform === c.deployment!.platform)) {
      entry.found += 1;
      for (const [facet, v] of Object.entries(d.facets)) {
        const m = entry.facets.get(facet) ?? new Map();
        const key = String(v.value);
        m.set(key, (m.get(key) ?? 0) + 1);
        entry.facets.set(facet, m);
      }
    }
    byFormat.set(f, entry);
  }
  for (const [f, { planned, found, facets }] of byFormat) {
    console.log(`${f}: planned ${planned}, server deployments found ${found}`);
    for (const [facet, m] of facets) {
      console.log(`   ${facet}: ${[...m].sort((a, b) => b[1] - a[1]).slice(0, 5).map(([v, n]) => `${v}×${n}`).join(' ')}`);
    }
  }
  console.log(`problems: ${problems}`);
}
main();
