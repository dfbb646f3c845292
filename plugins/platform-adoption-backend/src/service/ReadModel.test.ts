import { jsonBody, ReadModel } from './ReadModel';

function model(tokens: Array<{ generation: number | undefined; governance: string }>) {
  let at = 0;
  const readToken = jest.fn(async () => tokens[Math.min(at, tokens.length - 1)]);
  return {
    readModel: new ReadModel({ readToken }),
    next: () => {
      at += 1;
    },
    readToken,
  };
}

describe('ReadModel', () => {
  it('keeps a value while the token it was computed under is current', async () => {
    const { readModel, next } = model([
      { generation: 1, governance: '0.0.0.0' },
      { generation: 1, governance: '1.0.0.0' },
      { generation: 2, governance: '1.0.0.0' },
    ]);
    let computed = 0;
    const compute = async () => ({ value: (computed += 1) });
    const read = async (scope: 'key' | 'generationKey') => readModel.get((await readModel.token())[scope], scope, compute);

    expect(await read('key')).toBe(1);
    expect(await read('key')).toBe(1);
    expect(await read('generationKey')).toBe(2);
    next(); // a publication: the governance changes, the generation does not
    expect(await read('key')).toBe(3);
    expect(await read('generationKey')).toBe(2);
    next(); // a new scan
    expect(await read('key')).toBe(4);
    expect(await read('generationKey')).toBe(5);
  });

  it('recomputes once a value is past its validUntil (an exemption expired)', async () => {
    const { readModel } = model([{ generation: 1, governance: 'x' }]);
    let now = 1000;
    let computed = 0;
    const read = () =>
      readModel.get('v', 'k', async () => ({ value: (computed += 1), validUntil: 2000 }), () => now);
    expect(await read()).toBe(1);
    now = 1999;
    expect(await read()).toBe(1);
    now = 2000;
    expect(await read()).toBe(2);
  });

  it('shares one computation between concurrent requests and keeps no failure', async () => {
    const { readModel } = model([{ generation: 1, governance: 'x' }]);
    let release: (value: { value: string }) => void = () => {};
    const compute = jest.fn(() => new Promise<{ value: string }>(r => (release = r)));
    const a = readModel.get('v', 'k', compute);
    const b = readModel.get('v', 'k', compute);
    release({ value: 'done' });
    expect(await Promise.all([a, b])).toEqual(['done', 'done']);
    expect(compute).toHaveBeenCalledTimes(1);

    const failing = jest.fn(async () => {
      throw new Error('database went away');
    });
    await expect(readModel.get('v', 'f', failing)).rejects.toThrow('database went away');
    await expect(readModel.get('v', 'f', async () => ({ value: 'recovered' }))).resolves.toBe('recovered');
  });

  it('evicts the least recently used entries beyond its limits', async () => {
    const { readModel } = model([{ generation: 1, governance: 'x' }]);
    let computed = 0;
    const big = () => ({ value: jsonBody({ filler: 'x'.repeat(30 * 2 ** 20), n: (computed += 1) }) });
    await readModel.get('v', 'a', async () => big());
    await readModel.get('v', 'b', async () => big());
    await readModel.get('v', 'c', async () => big()); // over 64 MB: 'a' goes
    await readModel.get('v', 'b', async () => big()); // still kept
    expect(computed).toBe(3);
    await readModel.get('v', 'a', async () => big());
    expect(computed).toBe(4);
  });

  it('serializes a body once, with a weak entity tag that follows its content', () => {
    const a = jsonBody({ items: [1, 2] });
    expect(JSON.parse(a.body.toString('utf8'))).toEqual({ items: [1, 2] });
    expect(a.etag).toMatch(/^W\/"[0-9a-f]+-[A-Za-z0-9+/]+"$/);
    expect(jsonBody({ items: [1, 2] }).etag).toBe(a.etag);
    expect(jsonBody({ items: [1, 3] }).etag).not.toBe(a.etag);
  });
});

describe('ReadModel.token', () => {
  it('lets requests that arrive together share a read that starts after all of them', async () => {
    const reads: Array<(token: { generation: number; governance: string }) => void> = [];
    const readToken = jest.fn(() => new Promise<{ generation: number; governance: string }>(r => reads.push(r)));
    const readModel = new ReadModel({ readToken });

    const first = readModel.token();
    const second = readModel.token();
    expect(readToken).not.toHaveBeenCalled(); // not before every request at hand is in
    await new Promise(r => setImmediate(r));
    expect(readToken).toHaveBeenCalledTimes(1);
    const third = readModel.token(); // the read has begun: this request waits for the next one
    reads[0]({ generation: 1, governance: 'a' });
    expect([(await first).generation, (await second).generation]).toEqual([1, 1]);
    await new Promise(r => setImmediate(r));
    expect(readToken).toHaveBeenCalledTimes(2);
    reads[1]({ generation: 2, governance: 'b' });
    expect(await third).toMatchObject({ generation: 2, generationKey: 'g2', key: 'g2|b' });
  });
});
