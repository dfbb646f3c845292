import { mockCredentials } from '@backstage/backend-test-utils';
import { Request } from 'express';
import { callerOf, CallerCache, identifyCaller } from './callerCache';

const request = (authorization?: string) => ({ headers: { authorization } }) as Request;

describe('caller decisions', () => {
  it('names a user by their token, and never a service', () => {
    const alice = mockCredentials.user('user:default/alice');
    const key = identifyCaller(request('Bearer token-1'), alice);
    expect(key).toContain('user:default/alice');
    expect(callerOf(alice)).toBe(key);
    const refreshed = mockCredentials.user('user:default/alice');
    expect(identifyCaller(request('Bearer token-2'), refreshed)).not.toBe(key);
    expect(identifyCaller(request('Bearer token-1'), mockCredentials.service('plugin:catalog'))).toBeUndefined();
    expect(identifyCaller(request(), mockCredentials.user('user:default/bob'))).toBeUndefined();
  });

  it('reuses a decision for its time to live, and never a failed one', async () => {
    let now = 0;
    const cache = new CallerCache<string>(5000, () => now);
    const decide = jest.fn(async () => 'ALLOW');
    expect(await cache.get('alice', decide)).toBe('ALLOW');
    now = 4999;
    expect(await cache.get('alice', decide)).toBe('ALLOW');
    expect(decide).toHaveBeenCalledTimes(1);
    now = 5000;
    await cache.get('alice', decide);
    expect(decide).toHaveBeenCalledTimes(2);
    await cache.get('bob', decide);
    expect(decide).toHaveBeenCalledTimes(3);

    await expect(cache.get('carol', async () => Promise.reject(new Error('permission backend down')))).rejects.toThrow();
    expect(await cache.get('carol', async () => 'DENY')).toBe('DENY');
  });
});
