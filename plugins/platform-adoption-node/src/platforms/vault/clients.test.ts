import { detectFiles, facetValues } from '../../testing/detect';
import { vaultDetector } from './detector';

describe('Vault client libraries', () => {
  it('finds the clients of every ecosystem', () => {
    const result = detectFiles(
      {
        'api/package.json': JSON.stringify({
          dependencies: { 'node-vault': '^0.10.2' },
        }),
        'jobs/requirements.txt': 'hvac==2.3.0\n',
        'svc/go.mod':
          'module example.com/svc\n\nrequire github.com/hashicorp/vault/api v1.14.0\n',
        'app/pom.xml': `<project><dependencies>
  <dependency>
    <groupId>org.springframework.cloud</groupId>
    <artifactId>spring-cloud-starter-vault-config</artifactId>
    <version>4.1.3</version>
  </dependency>
  <dependency>
    <groupId>org.springframework.vault</groupId>
    <artifactId>spring-vault-core</artifactId>
    <version>3.1.2</version>
  </dependency>
</dependencies></project>
`,
      },
      [vaultDetector],
    );
    expect(
      result.deployments.map(d => [
        d.files[0],
        facetValues(d).client,
        facetValues(d).clientVersion,
      ]),
    ).toEqual([
      ['api/package.json', 'node-vault', '0.10.2'],
      [
        'app/pom.xml',
        'org.springframework.cloud:spring-cloud-starter-vault-config',
        '4.1.3',
      ],
      ['app/pom.xml', 'org.springframework.vault:spring-vault-core', '3.1.2'],
      ['jobs/requirements.txt', 'hvac', '2.3.0'],
      ['svc/go.mod', 'github.com/hashicorp/vault/api', '1.14.0'],
    ]);
  });
});
