import { REDACTED } from '@platform-adoption/plugin-platform-adoption-common';

/** Keys whose values are credentials whatever they look like. */
const SECRET_KEY =
  /(pass(word|wd|phrase)?|pwd|secret|token|api[-_]?key|access[-_]?key|private[-_]?key|client[-_]?secret|credential|auth[-_]?key|signing[-_]?key|encryption[-_]?key|replica[-_]?set[-_]?key|keyfile)/i;

/** Keys that merely mention secrets: references to where a secret lives, not the secret. */
const SECRET_REFERENCE_KEY =
  /(existing[-_]?secret|secret[-_]?(name|ref|key[-_]?ref|store)|password[-_]?(secret|file|ref)|secretkeyref|from[-_]?secret|_file$|secret[-_]?keys?$)/i;

const VALUE_PATTERNS: RegExp[] = [
  /-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----/,
  /-----BEGIN OPENSSH PRIVATE KEY-----/,
  // JSON Web Tokens.
  /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
  // AWS access key ids.
  /\b(AKIA|ASIA)[0-9A-Z]{16}\b/,
  // GitHub, GitLab, Slack, Stripe-style and npm tokens.
  /\bgh[pousr]_[A-Za-z0-9]{30,}\b/,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/,
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/,
  /\b(sk|rk)_(live|test)_[A-Za-z0-9]{16,}\b/,
  /\bnpm_[A-Za-z0-9]{30,}\b/,
  /\bBearer\s+[A-Za-z0-9._~+/-]{16,}/,
];

/** `scheme://user:password@host` for any scheme (mongodb, mongodb+srv, postgres, …). */
const URI_WITH_PASSWORD = /([a-z][a-z0-9+.-]*:\/\/)([^:/?#@\s]*):([^@\s/]*)@/gi;

/** `password=secret` inside libpq / JDBC / ADO style connection strings. */
const KEYWORD_PASSWORD = /\b(password|pwd)\s*=\s*('[^']*'|"[^"]*"|[^\s;&]+)/gi;

/**
 * Whether a key names a credential (`rootPassword`, `MONGO_INITDB_ROOT_PASSWORD`,
 * `api_key`) rather than a pointer to one (`existingSecret`, `passwordSecretRef`).
 *
 * @public
 */
export function isCredentialKey(key: string): boolean {
  return SECRET_KEY.test(key) && !SECRET_REFERENCE_KEY.test(key);
}

/**
 * Whether a value looks like a credential on its own: a private key, a
 * token with a known shape, or a URI / connection string carrying a password.
 *
 * @public
 */
export function looksLikeCredential(value: string): boolean {
  if (VALUE_PATTERNS.some(pattern => pattern.test(value))) return true;
  URI_WITH_PASSWORD.lastIndex = 0;
  KEYWORD_PASSWORD.lastIndex = 0;
  return URI_WITH_PASSWORD.test(value) || KEYWORD_PASSWORD.test(value);
}

/**
 * What may be stored for a value found under `key`: the value itself when
 * it holds no credential, the value with the password cut out of a
 * connection URI (`mongodb://app:s3cret@db` → `mongodb://app@db`), or
 * `REDACTED`. Placeholders (`${DB_PASSWORD}`, `var.password`) are kept:
 * they say where the secret comes from without revealing it.
 *
 * @public
 */
export function redactCredential(
  key: string | undefined,
  value: string,
): string {
  if (value === '' || value === REDACTED) return value;
  if (key && isCredentialKey(key) && !isPlaceholderOnly(value)) return REDACTED;
  if (VALUE_PATTERNS.some(pattern => pattern.test(value))) return REDACTED;
  URI_WITH_PASSWORD.lastIndex = 0;
  KEYWORD_PASSWORD.lastIndex = 0;
  return value
    .replace(URI_WITH_PASSWORD, (_match, scheme: string, user: string) =>
      user ? `${scheme}${user}@` : scheme,
    )
    .replace(
      KEYWORD_PASSWORD,
      (_match, keyword: string) => `${keyword}=${REDACTED}`,
    );
}

/**
 * A value that is nothing but a reference to a secret kept elsewhere.
 * `${PASS:-fallback}` is not: its fallback is a literal password.
 */
function isPlaceholderOnly(value: string): boolean {
  const trimmed = value.trim();
  return (
    /^\$\{[A-Za-z_]\w*(:?\?[^}]*)?\}$/.test(trimmed) ||
    /^\$[A-Za-z_]\w*$/.test(trimmed) ||
    /^(var|local)\.[\w.-]+$/.test(trimmed) ||
    /^\{\{[^}]*\}\}$/.test(trimmed)
  );
}
