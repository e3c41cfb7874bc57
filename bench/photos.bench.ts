import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import { sql } from 'kysely';
import sharp from 'sharp';
import { diskPhotoStorage, s3PhotoStorage, type PhotoStorage } from '../src/modules/technicians/index.ts';
import { S3StandIn } from '../src/simulators/s3/s3.stand-in.ts';
import { printTable } from './machine.ts';
import { createBenchApp, openBenchPglite } from './support.ts';

/**
 * The photo pipeline: 50 phone photos (4000×3000 JPEG with EXIF GPS, as a phone camera writes
 * them) uploaded at once over HTTP (multipart) to one task → each read for EXIF, re-encoded
 * (upright, ≤ 2560 px, no metadata), thumbnailed and stored with its record. Reports photos/s
 * and the process's peak memory (RSS sampled every 10 ms), for the disk and the S3 driver.
 */
const PHOTOS = 50;

/** A 4000×3000 picture that compresses like a photo (smooth areas and texture), with EXIF GPS and time. */
async function phoneJpeg(): Promise<Buffer> {
  const width = 4000;
  const height = 3000;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const grain = ((x * 7919 + y * 104729) ^ (x * y)) & 31;
      pixels[i] = (x / 16 + grain) & 255;
      pixels[i + 1] = (y / 12 + grain) & 255;
      pixels[i + 2] = ((x + y) / 28 + grain * 2) & 255;
    }
  }
  return sharp(pixels, { raw: { width, height, channels: 3 } })
    .withExif({ IFD0: { Make: 'Samsung', Model: 'Galaxy A15' }, IFD2: { DateTimeOriginal: '2026:12:10 10:15:00' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '7/1 47/1 1234/100', GPSLongitudeRef: 'E', GPSLongitude: '110/1 22/1 3000/100' } })
    .jpeg({ quality: 92 })
    .toBuffer();
}

function multipart(bytes: Buffer) {
  const boundary = '----simpulbench';
  return {
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="IMG.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`), bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  };
}

async function measure(driver: string, storage: PhotoStorage, photo: Buffer) {
  const db = await openBenchPglite();
  const app = await createBenchApp(db, { photoStorage: storage });
  const o = db.owner;
  const tenantId = (await sql<{ id: string }>`insert into tenants (id, slug, name, time_zone) values (gen_random_uuid(), 'photo-bench', 'Photo Bench', 'Asia/Jakarta') returning id`.execute(o)).rows[0]!.id;
  const { hash } = await import('@node-rs/argon2');
  const userId = (await sql<{ id: string }>`insert into identity_users (id, email, name, password_hash) values (gen_random_uuid(), 'tek@photo-bench.test', 'Teknisi', ${await hash('teknisi-bench-123')}) returning id`.execute(o)).rows[0]!.id;
  await sql`insert into identity_memberships (id, tenant_id, user_id, roles) values (gen_random_uuid(), ${tenantId}, ${userId}, '{technician}')`.execute(o);
  const odc = (await sql<{ id: string }>`insert into maps_odcs (id, tenant_id, code, name, latitude, longitude, capacity, created_at) values (gen_random_uuid(), ${tenantId}, 'ODC-1', 'Kabinet', -7.78, 110.37, 16, now()) returning id`.execute(o)).rows[0]!.id;
  const taskId = (await sql<{ id: string }>`insert into technicians_tasks (id, tenant_id, number, kind, title, target_kind, odc_id, target_name, status, source, created_at, updated_at)
    values (gen_random_uuid(), ${tenantId}, 1, 'repair', 'Bench', 'odc', ${odc}, 'ODC-1 Kabinet', 'working', 'staff', now(), now()) returning id`.execute(o)).rows[0]!.id;
  await sql`insert into technicians_task_assignees (task_id, tenant_id, user_id, assigned_at) values (${taskId}, ${tenantId}, ${userId}, now())`.execute(o);
  const login = await app.http.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'tek@photo-bench.test', password: 'teknisi-bench-123' } });
  const cookie = `simpul_session=${login.cookies.find((c) => c.name === 'simpul_session')!.value}`;
  const body = multipart(photo);

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const start = performance.now();
  const answers = await Promise.all(
    Array.from({ length: PHOTOS }, () => app.http.inject({ method: 'POST', url: `/api/tasks/${taskId}/photos`, headers: { cookie, ...body.headers }, payload: body.payload })),
  );
  const seconds = (performance.now() - start) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const failed = answers.filter((a) => a.statusCode !== 201);
  if (failed.length) throw new Error(`${failed.length} uploads failed: ${failed[0]!.body}`);
  // Proof of the work: every record has the GPS, every stored image has no EXIF.
  const { rows } = await sql<{ n: number; gps: number; key: string }>`
    select count(*)::int as n, count(latitude)::int as gps, min(storage_key) as key from technicians_photos`.execute(o);
  const sample = (await storage.get(rows[0]!.key))!;
  const stripped = (await exifr.parse(sample)) === undefined;
  const meta = await sharp(sample).metadata();
  await app.close();
  await db.close();
  return {
    driver,
    photos: rows[0]!.n,
    'with GPS on record': rows[0]!.gps,
    'upload MB each': (photo.length / 1048576).toFixed(1),
    'stored (px, KB)': `${meta.width}×${meta.height}, ${(sample.length / 1024).toFixed(0)}`,
    'EXIF stripped': stripped ? 'yes' : 'NO',
    seconds: seconds.toFixed(2),
    'photos/s': (PHOTOS / seconds).toFixed(1),
    'peak RSS MB': (peak / 1048576).toFixed(0),
    'RSS before MB': (rssBefore / 1048576).toFixed(0),
  };
}

export async function run() {
  const photo = await phoneJpeg();
  const rows = [];
  const dir = await mkdtemp(join(tmpdir(), 'photo-bench-'));
  try {
    rows.push(await measure('disk (DATA_DIR/photos)', diskPhotoStorage(dir), photo));
    if ((await readdir(dir, { recursive: true })).filter((f) => String(f).endsWith('.jpg')).length !== PHOTOS * 2) throw new Error('disk files missing');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  const s3 = await S3StandIn.start({ bucket: 'bench', accessKeyId: 'AKIABENCH' });
  try {
    rows.push(await measure('S3 (AWS SDK → local stand-in)', s3PhotoStorage({ endpoint: s3.endpoint, region: 'us-east-1', bucket: 'bench', accessKeyId: 'AKIABENCH', secretAccessKey: 'x' }), photo));
  } finally {
    await s3.close();
  }
  printTable(`Photo pipeline: ${PHOTOS} phone photos 4000×3000 JPEG uploaded concurrently (multipart → EXIF → re-encode ≤2560 px + thumbnail → storage + record), embedded PGlite`, rows);
}

if (import.meta.main) await run();
