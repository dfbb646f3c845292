import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { detectFiles, facetValues } from '../../testing/detect';
import { mongodbDetector } from './detector';

describe('MongoDB drivers', () => {
  it('reports each driver of each manifest as a client deployment', () => {
    const result = detectFiles(
      {
        'web/package.json':
          '{\n  "dependencies": {\n    "mongoose": "^8.1.0",\n    "mongodb-memory-server": "9.0.0"\n  },\n  "devDependencies": {\n    "mongodb": "latest"\n  }\n}\n',
        'api/pom.xml':
          '<project><dependencies>\n<dependency>\n<groupId>org.mongodb</groupId><artifactId>mongodb-driver-sync</artifactId><version>4.11.1</version>\n</dependency>\n<dependency><groupId>org.mongodb</groupId><artifactId>bson</artifactId></dependency>\n</dependencies></project>',
        'worker/requirements.txt': 'motor>=3.3,<4\n',
        'svc/go.mod':
          'module x\nrequire go.mongodb.org/mongo-driver/v2 v2.0.0\n',
        'rails/Gemfile': "gem 'mongoid', '~> 9.0'\n",
        'other/build.gradle':
          "implementation 'org.mongodb:mongodb-driver-kotlin-coroutine:5.0.0'\n",
      },
      [mongodbDetector],
    );
    const clients = Object.fromEntries(
      result.deployments.map(d => [d.key, { kind: d.kind, ...facetValues(d) }]),
    );
    expect(clients).toEqual({
      'web/package.json#mongoose': {
        kind: 'client',
        client: 'mongoose',
        clientVersion: '8.1.0',
      },
      'web/package.json#mongodb': {
        kind: 'client',
        client: 'mongodb',
        clientVersion: UNKNOWN,
      },
      'api/pom.xml#org.mongodb:mongodb-driver-sync': {
        kind: 'client',
        client: 'org.mongodb:mongodb-driver-sync',
        clientVersion: '4.11.1',
      },
      'worker/requirements.txt#motor': {
        kind: 'client',
        client: 'motor',
        clientVersion: '3.3',
      },
      'svc/go.mod#go.mongodb.org/mongo-driver/v2': {
        kind: 'client',
        client: 'go.mongodb.org/mongo-driver/v2',
        clientVersion: '2.0.0',
      },
      'rails/Gemfile#mongoid': {
        kind: 'client',
        client: 'mongoid',
        clientVersion: '9.0',
      },
      'other/build.gradle#org.mongodb:mongodb-driver-kotlin-coroutine': {
        kind: 'client',
        client: 'org.mongodb:mongodb-driver-kotlin-coroutine',
        clientVersion: '5.0.0',
      },
    });
    expect(
      result.deployments.find(d => d.key === 'web/package.json#mongoose')!
        .facets.clientVersion.evidence,
    ).toEqual({
      kind: 'file',
      path: 'web/package.json',
      line: 3,
      note: 'declared ^8.1.0',
    });
  });
});
