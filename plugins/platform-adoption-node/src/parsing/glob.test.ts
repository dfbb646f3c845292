import { matchesAnyGlob } from './glob';

describe('matchesAnyGlob', () => {
  it.each([
    ['main.tf', '**/*.tf', true],
    ['infra/prod/main.tf', '**/*.tf', true],
    ['infra/prod/main.tfvars', '**/*.tf', false],
    ['.github/workflows/ci.yaml', '**/*.{yaml,yml}', true],
    ['deploy/values-prod.yml', '**/*values*.{yaml,yml}', true],
    ['deploy/chart/templates/deployment.yaml', 'deploy/*.yaml', false],
    ['docker-compose.yml', '**/*compose*.yml', true],
    ['a/b/requirements-dev.txt', '**/requirements*.txt', true],
    ['Gemfile', '**/Gemfile', true],
    ['x/file?.json', '**/file[?].json', true],
  ])('%s against %s → %s', (path, glob, expected) => {
    expect(matchesAnyGlob(path, [glob])).toBe(expected);
  });
});
