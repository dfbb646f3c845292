import { evidenceLabel, evidenceUrl, repositoryUrl } from './links';

describe('evidence links', () => {
  const repository = 'https://git.fernhill.example/orders-service/';

  it('links a file and line in the repository', () => {
    expect(evidenceUrl({ kind: 'file', path: 'terraform/main.tf', line: 12 }, repository)).toBe(
      'https://git.fernhill.example/orders-service/terraform/main.tf#L12',
    );
    expect(evidenceUrl({ kind: 'file', path: '/values.yaml' }, 'url:https://git.example/x')).toBe(
      'https://git.example/x/values.yaml',
    );
  });

  it('prefers the URL the detector knew', () => {
    expect(
      evidenceUrl({ kind: 'file', path: 'a.tf', line: 1, url: 'https://github.com/o/r/blob/main/a.tf#L1' }, repository),
    ).toBe('https://github.com/o/r/blob/main/a.tf#L1');
  });

  it('has no link for entity fields or non-web repositories', () => {
    expect(evidenceUrl({ kind: 'entity', entityRef: 'resource:default/db', field: 'spec.type' }, repository)).toBeUndefined();
    expect(evidenceUrl({ kind: 'file', path: 'a.tf' }, undefined)).toBeUndefined();
    expect(evidenceUrl({ kind: 'file', path: 'a.tf' }, 'file:/tmp/repo')).toBeUndefined();
    expect(repositoryUrl('url:https://git.example/x/')).toBe('https://git.example/x/');
  });

  it('labels evidence as file:line or entity field', () => {
    expect(evidenceLabel({ kind: 'file', path: 'main.tf', line: 3 })).toBe('main.tf:3');
    expect(evidenceLabel({ kind: 'file', path: 'main.tf' })).toBe('main.tf');
    expect(evidenceLabel({ kind: 'entity', entityRef: 'resource:default/db', field: 'spec.type' })).toBe(
      'resource:default/db (spec.type)',
    );
  });
});
