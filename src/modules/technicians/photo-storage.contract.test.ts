import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3StandIn } from '../../simulators/s3/s3.stand-in.ts';
import { diskPhotoStorage, s3PhotoStorage, type PhotoStorage } from './index.ts';

/** The one storage contract, for both drivers: what the photo pipeline and retention rely on. */
const drivers: Array<[string, () => Promise<{ storage: PhotoStorage; done(): Promise<void> }>]> = [
  [
    'disk',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'photos-contract-'));
      return { storage: diskPhotoStorage(dir), done: () => rm(dir, { recursive: true, force: true }) };
    },
  ],
  [
    's3',
    async () => {
      const standIn = await S3StandIn.start({ bucket: 'simpul-photos', accessKeyId: 'AKIATEST' });
      const storage = s3PhotoStorage({ endpoint: standIn.endpoint, region: 'ap-southeast-3', bucket: 'simpul-photos', accessKeyId: 'AKIATEST', secretAccessKey: 'secret-test' });
      return { storage, done: () => standIn.close() };
    },
  ],
];

describe.each(drivers)('photo storage contract: %s', (_name, open) => {
  let storage: PhotoStorage;
  let done: () => Promise<void>;
  beforeAll(async () => ({ storage, done } = await open()));
  afterAll(() => done?.());

  const tenant = '0190f5a0-0000-7000-8000-000000000001';
  it('should give back exactly the bytes it was given, binary included', async () => {
    const bytes = Buffer.from(Array.from({ length: 70_000 }, (_, i) => (i * 31) % 256));
    await storage.put(`${tenant}/tasks/a/photo-1.jpg`, bytes, 'image/jpeg');
    expect(Buffer.compare((await storage.get(`${tenant}/tasks/a/photo-1.jpg`))!, bytes)).toBe(0);
  });

  it('should answer null for a key never stored, and replace an object written again', async () => {
    expect(await storage.get(`${tenant}/tasks/a/none.jpg`)).toBeNull();
    await storage.put(`${tenant}/tasks/a/photo-2.jpg`, Buffer.from('first'), 'image/jpeg');
    await storage.put(`${tenant}/tasks/a/photo-2.jpg`, Buffer.from('second'), 'image/jpeg');
    expect((await storage.get(`${tenant}/tasks/a/photo-2.jpg`))!.toString()).toBe('second');
  });

  it('should delete an object, and deleting a missing one is no error', async () => {
    await storage.put(`${tenant}/tasks/b/photo-3.jpg`, Buffer.from('x'), 'image/jpeg');
    await storage.delete(`${tenant}/tasks/b/photo-3.jpg`);
    expect(await storage.get(`${tenant}/tasks/b/photo-3.jpg`)).toBeNull();
    await expect(storage.delete(`${tenant}/tasks/b/photo-3.jpg`)).resolves.toBeUndefined();
  });

  it('should refuse keys that could leave their folder', async () => {
    await expect(storage.put('../escape.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/Unsafe/);
    await expect(storage.get(`${tenant}/../../etc/passwd`)).rejects.toThrow(/Unsafe/);
  });
});

describe('S3 stand-in', () => {
  it('should refuse a request signed for another access key (AccessDenied)', async () => {
    const standIn = await S3StandIn.start({ bucket: 'simpul-photos', accessKeyId: 'AKIATEST' });
    try {
      const wrong = s3PhotoStorage({ endpoint: standIn.endpoint, region: 'us-east-1', bucket: 'simpul-photos', accessKeyId: 'AKIAOTHER', secretAccessKey: 'x' });
      await expect(wrong.put('t/a.jpg', Buffer.from('x'), 'image/jpeg')).rejects.toThrow(/Access Denied|AccessDenied/);
      expect(standIn.objects.size).toBe(0);
    } finally {
      await standIn.close();
    }
  });
});
