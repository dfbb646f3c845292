import { REDACTED } from '@platform-adoption/plugin-platform-adoption-common';
import {
  isCredentialKey,
  looksLikeCredential,
  redactCredential,
} from './redaction';

describe('redactCredential', () => {
  it.each([
    ['rootPassword', '9@JXybsMziyMpRF!vvBWBmzGb'],
    ['MONGO_INITDB_ROOT_PASSWORD', 'changeme'],
    ['api_key', 'abc123'],
    ['client_secret', 'xyz'],
    ['private_key', '732341c6-86b2-4ed3-9797-bf425cc3d53f'],
    ['auth.replicaSetKey', 'keyfile-content'],
  ])('redacts the value of %s', (key, value) => {
    expect(redactCredential(key, value)).toBe(REDACTED);
  });

  it('keeps references to where a secret is kept', () => {
    expect(redactCredential('existingSecret', 'mongodb-auth')).toBe(
      'mongodb-auth',
    );
    expect(redactCredential('passwordSecretRef', 'app-password')).toBe(
      'app-password',
    );
    expect(redactCredential('password', '${DB_PASSWORD}')).toBe(
      '${DB_PASSWORD}',
    );
    expect(redactCredential('password', 'var.db_password')).toBe(
      'var.db_password',
    );
  });

  it('redacts a placeholder with a literal fallback: the fallback is a password', () => {
    expect(
      redactCredential(
        'MONGO_INITDB_ROOT_PASSWORD',
        '${DB_ADMIN_PASS:-changeme_admin_password}',
      ),
    ).toBe(REDACTED);
  });

  it('cuts the password out of connection URIs and keyword connection strings', () => {
    expect(
      redactCredential(undefined, 'mongodb://app:s3cret@db:27017/orders'),
    ).toBe('mongodb://app@db:27017/orders');
    expect(
      redactCredential(
        undefined,
        'mongodb+srv://app:p%40ss@cluster0.example.net',
      ),
    ).toBe('mongodb+srv://app@cluster0.example.net');
    expect(
      redactCredential(
        'url',
        'postgres://teller:TellerRecon!Dev-9931@postgres:5432/tills',
      ),
    ).toBe('postgres://teller@postgres:5432/tills');
    expect(
      redactCredential(undefined, 'host=db user=app password=hunter2 dbname=x'),
    ).toBe(`host=db user=app password=${REDACTED} dbname=x`);
    expect(redactCredential(undefined, 'Server=db;Pwd=hunter2;')).not.toContain(
      'hunter2',
    );
  });

  it('redacts values shaped like private keys and tokens whatever their key', () => {
    expect(
      redactCredential('note', '-----BEGIN RSA PRIVATE KEY-----\nMIIE...'),
    ).toBe(REDACTED);
    expect(redactCredential(undefined, 'AKIAIOSFODNN7EXAMPLE')).toBe(REDACTED);
    expect(
      redactCredential(undefined, 'ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'),
    ).toBe(REDACTED);
    expect(
      redactCredential(
        undefined,
        'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.c2lnbmF0dXJlc2ln',
      ),
    ).toBe(REDACTED);
  });

  it('leaves ordinary configuration values alone', () => {
    for (const value of [
      '7.0',
      'replicaset',
      'eu-west-2',
      'mongodb://db:27017',
      'unknown',
      'prometheus',
      'M30',
    ]) {
      expect(redactCredential('version', value)).toBe(value);
    }
  });
});

describe('credential recognition', () => {
  it('tells credential keys from pointers to credentials', () => {
    expect(isCredentialKey('POSTGRES_PASSWORD')).toBe(true);
    expect(isCredentialKey('existingSecret')).toBe(false);
    expect(isCredentialKey('POSTGRES_PASSWORD_FILE')).toBe(false);
  });

  it('recognises credential-shaped values', () => {
    expect(looksLikeCredential('postgres://u:p@h/db')).toBe(true);
    expect(looksLikeCredential('postgres://h/db')).toBe(false);
  });
});
