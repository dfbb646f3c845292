/**
 * `npm run bench:detection [-- --size 10k]`
 *
 * Detection alone, in this thread: every generated repository's matching
 * files read into memory first, then the built-in detectors run over all
 * of them three times (the first round includes warming up the JIT). What a
 * scan's detection workers spend, without the catalog, the reads or the
 * database around it. Run `npm run bench` once first to generate the data.
 */
import {
  builtinDetectors,
  detectRepository,
  DirectoryRepositoryFiles,
  InMemoryRepositoryFiles,
  loadHclParser,
} from '@platform-adoption/plugin-platform-adoption-node';
import fs from 'node:fs';
import path from 'node:path';
import { dataDir } from './generator/generate';

const at = process.argv.indexOf('--size');
const size = at >= 0 ? process.argv[at + 1] : '10k';
const root = path.join(dataDir(size), 'repositories');

const globs = [...new Set(builtinDetectors.flatMap(d => d.fileGlobs))];

/** The files a scan would fetch from one repository, read into memory. */
function filesOf(dir: string) {
  return new Map(new DirectoryRepositoryFiles(dir).list(globs).map(file => [file, fs.readFileSync(path.join(dir, file))]));
}

async function main() {
  if (!fs.existsSync(root)) throw new Error(`${root} does not exist: run "npm run bench -- --size ${size}" once to generate it`);
  await loadHclParser();
  const repositories = fs.readdirSync(root).map(name => ({ name, files: filesOf(path.join(root, name)) }));
  const files = repositories.reduce((n, r) => n + r.files.size, 0);
  console.log(`${size}: ${repositories.length} repositories, ${files} files`);
  for (let round = 1; round <= 3; round++) {
    const start = performance.now();
    let deployments = 0;
    for (const { name, files: contents } of repositories) {
      deployments += detectRepository(new InMemoryRepositoryFiles(name, contents), builtinDetectors).deployments.length;
    }
    console.log(`round ${round}: ${(performance.now() - start).toFixed(0)} ms, ${deployments} deployments`);
  }
}

main().catch(error => {
  console.error(String(error?.message ?? error));
  process.exit(1);
});
