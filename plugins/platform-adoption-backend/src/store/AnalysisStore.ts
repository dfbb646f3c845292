import {
  codePointOrder,
  Finding,
  OrgRollup,
  PlatformSummary,
} from '@platform-adoption/plugin-platform-adoption-common';
import { Knex } from 'knex';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';

const gzip = promisify(zlib.gzip);
const gunzip = promisify(zlib.gunzip);

export type StoredFinding = Finding & { platform: string };

export interface FindingQuery {
  platform?: string;
  kind?: Finding['kind'];
  teamRefs?: string[];
  deploymentIds?: string[];
}

/** What one analysis document holds, by its kind. */
interface Documents {
  findings: StoredFinding[];
  summary: PlatformSummary;
  rollups: OrgRollup[];
}
type DocumentKind = keyof Documents;

const pack = async (value: unknown) => gzip(Buffer.from(JSON.stringify(value)), { level: 1 });
const unpack = async (body: Buffer) => JSON.parse((await gunzip(body)).toString('utf8'));

/** Ascending by a text key, in code-point order whatever the database's collation. */
const by =
  <T>(key: (value: T) => string) =>
  (a: T, b: T) =>
    codePointOrder(key(a), key(b));

/** The values of each platform, platforms in name order: as the documents are stored and read back. */
function perPlatform<T extends { platform: string }>(values: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const value of values) {
    const group = groups.get(value.platform);
    if (group) group.push(value);
    else groups.set(value.platform, [value]);
  }
  return [...groups.keys()].sort(by(platform => platform)).map(platform => groups.get(platform)!);
}

/**
 * What readers get from a generation's findings documents (in platform
 * order), built the same way by the writer and by a later reader: every
 * finding, highest score first; equal scores keep their order.
 */
const findingsOf = (documents: StoredFinding[][]) => documents.flat().sort((a, b) => b.score - a.score);
/** Likewise for rollups: by platform, then org unit. */
const rollupsOf = (documents: OrgRollup[][]) => documents.flatMap(rollups => [...rollups].sort(by(r => r.orgRef)));

/**
 * A generation's analysis never changes once written, and readers only ask
 * for completed generations, so the parsed documents of the latest few are
 * kept: the overview read and parsed about 1 MB of summaries (at 10k
 * entities) on every request just to count shadow usage.
 */
class GenerationCache<T> {
  private readonly entries = new Map<number, Promise<T>>();

  constructor(private readonly size = 2) {}

  get(generation: number, read: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(generation);
    if (!entry) {
      entry = read();
      this.entries.set(generation, entry);
      entry.catch(() => this.entries.delete(generation));
      const oldest = [...this.entries.keys()].sort((a, b) => a - b);
      while (this.entries.size > this.size) this.entries.delete(oldest.shift()!);
    }
    return entry;
  }

  /** What a writer already has in memory: the first reader need not read it back. */
  set(generation: number, value: T) {
    this.get(generation, async () => value);
  }
}

/**
 * Findings, summaries and rollups of each generation, stored as one
 * compressed document per kind and platform (see the migration
 * `20261129090000_analysis_documents`): nothing queries inside them, and
 * readers filter the parsed documents in memory.
 */
export class AnalysisStore {
  private readonly findingCache = new GenerationCache<StoredFinding[]>();
  private readonly summaryCache = new GenerationCache<PlatformSummary[]>();
  private readonly rollupCache = new GenerationCache<OrgRollup[]>();
  private readonly sources = new Map<number, number>();

  constructor(private readonly db: Knex) {}

  async write(
    generation: number,
    analysis: { findings: StoredFinding[]; summaries: PlatformSummary[]; rollups: OrgRollup[] },
  ) {
    const findings = perPlatform(analysis.findings);
    const summaries = perPlatform(analysis.summaries).flat();
    const rollups = perPlatform(analysis.rollups);
    const documents = [
      ...findings.map(value => ({ kind: 'findings', platform: value[0].platform, value })),
      ...summaries.map(value => ({ kind: 'summary', platform: value.platform, value })),
      ...rollups.map(value => ({ kind: 'rollups', platform: value[0].platform, value })),
    ];
    const rows = await Promise.all(
      documents.map(async ({ kind, platform, value }) => ({ generation, kind, platform, body: await pack(value) })),
    );
    await this.db.transaction(async tx => {
      await tx('generations').where({ generation }).update({ analysis_generation: generation });
      if (rows.length) await tx('analysis_documents').insert(rows);
    });
    this.sources.set(generation, generation);
    this.findingCache.set(generation, findingsOf(findings));
    this.summaryCache.set(generation, summaries);
    this.rollupCache.set(generation, rollupsOf(rollups));
  }

  /**
   * Gives `generation` the analysis of `from` without copying it: for a
   * generation whose analysis would be computed from exactly the same
   * inputs. Its findings, summaries and rollups are those documents (which
   * pruning keeps while a generation shares them).
   */
  async reuse(from: number, generation: number): Promise<{ findings: number }> {
    const source = await this.sourceOf(from);
    await this.db('generations').where({ generation }).update({ analysis_generation: source });
    this.sources.set(generation, source);
    return { findings: (await this.allFindings(source)).length };
  }

  /** Records what a generation's analysis was computed from (see FleetAnalyzer). */
  async setAnalysisKey(generation: number, key: string) {
    await this.db('generations').where({ generation }).update({ analysis_key: key });
  }

  async analysisKey(generation: number): Promise<string | undefined> {
    const row = await this.db('generations').where({ generation }).first('analysis_key');
    return row?.analysis_key ?? undefined;
  }

  /**
   * The generation whose analysis documents `generation` uses: its own, or
   * the one it shares. Fixed once the generation is written, so it is
   * cached; a generation the registry does not know (yet) uses its own.
   */
  private async sourceOf(generation: number): Promise<number> {
    const cached = this.sources.get(generation);
    if (cached !== undefined) return cached;
    const row = await this.db('generations').where({ generation }).first('analysis_generation');
    if (row?.analysis_generation === null || row?.analysis_generation === undefined) return generation;
    const source = Number(row.analysis_generation);
    if (this.sources.size > 64) this.sources.clear();
    this.sources.set(generation, source);
    return source;
  }

  /** The documents of one kind of a generation, in platform order. */
  private async documents<K extends DocumentKind>(source: number, kind: K): Promise<Array<Documents[K]>> {
    const rows = await this.db('analysis_documents').where({ generation: source, kind }).select('platform', 'body');
    return Promise.all(rows.sort(by(r => r.platform)).map(r => unpack(r.body)));
  }

  private allFindings(source: number): Promise<StoredFinding[]> {
    return this.findingCache.get(source, async () => findingsOf(await this.documents(source, 'findings')));
  }

  /** Most deviating first. */
  async findings(generation: number, q: FindingQuery): Promise<StoredFinding[]> {
    const all = await this.allFindings(await this.sourceOf(generation));
    const teams = q.teamRefs ? new Set(q.teamRefs) : undefined;
    const ids = q.deploymentIds ? new Set(q.deploymentIds) : undefined;
    return all.filter(
      f =>
        (!q.platform || f.platform === q.platform) &&
        (!q.kind || f.kind === q.kind) &&
        (!teams || (f.teamRef !== undefined && teams.has(f.teamRef))) &&
        (!ids || ids.has(f.deploymentId)),
    );
  }

  async summary(generation: number, platform: string): Promise<PlatformSummary | undefined> {
    return (await this.summaries(generation)).find(s => s.platform === platform);
  }

  async summaries(generation: number): Promise<PlatformSummary[]> {
    const source = await this.sourceOf(generation);
    return this.summaryCache.get(source, () => this.documents(source, 'summary'));
  }

  async rollups(generation: number, filter: { platform?: string; orgRefs?: string[] }): Promise<OrgRollup[]> {
    const source = await this.sourceOf(generation);
    const all = await this.rollupCache.get(source, async () => rollupsOf(await this.documents(source, 'rollups')));
    const orgRefs = filter.orgRefs ? new Set(filter.orgRefs) : undefined;
    return all.filter(r => (!filter.platform || r.platform === filter.platform) && (!orgRefs || orgRefs.has(r.orgRef)));
  }
}
