import sharp from 'sharp';
import type { TestApp } from './harness.ts';

/** A phone photo: a noisy picture (so JPEG cannot shrink it to nothing), optionally with EXIF GPS and time. */
export async function phonePhoto(options: { width?: number; height?: number; gps?: { lat: number; lng: number }; takenAt?: string; format?: 'jpeg' | 'png' | 'webp' } = {}): Promise<Buffer> {
  const width = options.width ?? 1600;
  const height = options.height ?? 1200;
  const noise = Buffer.alloc(width * height * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  let image = sharp(noise, { raw: { width, height, channels: 3 } });
  if (options.gps || options.takenAt) {
    const dms = (v: number) => {
      const a = Math.abs(v);
      const d = Math.floor(a);
      const m = Math.floor((a - d) * 60);
      const s = Math.round(((a - d) * 60 - m) * 60 * 10000);
      return `${d}/1 ${m}/1 ${s}/10000`;
    };
    image = image.withExif({
      IFD0: { Make: 'Samsung', Model: 'Galaxy A15', Software: 'serial-RZ8W1234' },
      ...(options.takenAt ? { IFD2: { DateTimeOriginal: options.takenAt } } : {}),
      ...(options.gps
        ? { IFD3: { GPSLatitudeRef: options.gps.lat < 0 ? 'S' : 'N', GPSLatitude: dms(options.gps.lat), GPSLongitudeRef: options.gps.lng < 0 ? 'W' : 'E', GPSLongitude: dms(options.gps.lng) } }
        : {}),
    });
  }
  const format = options.format ?? 'jpeg';
  return format === 'png' ? image.png().toBuffer() : format === 'webp' ? image.webp().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}

/** A multipart/form-data body with one file field, as a phone browser sends it. */
export function multipart(bytes: Buffer, filename = 'IMG_0001.jpg', contentType = 'image/jpeg') {
  const boundary = `----simpul${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${contentType}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, bytes, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a photo as the person behind `cookie`; answers status and JSON body. */
export async function uploadPhoto(app: TestApp, cookie: string, url: string, bytes: Buffer, options: { filename?: string; contentType?: string; idempotencyKey?: string } = {}) {
  const body = multipart(bytes, options.filename, options.contentType);
  const res = await app.http.inject({
    method: 'POST',
    url,
    headers: { cookie, ...body.headers, ...(options.idempotencyKey ? { 'idempotency-key': options.idempotencyKey } : {}) },
    payload: body.payload,
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}
