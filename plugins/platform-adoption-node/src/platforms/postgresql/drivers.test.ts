import { detectFiles, facetValues } from '../../testing/detect';
import { postgresqlDetector } from './detector';

describe('PostgreSQL drivers', () => {
  it('reports each driver of each manifest as a client deployment', () => {
    const result = detectFiles(
      {
        'package.json':
          '{"dependencies": {"pg": "^8.11.3", "pg-promise": "11.5.4", "postgres": "3.4.3", "pg-format": "1.0.4"}}',
        'pom.xml':
          '<project><dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.3</version></dependency></dependencies></project>',
        'requirements.txt': 'psycopg2-binary>=2.9\nasyncpg==0.29.0\n',
        'go.mod':
          'module x\nrequire (\n  github.com/jackc/pgx/v5 v5.5.5\n  github.com/lib/pq v1.10.9\n)\n',
        Gemfile: "gem 'pg', '~> 1.5'\n",
      },
      [postgresqlDetector],
    );
    expect(result.deployments.every(d => d.kind === 'client')).toBe(true);
    expect(
      Object.fromEntries(
        result.deployments.map(d => [
          d.key,
          [facetValues(d).client, facetValues(d).clientVersion],
        ]),
      ),
    ).toEqual({
      'package.json#pg': ['pg', '8.11.3'],
      'package.json#pg-promise': ['pg-promise', '11.5.4'],
      'package.json#postgres': ['postgres', '3.4.3'],
      'pom.xml#org.postgresql:postgresql': [
        'org.postgresql:postgresql',
        '42.7.3',
      ],
      'requirements.txt#psycopg2-binary': ['psycopg2-binary', '2.9'],
      'requirements.txt#asyncpg': ['asyncpg', '0.29.0'],
      'go.mod#github.com/jackc/pgx/v5': ['github.com/jackc/pgx/v5', '5.5.5'],
      'go.mod#github.com/lib/pq': ['github.com/lib/pq', '1.10.9'],
      'Gemfile#pg': ['pg', '1.5'],
    });
  });
});
