import { RepositoryReadRecord } from '../store/ScanStore';
import { RepositoryReadSaver } from './RepositoryReadSaver';

const read = (i: number): RepositoryReadRecord => ({
  url: `https://git.example.com/repo-${i}`,
  etag: `e${i}`,
  detectors: 'd',
  detections: { deployments: [], problems: [] },
});

describe('RepositoryReadSaver', () => {
  it('writes reads in batches while they come, and the rest at the end', async () => {
    const writes: string[][] = [];
    const saver = new RepositoryReadSaver({ saveRepositoryReads: async batch => void writes.push(batch.map(r => r.url)) });

    for (let i = 0; i < 2500; i++) saver.add(read(i));
    await new Promise(resolve => setImmediate(resolve));
    expect(writes.map(w => w.length)).toEqual([1000, 1000]);

    await saver.finish();
    expect(writes.map(w => w.length)).toEqual([1000, 1000, 500]);
    expect(new Set(writes.flat()).size).toBe(2500);
  });

  it('fails the scan at the end when a write failed, and writes nothing more after it', async () => {
    let calls = 0;
    const saver = new RepositoryReadSaver({
      saveRepositoryReads: async () => {
        calls += 1;
        throw new Error('database went away');
      },
    });
    for (let i = 0; i < 2100; i++) saver.add(read(i));

    await expect(saver.finish()).rejects.toThrow('database went away');
    expect(calls).toBe(1);
  });
});
