import { PlatformDefinition } from '@platform-adoption/plugin-platform-adoption-common';
import {
  authenticationFacet,
  CLIENT_FACETS,
  ENVIRONMENT_FACET,
  HOSTING_FACET,
  MONITORING_FACET,
  PROVISIONING_FACET,
  REGION_FACET,
  REQUIRED_TLS_FACET,
  sizeFacet,
  VERSION_FACET,
} from '../shared/facetDefinitions';

/** @public */
export const KAFKA_PLATFORM_ID = 'kafka';

/**
 * Apache Kafka as Platform Adoption tracks it: Strimzi clusters, Amazon
 * MSK, Confluent Cloud, Bitnami's chart, Compose, and the client libraries
 * applications use.
 *
 * @public
 */
export const kafkaPlatform: PlatformDefinition = {
  id: KAFKA_PLATFORM_ID,
  title: 'Apache Kafka',
  vendor: 'Apache Software Foundation',
  description:
    'Event streaming: Strimzi, Amazon MSK, Confluent Cloud and self-hosted Kafka.',
  facets: [
    VERSION_FACET,
    HOSTING_FACET,
    ENVIRONMENT_FACET,
    {
      id: 'mode',
      title: 'Metadata mode',
      kind: 'nominal',
      weight: 0.6,
      // ZooKeeper mode is deprecated and gone from Kafka 4.0.
      better: ['zookeeper', 'kraft'],
      description: 'kraft (KRaft controllers) or zookeeper.',
    },
    {
      id: 'brokers',
      title: 'Brokers',
      kind: 'numeric',
      weight: 0.4,
      description: 'Nodes that serve clients (combined-role nodes included).',
    },
    {
      id: 'storage',
      title: 'Storage',
      kind: 'nominal',
      weight: 0.5,
      better: ['ephemeral', 'persistent'],
      description:
        'persistent (volumes that outlive the broker) or ephemeral (lost with the pod or container).',
    },
    {
      id: 'availability',
      title: 'Availability',
      kind: 'ordinal',
      weight: 0.5,
      better: ['single-zone', 'multi-zone'],
      description:
        'multi-zone when brokers are spread over availability zones (MSK subnets, Confluent MULTI_ZONE, Strimzi rack awareness).',
    },
    MONITORING_FACET,
    authenticationFacet(
      // Anonymous < passwords in the clear (SASL/PLAIN) < salted secrets a
      // client keeps (SCRAM, API keys) < identities nothing shared can leak
      // (certificates, cloud IAM, OAuth tokens).
      [
        'none',
        ['password', 'kerberos', 'custom'],
        ['scram', 'api-key'],
        ['x509', 'iam', 'oauth'],
      ],
      'What a client must present on every listener: none when any listener takes anonymous clients, else the methods (scram, x509 for mutual TLS, iam, oauth, password for SASL/PLAIN, api-key) joined with "+".',
    ),
    {
      ...REQUIRED_TLS_FACET,
      description:
        'Whether clients can only connect over TLS (every listener).',
    },
    REGION_FACET,
    sizeFacet(
      'instanceSize',
      'The managed service size: MSK broker instance type, Confluent cluster type.',
    ),
    PROVISIONING_FACET,
    ...CLIENT_FACETS,
  ],
};
