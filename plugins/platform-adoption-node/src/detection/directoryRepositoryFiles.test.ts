import fs from 'fs';
import os from 'os';
import path from 'path';
import { DirectoryRepositoryFiles } from './directoryRepositoryFiles';

describe('DirectoryRepositoryFiles', () => {
  let workspace: string;
  let root: string;

  beforeAll(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'platform-adoption-'));
    root = path.join(workspace, 'repo');
    const write = (relative: string, content: string | Buffer) => {
      const file = path.join(root, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    };
    write('deploy/values-prod.yaml', 'architecture: replicaset\n');
    write('node_modules/pkg/values.yaml', 'a: 1\n');
    write('.git/config.yaml', 'a: 1\n');
    write('vendor/chart/values.yaml', 'a: 1\n');
    write('huge.yaml', 'a'.repeat(200));
    write('image.yaml', Buffer.from([0x00, 0xff, 0x00]));
    fs.writeFileSync(
      path.join(workspace, 'secret.yaml'),
      'password: outside\n',
    );
    fs.symlinkSync(
      path.join(workspace, 'secret.yaml'),
      path.join(root, 'linked-out.yaml'),
    );
    fs.symlinkSync(workspace, path.join(root, 'linked-out-dir'));
    fs.symlinkSync(path.join(root, 'deploy'), path.join(root, 'linked-in'));
    fs.symlinkSync(root, path.join(root, 'deploy', 'loop'));
    fs.symlinkSync(
      path.join(root, 'deploy', 'values-prod.yaml'),
      path.join(root, 'prod.yaml'),
    );
  });

  afterAll(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('lists files inside the folder only (linked files inside it too, linked folders once under their own path), skipping node_modules, .git and vendor', () => {
    const files = new DirectoryRepositoryFiles(root, { repository: 'orders' });
    expect(files.repository).toBe('orders');
    expect(files.list(['**/*.yaml'])).toEqual([
      'deploy/values-prod.yaml',
      'huge.yaml',
      'image.yaml',
      'prod.yaml',
    ]);
  });

  it('never reads through a link that leaves the folder, nor a path with ..', () => {
    const files = new DirectoryRepositoryFiles(root);
    expect(() => files.text('linked-out.yaml')).toThrow(
      /links outside the repository/,
    );
    expect(() => files.text('linked-out-dir/secret.yaml')).toThrow(
      /links outside the repository/,
    );
    expect(() => files.text('../secret.yaml')).toThrow(
      /outside the repository/,
    );
    expect(files.text('linked-in/values-prod.yaml')).toBe(
      'architecture: replicaset\n',
    );
  });

  it('honours the size limit and refuses binaries', () => {
    const files = new DirectoryRepositoryFiles(root, {
      limits: { maxFileBytes: 100 },
    });
    expect(() => files.text('huge.yaml')).toThrow(
      /huge\.yaml is 200 bytes, over the 100-byte limit/,
    );
    expect(() => files.text('image.yaml')).toThrow(/image\.yaml looks binary/);
  });
});
