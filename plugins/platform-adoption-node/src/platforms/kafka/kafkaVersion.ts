import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { describeValue, isUnresolved } from '../../parsing/configValue';
import { parseImageReference } from '../../parsing/imageReference';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';
import { setVersionFromImage } from '../shared/imageVersion';
import { SourcedValue } from '../shared/sourcedValue';

/**
 * The Apache Kafka release each Confluent Platform release ships (Confluent's
 * interoperability table): `cp-kafka:7.6.1` runs Kafka 3.6, not 7.6.
 */
const CONFLUENT_PLATFORM_KAFKA: Record<string, string> = {
  '6.0': '2.6',
  '6.1': '2.7',
  '6.2': '2.8',
  '7.0': '3.0',
  '7.1': '3.1',
  '7.2': '3.2',
  '7.3': '3.3',
  '7.4': '3.4',
  '7.5': '3.5',
  '7.6': '3.6',
  '7.7': '3.7',
  '7.8': '3.8',
  '7.9': '3.9',
  '8.0': '4.0',
  '8.1': '4.1',
};

/** Confluent Platform images, whose tags are Confluent's release numbers. */
const CONFLUENT_IMAGES = ['cp-kafka', 'cp-server', 'confluent-local'];

/**
 * Sets `version` from a Kafka image: Confluent Platform tags are
 * translated to the Kafka release they ship, Strimzi's
 * `<operator>-kafka-<version>` tags give the part after `kafka-`, any
 * other image (apache/kafka, bitnami/kafka) its tag.
 */
export function setKafkaVersionFromImage(
  builder: DeploymentBuilder,
  image: SourcedValue,
): void {
  const { value, path } = image;
  const text =
    value.kind === 'scalar' &&
    typeof value.value === 'string' &&
    !isUnresolved(value)
      ? value.value
      : undefined;
  const reference = text ? parseImageReference(text) : undefined;
  if (!reference?.tag) {
    setVersionFromImage(builder, image);
    return;
  }
  const strimzi = /-kafka-(\d+(?:\.\d+){1,2})$/.exec(reference.tag);
  if (strimzi) {
    builder.set(
      'version',
      strimzi[1],
      fileEvidence(path, value.line, `Strimzi image tag ${reference.tag}`),
    );
    return;
  }
  if (CONFLUENT_IMAGES.includes(reference.name)) {
    const release = /^(\d+\.\d+)/.exec(reference.tag)?.[1];
    const kafka = release ? CONFLUENT_PLATFORM_KAFKA[release] : undefined;
    if (kafka)
      builder.set(
        'version',
        kafka,
        fileEvidence(
          path,
          value.line,
          `Confluent Platform ${reference.tag} ships Apache Kafka ${kafka}`,
        ),
      );
    else
      builder.unknown(
        'version',
        fileEvidence(
          path,
          value.line,
          release
            ? `Confluent Platform ${reference.tag}: its Kafka release is not known here`
            : `tag "${reference.tag}" does not name a version`,
        ),
      );
    return;
  }
  setVersionFromImage(builder, image);
}

/**
 * A Kafka version as a managed service writes it: MSK's `3.6.0`,
 * `3.7.x.kraft` (the latest 3.7 patch, KRaft mode) or `2.8.2.tiered` give
 * `3.6.0`, `3.7` and `2.8.2`.
 */
export function kafkaReleaseVersion(text: string): string | undefined {
  const match = /^v?(\d+\.\d+(?:\.\d+)?)(?:\.x)?(?:\.[a-z]+)*$/i.exec(
    text.trim(),
  );
  return match?.[1];
}

/** Sets `version` from a written release (`spec.kafka.version`, `kafka_version`). */
export function setKafkaRelease(
  builder: DeploymentBuilder,
  written: SourcedValue | undefined,
  fallback: { path: string; line?: number; note: string },
): void {
  if (!written) {
    builder.unknown(
      'version',
      fileEvidence(fallback.path, fallback.line, fallback.note),
    );
    return;
  }
  const { value } = written;
  const path = value.source ?? written.path;
  const text =
    value.kind === 'scalar' && value.value !== null && !isUnresolved(value)
      ? String(value.value)
      : undefined;
  const version = text ? kafkaReleaseVersion(text) : undefined;
  if (version)
    builder.set(
      'version',
      version,
      fileEvidence(
        path,
        value.line,
        [
          version !== text ? `written ${text}` : undefined,
          written.via ? `from ${written.via}` : undefined,
        ]
          .filter(Boolean)
          .join('; ') || undefined,
      ),
    );
  else
    builder.set(
      'version',
      UNKNOWN,
      fileEvidence(
        path,
        value.line,
        text
          ? `unrecognised version "${text}"`
          : `unresolved: ${describeValue(value)}`,
      ),
    );
}
