import { detectFiles, facetValues } from '../../testing/detect';
import { kafkaDetector } from './detector';

describe('Kafka client libraries', () => {
  it('finds the clients of every ecosystem with the version they start from', () => {
    const result = detectFiles(
      {
        'web/package.json': JSON.stringify({
          dependencies: { kafkajs: '^2.2.4', express: '^4.21.0' },
          optionalDependencies: { '@confluentinc/kafka-javascript': '1.2.0' },
        }),
        'ledger/pom.xml': `<project>
  <properties><kafka.version>3.7.1</kafka.version></properties>
  <dependencies>
    <dependency>
      <groupId>org.springframework.kafka</groupId>
      <artifactId>spring-kafka</artifactId>
    </dependency>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka-clients</artifactId>
      <version>\${kafka.version}</version>
    </dependency>
  </dependencies>
</project>
`,
        'scoring/requirements.txt':
          'confluent-kafka[avro]>=2.5,<3\nkafka-python==2.0.2\n',
        'router/go.mod': `module example.com/router

go 1.22

require (
	github.com/segmentio/kafka-go v0.4.47
	github.com/confluentinc/confluent-kafka-go/v2 v2.5.0
	github.com/IBM/sarama v1.43.2
	github.com/klauspost/compress v1.17.9 // indirect
)
`,
      },
      [kafkaDetector],
    );
    expect(
      result.deployments.map(d => [
        d.files[0],
        facetValues(d).client,
        facetValues(d).clientVersion,
      ]),
    ).toEqual([
      ['ledger/pom.xml', 'org.springframework.kafka:spring-kafka', 'unknown'],
      ['ledger/pom.xml', 'org.apache.kafka:kafka-clients', '3.7.1'],
      ['router/go.mod', 'github.com/segmentio/kafka-go', '0.4.47'],
      [
        'router/go.mod',
        'github.com/confluentinc/confluent-kafka-go/v2',
        '2.5.0',
      ],
      ['router/go.mod', 'github.com/IBM/sarama', '1.43.2'],
      ['scoring/requirements.txt', 'confluent-kafka', '2.5'],
      ['scoring/requirements.txt', 'kafka-python', '2.0.2'],
      ['web/package.json', 'kafkajs', '2.2.4'],
      ['web/package.json', '@confluentinc/kafka-javascript', '1.2.0'],
    ]);
    expect(result.deployments.every(d => d.kind === 'client')).toBe(true);
  });
});
