import { mongodb, proposal, referenceV2 } from '../../__testUtils__/fixtures';
import {
  contentOf,
  editorStateOf,
  meetingFilters,
  parseRequirement,
  requirableFacets,
  requirementText,
} from './referenceEditing';

const facet = (id: string) => mongodb.facets.find(f => f.id === id);

describe('reference editing', () => {
  it('reads values by the facet’s kind', () => {
    expect(parseRequirement('equals', ' true ', facet('tls'))).toEqual({ requirement: { equals: true } });
    expect(parseRequirement('equals', 'yes', facet('tls'))).toEqual({ error: 'Enter true or false' });
    expect(parseRequirement('oneOf', 'snapshot, continuous,snapshot', facet('backup'))).toEqual({
      requirement: { oneOf: ['snapshot', 'continuous'] },
    });
    expect(parseRequirement('oneOf', ' , ', facet('backup'))).toEqual({ error: 'Enter values separated by commas' });
    expect(parseRequirement('equals', 'unknown', facet('backup')).error).toMatch(/cannot be required/);
    expect(parseRequirement('equals', '3', { id: 'replicas', title: 'Replicas', kind: 'numeric', weight: 1 })).toEqual({
      requirement: { equals: 3 },
    });
  });

  it('accepts version ranges the backend accepts, and only those', () => {
    expect(parseRequirement('versionRange', '>=15   <17', facet('version'))).toEqual({
      requirement: { versionRange: '>=15 <17' },
    });
    expect(parseRequirement('versionRange', 'latest', facet('version')).error).toMatch(/Comparators/);
  });

  it('goes from content to the editor and back unchanged', () => {
    const state = editorStateOf(referenceV2);
    expect(state.facets.map(r => [r.facet, r.kind, r.text])).toEqual([
      ['version', 'versionRange', '>=7'],
      ['backup', 'oneOf', 'snapshot, continuous'],
      ['tls', 'equals', 'true'],
    ]);
    const { content, errors } = contentOf(state, mongodb.facets);
    expect(errors).toEqual({});
    const { platform, version, publishedAt, publishedBy, ...expected } = referenceV2;
    expect(content).toEqual(expected);
    expect(requirementText({ oneOf: [true, false] })).toBe('true, false');
  });

  it('names every field that keeps the content from being saved', () => {
    const state = editorStateOf(proposal.content);
    state.title = ' ';
    state.ownerRef = 'coe';
    state.facets[0].text = 'seven';
    state.facets.push({ ...state.facets[1], key: 'dup' });
    state.variants.push({ key: 'v', id: 'bad id', title: '', description: '', facets: [] });
    state.practices.push({ kind: 'backup', title: '', url: 'wiki' });
    const { content, errors } = contentOf(state, mongodb.facets);
    expect(content).toBeUndefined();
    expect(errors).toEqual({
      title: 'Give the reference a title',
      ownerRef: 'A group ref, e.g. group:default/coe',
      [`facet:${state.facets[0].key}`]: 'Comparators such as >=7.0 or >=15 <17',
      'facet:dup': 'Backup is required twice',
      'variant:v:id': 'A short id: letters, digits, - _ .',
      'variant:v:title': 'Give the variant a title',
      'practice:0:title': 'Give the practice a title',
      'practice:0:url': 'A link starting with https://',
    });
  });

  it('never offers context facets', () => {
    expect(requirableFacets(mongodb.facets).map(f => f.id)).not.toContain('hosting');
  });

  it('links a requirement to the deployments meeting it, version ranges by release line', () => {
    expect(meetingFilters('backup', { oneOf: ['snapshot', 'continuous'] }, undefined)).toEqual([
      { facet: 'backup', value: 'snapshot' },
      { facet: 'backup', value: 'continuous' },
    ]);
    const bars = ['7.0', '6.0', '8.0', 'unknown'].map(value => ({ value, count: 1, deploymentIds: [] }));
    expect(meetingFilters('version', { versionRange: '>=7' }, bars)).toEqual([
      { facet: 'version', value: '7.0' },
      { facet: 'version', value: '8.0' },
    ]);
  });
});
