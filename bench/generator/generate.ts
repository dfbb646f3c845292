/**
 * `node --require @backstage/cli/config/nodeTransform.cjs bench/generator/generate.ts --size 10k`
 *
 * Writes the synthetic enterprise of one size to bench/.data/<size>/
 * (catalog/*.yaml, repositories/<component>/, state.json). Deterministic:
 * the same size and the same built-in detectors give the same files.
 */
import { builtinDetectors } from '@platform-adoption/plugin-platform-adoption-node';
import path from 'node:path';
import { buildEnterprise, Platform } from './model';
import { writeEnterprise } from './write';

const SUPPORTED: Platform[] = ['postgresql', 'mongodb', 'kafka', 'redis', 'vault'];

/** The platforms the generator writes: the built-in ones it has formats for. */
export function benchPlatforms(): Platform[] {
  const builtin = new Set(builtinDetectors.map(d => d.platform.id));
  return SUPPORTED.filter(p => builtin.has(p));
}

export function dataDir(size: string) {
  return path.resolve(__dirname, '..', '.data', size);
}

export function generate(size: string) {
  const started = Date.now();
  const enterprise = buildEnterprise(size, benchPlatforms());
  const state = writeEnterprise(dataDir(size), enterprise);
  return { enterprise, state, ms: Date.now() - started };
}

if (require.main === module) {
  const at = process.argv.indexOf('--size');
  const size = at > 0 ? process.argv[at + 1] : '10k';
  const { state, ms } = generate(size);
  console.log(
    `generated ${state.entities} entities in ${state.catalogFiles.length} files, ` +
      `${state.repositories} repositories, ${state.deployments} planned deployments ` +
      `(${state.platforms.join(', ')}) into ${dataDir(size)} in ${ms} ms`,
  );
}
