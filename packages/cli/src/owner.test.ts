import { declaredOwnerOf } from './owner';

describe('declaredOwnerOf', () => {
  it('takes spec.owner of the first entity that declares one', () => {
    const catalogInfo = `apiVersion: backstage.io/v1alpha1
kind: Location
metadata:
  name: payments-ledger-docs
spec:
  targets: [./docs/catalog-info.yaml]
---
apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: payments-ledger
spec:
  type: service
  owner: group:default/team-payments
---
apiVersion: backstage.io/v1alpha1
kind: Resource
metadata:
  name: ledger-db
spec:
  type: database
  owner: team-dba
`;
    expect(declaredOwnerOf(catalogInfo)).toBe('group:default/team-payments');
  });

  it('finds no owner when no entity declares one', () => {
    expect(
      declaredOwnerOf(
        'kind: Component\nmetadata:\n  name: x\nspec:\n  type: service\n',
      ),
    ).toBeUndefined();
  });

  it('says which file is broken when it is not YAML', () => {
    expect(() => declaredOwnerOf('spec: {owner: [team-payments\n')).toThrow(
      /catalog-info.yaml is not valid YAML .*; the folder name is used as owner/,
    );
  });
});
