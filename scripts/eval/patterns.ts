import {
  FacetDefinition,
  FacetScalar,
  REDACTED,
  UNKNOWN,
} from '@platform-adoption/plugin-platform-adoption-common';
import {
  builtinDetectors,
  detectRepository,
  DirectoryRepositoryFiles,
  loadHclParser,
} from '@platform-adoption/plugin-platform-adoption-node';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What a healthy fleet of one hosting kind looks like, learnt from real files. */
export interface HostingPattern {
  hosting: string;
  /** The value most of the fleet holds, per facet. */
  dominant: Record<string, FacetScalar>;
  /** Every value seen in the real files, per facet: the long tail to sample. */
  observed: Record<string, FacetScalar[]>;
  /** How many real deployments the pattern was learnt from. */
  sources: number;
}

const FIXTURE_NAMES: Record<string, string> = { tf: 'main.tf', yaml: 'deployment.yaml' };

/**
 * Runs the real detectors over the real MongoDB fixtures and learns, per
 * hosting kind, the dominant value and the observed values of each facet.
 * Each fixture file becomes a one-file repository, as it was in its source.
 */
export async function learnPatterns(fixturesDir: string, facets: FacetDefinition[]): Promise<HostingPattern[]> {
  if (!fs.existsSync(fixturesDir)) {
    throw new Error(
      `the real-world fixtures are not at ${fixturesDir}; the evaluation bootstraps its fleets from them (shared/fixtures beside the repository)`,
    );
  }
  await loadHclParser();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pa-eval-'));
  const byHosting = new Map<string, Array<Record<string, FacetScalar>>>();
  try {
    for (const file of fs.readdirSync(fixturesDir).sort()) {
      const ext = file.split('.').pop()!;
      const repo = path.join(work, file);
      fs.mkdirSync(repo);
      const target = file.startsWith('compose') ? 'docker-compose.yaml' : FIXTURE_NAMES[ext] ?? file;
      fs.copyFileSync(path.join(fixturesDir, file), path.join(repo, target));
      const { deployments } = detectRepository(new DirectoryRepositoryFiles(repo), builtinDetectors);
      for (const d of deployments.filter(x => x.kind === 'server' && x.platform === 'mongodb')) {
        const values: Record<string, FacetScalar> = {};
        for (const [facet, { value }] of Object.entries(d.facets)) {
          if (value !== UNKNOWN && value !== REDACTED) values[facet] = value;
        }
        const hosting = String(values.hosting ?? 'unknown');
        byHosting.set(hosting, [...(byHosting.get(hosting) ?? []), values]);
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }

  return [...byHosting.entries()]
    .filter(([, rows]) => rows.length >= 3)
    .map(([hosting, rows]) => {
      const dominant: Record<string, FacetScalar> = {};
      const observed: Record<string, FacetScalar[]> = {};
      for (const facet of facets) {
        const counts = new Map<string, { value: FacetScalar; n: number }>();
        for (const row of rows) {
          if (row[facet.id] === undefined) continue;
          const key = JSON.stringify(row[facet.id]);
          counts.set(key, { value: row[facet.id], n: (counts.get(key)?.n ?? 0) + 1 });
        }
        const ranked = [...counts.values()].sort((a, b) => b.n - a.n || JSON.stringify(a.value).localeCompare(JSON.stringify(b.value)));
        if (!ranked.length) continue;
        observed[facet.id] = ranked.map(r => r.value);
        dominant[facet.id] = healthy(facet, ranked.map(r => r.value));
      }
      return { hosting, dominant, observed, sources: rows.length };
    });
}

/**
 * The value a CoE would call the fleet's norm: the most common one, unless
 * it is one no standard accepts (no backup, no TLS, no authentication) — a
 * hobby project's default is not an enterprise pattern — then the most
 * common acceptable one, never the best of an order (that is reserved for
 * positive deviants).
 */
function healthy(facet: FacetDefinition, byFrequency: FacetScalar[]): FacetScalar {
  const tierOf = (v: FacetScalar) => facet.better?.findIndex(t => (Array.isArray(t) ? t.includes(v as string) : t === v));
  const top = facet.better && facet.better.length > 2 ? facet.better.length - 1 : undefined;
  const acceptable = byFrequency.filter(
    v => tierOf(v) !== 0 && tierOf(v) !== top && !(facet.unacceptable ?? []).includes(v as string | boolean),
  );
  if (acceptable.length) return acceptable[0];
  if (facet.better && facet.better.length > 2) {
    const tier = facet.better[1];
    return Array.isArray(tier) ? tier[0] : tier;
  }
  if (facet.kind === 'boolean' && facet.better) return facet.better[facet.better.length - 1] as FacetScalar;
  return byFrequency[0];
}
