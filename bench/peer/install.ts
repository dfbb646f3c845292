/**
 * Installs the peer of the benchmark — the community Tech Insights backend
 * (its built-in entityOwnershipFactRetriever) — for the benchmark only:
 * the published tarballs are fetched with `npm pack` and unpacked into
 * bench/.data/peer/node_modules, never into the monorepo's workspaces.
 * Their dependencies (luxon, lodash, p-limit, @backstage/*…) resolve from
 * the monorepo's node_modules; the bench backend finds the packages through
 * NODE_PATH.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const PEER_PACKAGES: Record<string, string> = {
  '@backstage-community/plugin-tech-insights-backend': '3.1.0',
  '@backstage-community/plugin-tech-insights-node': '2.9.0',
  '@backstage-community/plugin-tech-insights-common': '0.11.0',
};

export const PEER_NODE_MODULES = path.resolve(__dirname, '..', '.data', 'peer', 'node_modules');

export function peerInstalled(): boolean {
  return Object.entries(PEER_PACKAGES).every(([name, version]) => {
    try {
      return JSON.parse(fs.readFileSync(path.join(PEER_NODE_MODULES, name, 'package.json'), 'utf8')).version === version;
    } catch {
      return false;
    }
  });
}

export function installPeer(): { ok: boolean; message: string } {
  if (peerInstalled()) return { ok: true, message: 'already installed' };
  const tarballs = path.resolve(PEER_NODE_MODULES, '..', 'tarballs');
  fs.mkdirSync(tarballs, { recursive: true });
  try {
    for (const [name, version] of Object.entries(PEER_PACKAGES)) {
      const out = execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', tarballs, '--silent'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim().split('\n').pop()!;
      const target = path.join(PEER_NODE_MODULES, name);
      fs.rmSync(target, { recursive: true, force: true });
      fs.mkdirSync(target, { recursive: true });
      execFileSync('tar', ['xzf', path.join(tarballs, out), '-C', target, '--strip-components=1']);
    }
    return { ok: true, message: `installed ${Object.keys(PEER_PACKAGES).join(', ')}` };
  } catch (error) {
    return { ok: false, message: `could not install the Tech Insights peer: ${(error as Error).message}` };
  }
}

if (require.main === module) {
  console.log(installPeer().message);
}
