import { rollups } from '../../__testUtils__/fixtures';
import { buildOrgTree, expandableRefs, matchingRefs } from './orgTree';

describe('buildOrgTree', () => {
  it('nests the units that run the platform under their parents, largest first', () => {
    const roots = buildOrgTree(rollups.orgUnits, rollups.items);
    expect(roots.map(r => r.title)).toEqual(['Fernhill Bank']);
    const departments = roots[0].children;
    expect(departments.map(d => [d.title, d.rollup.deployments])).toEqual([
      ['Data & Analytics', 3],
      ['Digital', 3],
    ]);
    expect(departments[1].children.map(t => t.title)).toEqual(['Digital Channels', 'Branch Experience']);
  });

  it('leaves out units without figures and the whole-company rollup', () => {
    const refs = expandableRefs(buildOrgTree(rollups.orgUnits, rollups.items));
    expect(refs).not.toContain('group:default/treasury');
    expect(refs).not.toContain('*');
  });

  it('hangs a unit under its nearest ancestor with figures', () => {
    const roots = buildOrgTree(
      rollups.orgUnits,
      rollups.items.filter(r => r.orgRef !== 'group:default/digital'),
    );
    expect(roots[0].children.map(c => c.title)).toEqual([
      'Data & Analytics',
      'Digital Channels',
      'Branch Experience',
    ]);
  });

  it('sorts siblings by the chosen column', () => {
    const roots = buildOrgTree(rollups.orgUnits, rollups.items, 'title', 'asc');
    expect(roots[0].children[1].children.map(t => t.title)).toEqual(['Branch Experience', 'Digital Channels']);
  });

  it('finds a team together with its ancestors', () => {
    const roots = buildOrgTree(rollups.orgUnits, rollups.items);
    expect([...matchingRefs(roots, 'branch')].sort()).toEqual([
      'group:default/branch-experience',
      'group:default/digital',
      'group:default/fernhill',
    ]);
  });
});
