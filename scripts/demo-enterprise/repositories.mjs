// The repository behind every component: a README, a package manifest and,
// where the estate says so, the database configuration a scanner must read.
import { manifestFor } from './manifests.mjs';
import { EMAIL_DOMAIN, TEAM_TITLES } from './org.mjs';

function startCommand(c, manifest) {
  if (c.stack === 'node')
    return c.type === 'library'
      ? 'npm install\nnpm test'
      : 'npm install\nnpm run dev';
  if (c.stack === 'java')
    return c.type === 'service' ? './mvnw spring-boot:run' : './mvnw verify';
  if (c.stack === 'go')
    return c.type === 'service' ? `go run ./cmd/${c.name}` : 'go test ./...';
  const install =
    manifest.path === 'pyproject.toml'
      ? "pip install -e '.[dev]'"
      : 'pip install -r requirements.txt';
  return c.type === 'service'
    ? `${install}\nuvicorn app.main:app --reload`
    : `${install}\npytest`;
}

const FORM_WORDS = {
  terraform: 'Terraform',
  helm: 'Helm values',
  flux: 'Flux manifests',
  kubernetes: 'Kubernetes manifests',
  'docker-compose': 'Docker Compose',
};

function layoutLines(deployments) {
  const seen = new Map();
  for (const d of deployments) {
    const words = FORM_WORDS[d.form.split(':')[0]];
    for (const f of d.files) {
      const dir = f.includes('/') ? `${f.slice(0, f.lastIndexOf('/'))}/` : f;
      if (!seen.has(dir)) seen.set(dir, `${words} (${d.environment})`);
    }
  }
  return [...seen].map(([dir, text]) => `- \`${dir}\`: ${text}`);
}

function readme(c, systemTitle, manifest, deployments) {
  const lines = [
    `# ${c.name}`,
    '',
    c.description,
    '',
    `- Owner: ${TEAM_TITLES[c.owner]} (${c.owner}@${EMAIL_DOMAIN})`,
    `- System: ${systemTitle}`,
    `- Lifecycle: ${c.lifecycle}`,
    '',
    '## Getting started',
    '',
    '```sh',
    startCommand(c, manifest),
    '```',
  ];
  if (deployments.length)
    lines.push('', '## Layout', '', ...layoutLines(deployments));
  return lines.join('\n') + '\n';
}

/** All files of all repositories, keyed by path relative to examples/repositories. */
export function repositoryFiles(components, estate, systemTitles) {
  const files = {};
  const secrets = [];
  for (const c of components) {
    const rec = estate.repos.get(c.name);
    const drivers = (rec?.drivers ?? []).map(d => [d.package, d.version]);
    const manifest = manifestFor(c, drivers);
    const put = (path, content) => {
      const key = `${c.name}/${path}`;
      if (key in files)
        throw new Error(`demo-enterprise: ${key} written twice`);
      files[key] = content;
    };
    put(
      'README.md',
      readme(c, systemTitles[c.system], manifest, rec?.deployments ?? []),
    );
    put(manifest.path, manifest.content);
    for (const [path, content] of Object.entries({
      ...rec?.files,
      ...rec?.extraFiles,
    }))
      put(path, content);
    for (const s of rec?.secrets ?? [])
      secrets.push({ file: `${c.name}/${s.path}`, value: s.value });
    if (rec) rec.manifest = manifest.path;
  }
  return { files, secrets };
}
