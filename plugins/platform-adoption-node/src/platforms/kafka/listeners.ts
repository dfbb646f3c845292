import { UNKNOWN } from '@platform-adoption/plugin-platform-adoption-common';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';

/**
 * One listener clients connect to, however it was declared (a Strimzi
 * listener, a Bitnami `listeners.client`, a `KAFKA_LISTENERS` entry, a
 * managed service's settings), reduced to what the facets need.
 */
export interface KafkaListener {
  name: string;
  /** Whether the listener encrypts; undefined when the files cannot say. */
  tls: boolean | undefined;
  /**
   * What a client must present: `none`, or a method (`scram`, `x509`,
   * `oauth`, `password`, `iam`…) or several joined with `+`; `unknown`
   * when unresolved.
   */
  authentication: string;
  path: string;
  line?: number;
  /** Why, when the value is implied (a default) rather than written. */
  note?: string;
}

/** SASL mechanisms by the authentication value they give. */
const SASL_MECHANISMS: Record<string, string> = {
  PLAIN: 'password',
  'SCRAM-SHA-256': 'scram',
  'SCRAM-SHA-512': 'scram',
  OAUTHBEARER: 'oauth',
  GSSAPI: 'kerberos',
  AWS_MSK_IAM: 'iam',
};

/**
 * The authentication SASL mechanisms give (`PLAIN,SCRAM-SHA-512` →
 * `password+scram`): a client may pick any enabled mechanism, so each
 * counts.
 */
export function saslAuthentication(mechanisms: string): string {
  const methods = mechanisms
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(m => SASL_MECHANISMS[m.toUpperCase()] ?? 'custom');
  return methods.length ? [...new Set(methods)].sort().join('+') : UNKNOWN;
}

/**
 * Sets `tls` and `authentication` from the listeners clients connect to.
 * Kafka is only as safe as its weakest listener: one plain-text listener
 * makes `tls` false, one anonymous listener makes `authentication` none;
 * the evidence names that listener.
 */
export function setListenerFacets(
  builder: DeploymentBuilder,
  listeners: KafkaListener[],
  origin: { path: string; line?: number },
): void {
  if (listeners.length === 0) {
    const evidence = fileEvidence(origin.path, origin.line, 'no listeners');
    builder.unknown('tls', evidence);
    builder.unknown('authentication', evidence);
    return;
  }
  const describe = (listener: KafkaListener, what: string) =>
    fileEvidence(
      listener.path,
      listener.line,
      [`listener ${listener.name} ${what}`, listener.note]
        .filter(Boolean)
        .join('; '),
    );

  const plain = listeners.find(l => l.tls === false);
  const undecided = listeners.find(l => l.tls === undefined);
  if (plain) builder.set('tls', false, describe(plain, 'is plain text'));
  else if (undecided)
    builder.unknown('tls', describe(undecided, 'TLS unresolved'));
  else
    builder.set(
      'tls',
      true,
      describe(
        listeners[0],
        listeners.length > 1
          ? `and the other ${listeners.length - 1} use TLS`
          : 'uses TLS',
      ),
    );

  const anonymous = listeners.find(l => l.authentication === 'none');
  const unresolved = listeners.find(l => l.authentication === UNKNOWN);
  if (anonymous)
    builder.set(
      'authentication',
      'none',
      describe(anonymous, 'takes anonymous clients'),
    );
  else if (unresolved)
    builder.unknown(
      'authentication',
      describe(unresolved, 'authentication unresolved'),
    );
  else {
    const methods = [
      ...new Set(listeners.flatMap(l => l.authentication.split('+'))),
    ].sort();
    builder.set(
      'authentication',
      methods.join('+'),
      describe(
        listeners[0],
        `authenticates with ${listeners[0].authentication}`,
      ),
    );
  }
}

/**
 * A listener declared by its security protocol (`SASL_SSL`, `SSL`,
 * `PLAINTEXT`, `SASL_PLAINTEXT`), as Kafka's own configuration and
 * Bitnami's chart write it. `mechanisms` are the SASL mechanisms enabled;
 * `clientAuth` is `ssl.client.auth` (`required` makes SSL listeners
 * authenticate clients by certificate).
 */
export function listenerFromProtocol(
  listener: Omit<KafkaListener, 'tls' | 'authentication'> & {
    protocol: string;
    mechanisms: string;
    clientAuth?: string;
  },
): KafkaListener {
  const { protocol, mechanisms, clientAuth, ...rest } = listener;
  const upper = protocol.toUpperCase();
  const tls = upper === 'SSL' || upper === 'SASL_SSL';
  let authentication: string;
  if (upper.startsWith('SASL_'))
    authentication = saslAuthentication(mechanisms);
  else if (upper === 'SSL')
    authentication = clientAuth?.toLowerCase() === 'required' ? 'x509' : 'none';
  else if (upper === 'PLAINTEXT') authentication = 'none';
  else return { ...rest, tls: undefined, authentication: UNKNOWN };
  return { ...rest, tls, authentication };
}
