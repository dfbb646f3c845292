import {
  platformAdoptionPermissions,
  platformAdoptionReadPermission,
} from './permissions';

describe('permissions', () => {
  it('are named under the plugin id, as policies match on the name', () => {
    for (const permission of platformAdoptionPermissions) {
      expect(permission.name).toMatch(/^platform-adoption\.[a-z.-]+$/);
    }
  });

  it('have unique names', () => {
    const names = platformAdoptionPermissions.map(p => p.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('lets reading be told apart from managing', () => {
    expect(platformAdoptionReadPermission.attributes.action).toBe('read');
  });
});
