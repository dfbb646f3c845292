import { readDependencies } from './packageManifests';

const names = (path: string, text: string) =>
  readDependencies(path, text).map(d => [d.name, d.version ?? null, d.line]);

describe('readDependencies', () => {
  it('reads package.json dependencies and devDependencies with lines', () => {
    const text =
      '{\n  "dependencies": {\n    "mongoose": "^8.1.0"\n  },\n  "devDependencies": {\n    "pg": "8.11.3"\n  }\n}\n';
    expect(names('svc/package.json', text)).toEqual([
      ['mongoose', '^8.1.0', 3],
      ['pg', '8.11.3', 6],
    ]);
  });

  it('reads pom.xml dependencies, resolving version properties and ignoring comments', () => {
    const text = `<project>
  <properties>
    <mongodb.version>4.11.1</mongodb.version>
  </properties>
  <dependencies>
    <!-- <dependency><groupId>org.fake</groupId><artifactId>ghost</artifactId></dependency> -->
    <dependency>
      <groupId>org.mongodb</groupId>
      <artifactId>mongodb-driver-sync</artifactId>
      <version>\${mongodb.version}</version>
    </dependency>
    <dependency>
      <groupId>org.postgresql</groupId>
      <artifactId>postgresql</artifactId>
    </dependency>
  </dependencies>
</project>`;
    expect(names('pom.xml', text)).toEqual([
      ['org.mongodb:mongodb-driver-sync', '4.11.1', 7],
      ['org.postgresql:postgresql', null, 12],
    ]);
  });

  it('reads Gradle coordinates in Groovy and Kotlin syntax', () => {
    const text =
      "dependencies {\n  implementation 'org.mongodb:mongodb-driver-sync:4.11.1'\n  runtimeOnly(\"org.postgresql:postgresql:42.7.3\")\n  implementation group: 'org.mongodb', name: 'bson', version: '4.11.1'\n}\n";
    expect(names('build.gradle.kts', text)).toEqual([
      ['org.mongodb:mongodb-driver-sync', '4.11.1', 2],
      ['org.postgresql:postgresql', '42.7.3', 3],
      ['org.mongodb:bson', '4.11.1', 4],
    ]);
  });

  it('reads requirements.txt with extras, comments and options', () => {
    const text =
      '# db\n-r base.txt\npymongo==4.6.1\npsycopg[binary]>=3.1  # driver\nAsyncPG\n';
    expect(names('requirements.txt', text)).toEqual([
      ['pymongo', '==4.6.1', 3],
      ['psycopg', '>=3.1', 4],
      ['asyncpg', null, 5],
    ]);
  });

  it('reads pyproject.toml PEP 621 and Poetry dependencies', () => {
    const text =
      '[project]\nname = "x"\ndependencies = [\n  "uvicorn[standard]~=0.32.0",\n  "motor>=3.3",\n  "requests",\n]\n\n[tool.poetry.dependencies]\npython = "^3.11"\nPsycopg2-Binary = "^2.9"\nasyncpg = { version = "0.29.0" }\n';
    expect(names('pyproject.toml', text)).toEqual([
      ['uvicorn', '~=0.32.0', 4],
      ['motor', '>=3.3', 5],
      ['requests', null, 6],
      ['psycopg2-binary', '^2.9', 11],
      ['asyncpg', '0.29.0', 12],
    ]);
  });

  it('reads go.mod require lines and blocks, skipping indirect ones', () => {
    const text =
      'module x\n\nrequire go.mongodb.org/mongo-driver v1.13.1\n\nrequire (\n\tgithub.com/jackc/pgx/v5 v5.5.0\n\tgithub.com/lib/pq v1.10.9 // indirect\n)\n';
    expect(names('go.mod', text)).toEqual([
      ['go.mongodb.org/mongo-driver', 'v1.13.1', 3],
      ['github.com/jackc/pgx/v5', 'v5.5.0', 6],
    ]);
  });

  it('reads Gemfile gems', () => {
    expect(
      names(
        'Gemfile',
        "source 'https://rubygems.org'\ngem 'mongoid', '~> 9.0'\ngem \"pg\"\n",
      ),
    ).toEqual([
      ['mongoid', '~> 9.0', 2],
      ['pg', null, 3],
    ]);
  });
});
