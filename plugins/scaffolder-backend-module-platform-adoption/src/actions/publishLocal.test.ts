import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createPublishLocalAction } from './publishLocal';

describe('platform-adoption:publish-local', () => {
  const repositories = createMockDirectory();
  const workspace = createMockDirectory();
  const config = mockServices.rootConfig({
    data: {
      platformAdoption: {
        localRepositories: [
          { baseUrl: 'https://git.fernhill.example', root: repositories.path },
        ],
      },
    },
  });
  const action = createPublishLocalAction({ config });
  const contextFor = (input: Record<string, unknown>) =>
    createMockActionContext({
      input: input as any,
      workspacePath: workspace.path,
    });

  beforeEach(() => {
    repositories.clear();
    workspace.setContent({
      'catalog-info.yaml': 'kind: Component\n',
      'infra/atlas/main.tf': 'resource "x" "y" {}\n',
      '.git/HEAD': 'ref: refs/heads/main\n',
    });
  });

  it('copies the workspace into a new folder and outputs its URLs', async () => {
    const ctx = contextFor({ name: 'orders-store' });
    await action.handler(ctx);
    const target = join(repositories.path, 'orders-store');
    expect(readFileSync(join(target, 'infra/atlas/main.tf'), 'utf8')).toContain(
      'resource',
    );
    expect(existsSync(join(target, '.git'))).toBe(false);
    expect(ctx.output).toHaveBeenCalledWith(
      'remoteUrl',
      'https://git.fernhill.example/orders-store/',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'repoContentsUrl',
      'https://git.fernhill.example/orders-store/',
    );
    expect(ctx.output).toHaveBeenCalledWith(
      'catalogInfoUrl',
      'https://git.fernhill.example/orders-store/catalog-info.yaml',
    );
  });

  it('never overwrites a repository that exists', async () => {
    repositories.setContent({ 'orders-store/README.md': 'theirs\n' });
    await expect(
      action.handler(contextFor({ name: 'orders-store' })),
    ).rejects.toThrow(
      'a repository named orders-store already exists at https://git.fernhill.example/orders-store/; choose another name',
    );
    expect(
      readFileSync(join(repositories.path, 'orders-store/README.md'), 'utf8'),
    ).toBe('theirs\n');
  });

  it.each([
    ['team/orders', 'must not contain a slash'],
    ['..', 'must not contain ".."'],
    ['../escape', 'must not contain a slash'],
    ['orders..old', 'must not contain ".."'],
    ['Orders', 'must be lower-case letters'],
  ])('refuses the name %p', async (name, message) => {
    await expect(action.handler(contextFor({ name }))).rejects.toThrow(message);
    expect(repositories.content()).toEqual({});
  });

  it('refuses a source path outside the workspace', async () => {
    await expect(
      action.handler(
        contextFor({ name: 'orders-store', sourcePath: '../elsewhere' }),
      ),
    ).rejects.toThrow('is outside the workspace');
  });

  it('explains that it needs the local repositories configured', async () => {
    const unconfigured = createPublishLocalAction({
      config: mockServices.rootConfig({ data: {} }),
    });
    await expect(
      unconfigured.handler(contextFor({ name: 'orders-store' })),
    ).rejects.toThrow(
      'platformAdoption.localRepositories[0], which is not configured',
    );
  });
});
