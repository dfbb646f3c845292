import { ConfigValue } from '../../parsing/configValue';
import { DeploymentBuilder, fileEvidence } from '../shared/deploymentBuilder';

/** pg_hba methods by the normalised `authentication` value they give. */
const METHODS: Record<string, string> = {
  trust: 'none',
  password: 'password',
  md5: 'password',
  'scram-sha-256': 'password',
  cert: 'x509',
  ldap: 'ldap',
  radius: 'radius',
  gss: 'kerberos',
  sspi: 'kerberos',
  pam: 'pam',
  peer: 'peer',
  ident: 'ident',
};

/**
 * The authentication pg_hba rules written in a manifest give network
 * clients. A `trust` rule for network connections wins over everything
 * else: whoever matches it connects without any credential, which is what
 * a reader of the rules must be told. `local` (socket) rules are ignored:
 * they concern processes inside the server's container.
 */
export function pgHbaAuthentication(
  rules: ConfigValue[],
): { value: string; line: number; rule: string } | undefined {
  const found: Array<{ value: string; line: number; rule: string }> = [];
  for (const rule of rules) {
    if (rule.kind !== 'scalar' || typeof rule.value !== 'string') continue;
    const fields = rule.value.trim().split(/\s+/);
    const type = fields[0];
    if (!type || type.startsWith('#') || type === 'local') continue;
    // host DATABASE USER ADDRESS [MASK] METHOD [OPTIONS]: the method is the
    // first field after the address that is a known method.
    const method = fields.slice(3).find(field => field in METHODS);
    if (method)
      found.push({
        value: METHODS[method],
        line: rule.line,
        rule: rule.value.trim(),
      });
  }
  if (found.length === 0) return undefined;
  return found.find(f => f.value === 'none') ?? found[0];
}

/**
 * Sets `authentication` from the pg_hba rules an operator's resource
 * writes, or from the operator's own default rules when it writes none.
 * `rules` names the rules as the operator does (`pg_hba`, `authentication
 * rule`) in the evidence.
 */
export function setPgHbaAuthentication(
  builder: DeploymentBuilder,
  path: string,
  rules: ConfigValue[],
  operatorDefault: { line: number; note: string },
  ruleName = 'pg_hba',
): void {
  const hba = pgHbaAuthentication(rules);
  if (hba)
    builder.set(
      'authentication',
      hba.value,
      fileEvidence(path, hba.line, `${ruleName} "${hba.rule}"`),
    );
  else
    builder.set(
      'authentication',
      'password',
      fileEvidence(path, operatorDefault.line, operatorDefault.note),
    );
}
