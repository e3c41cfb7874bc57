import exifr from 'exifr';
import type { Page } from '../../../platform/http/pagination.ts';
import decodeHeic from 'heic-decode';
import { sql } from 'kysely';
import { availableParallelism } from 'node:os';
import sharp, { type Sharp } from 'sharp';
import type { Tx } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { transactionTenantId, type Photo, type TechniciansContext } from '../technicians.model.ts';
import { techniciansErrors } from '../technicians.errors.ts';

export const DEFAULT_MAX_PHOTO_BYTES = 15 * 1024 * 1024;
/** The stored image's longest side, and the thumbnail's. */
const MAX_EDGE = 2560;
const THUMB_EDGE = 320;
/** How long a photo link works. */
export const PHOTO_LINK_TTL_MS = 5 * 60 * 1000;

const acceptedFormats = new Set(['jpeg', 'png', 'webp', 'heif']);
/** The tenants' zones (Indonesia keeps no daylight saving time). */
const zoneOffsetHours: Record<string, number> = { 'Asia/Jakarta': 7, 'Asia/Pontianak': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9, WIB: 7, WITA: 8, WIT: 9 };

/**
 * At most one decode per core at a time: each 12-megapixel photo is ~36 MB decoded, so fifty
 * uploads at once would hold ~2 GB; queued ones wait holding only their compressed bytes.
 */
const slots = { free: Math.max(1, availableParallelism()), waiting: [] as Array<() => void> };
async function inSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free -= 1;
  try {
    return await fn();
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free += 1;
  }
}

export type PreparedPhoto = {
  image: Buffer;
  thumbnail: Buffer;
  width: number;
  height: number;
  latitude: number | null;
  longitude: number | null;
  takenAt: Date | null;
};

/**
 * EXIF time has no zone (unless the camera wrote OffsetTimeOriginal): read as the tenant's local
 * time. exifr revives it as a Date in the process's zone, so its local fields are the camera's.
 */
function takenAtOf(tags: Record<string, unknown> | undefined, timeZone: string): Date | null {
  const local = tags?.DateTimeOriginal ?? tags?.CreateDate;
  if (!(local instanceof Date) || Number.isNaN(local.getTime())) return null;
  const offset = typeof tags?.OffsetTimeOriginal === 'string' ? /^([+-])(\d{2}):(\d{2})$/.exec(tags.OffsetTimeOriginal) : null;
  const offsetMinutes = offset ? (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3])) : (zoneOffsetHours[timeZone] ?? 7) * 60;
  const asUtc = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds());
  return new Date(asUtc - offsetMinutes * 60_000);
}

/**
 * The photo pipeline (CPU, outside any transaction): refuse what is too big or not a picture,
 * read GPS and time from EXIF, then re-encode (turned upright, at most 2560 px, JPEG) and
 * thumbnail. sharp writes no metadata unless asked: the stored image keeps no EXIF, GPS or
 * camera serial — the position is on the record instead.
 */
export async function preparePhoto(bytes: Buffer, options: { maxBytes: number; timeZone: string }): Promise<PreparedPhoto> {
  if (bytes.length > options.maxBytes) throw tooLarge(options.maxBytes);
  if (bytes.length === 0) throw new AppError(techniciansErrors.PHOTO_MISSING, 'The uploaded file is empty.', { fields: { file: 'empty' } });
  let format: string | undefined;
  let compression: string | undefined;
  try {
    ({ format, compression } = await sharp(bytes).metadata());
  } catch {
    throw unsupported();
  }
  if (!format || !acceptedFormats.has(format)) throw unsupported(format);
  let tags: Record<string, unknown> | undefined;
  try {
    tags = await exifr.parse(bytes, { gps: true, tiff: true, exif: true, xmp: false, icc: false, iptc: false, jfif: false, ihdr: false });
  } catch {
    tags = undefined; // unreadable EXIF is no EXIF
  }
  const lat = typeof tags?.latitude === 'number' && Number.isFinite(tags.latitude) && Math.abs(tags.latitude) <= 90 ? tags.latitude : null;
  const lng = typeof tags?.longitude === 'number' && Number.isFinite(tags.longitude) && Math.abs(tags.longitude) <= 180 ? tags.longitude : null;
  try {
    const { image, info, thumbnail } = await inSlot(async () => {
      const source = await decodable(bytes, compression);
      const { data, info } = await source()
        .rotate()
        .resize({ width: MAX_EDGE, height: MAX_EDGE, fit: 'inside', withoutEnlargement: true })
        .jpeg({ quality: 82 })
        .toBuffer({ resolveWithObject: true });
      // From the original: JPEG shrink-on-load makes a 12× smaller thumbnail cheap.
      const thumb = await source().rotate().resize({ width: THUMB_EDGE, height: THUMB_EDGE, fit: 'inside' }).jpeg({ quality: 70 }).toBuffer();
      return { image: data, info, thumbnail: thumb };
    });
    return { image, thumbnail, width: info.width, height: info.height, latitude: lat !== null && lng !== null ? lat : null, longitude: lat !== null && lng !== null ? lng : null, takenAt: takenAtOf(tags, options.timeZone) };
  } catch {
    throw unsupported(format); // a damaged picture
  }
}

/**
 * The image library's prebuilt binary reads HEIF only with AV1 inside (AVIF), not the HEVC of a
 * phone's HEIC: that is decoded to pixels by libheif (WASM), already turned upright.
 */
async function decodable(bytes: Buffer, compression: string | undefined): Promise<() => Sharp> {
  if (compression !== 'hevc') return () => sharp(bytes, { failOn: 'error' });
  const { width, height, data } = await decodeHeic({ buffer: bytes });
  return () => sharp(Buffer.from(data.buffer, data.byteOffset, data.byteLength), { raw: { width, height, channels: 4 } }).flatten();
}

export const tooLarge = (maxBytes: number) =>
  new AppError(techniciansErrors.PHOTO_TOO_LARGE, `The photo is larger than ${Math.round(maxBytes / (1024 * 1024))} MB.`, { fields: { file: 'too large' }, maxBytes });
const unsupported = (format?: string) =>
  new AppError(techniciansErrors.PHOTO_FORMAT_UNSUPPORTED, format ? `This picture format (${format}) cannot be read: send JPEG, PNG, HEIC or WebP.` : 'Not a picture: send JPEG, PNG, HEIC or WebP.', {
    fields: { file: format ? `unsupported format ${format}` : 'not an image' },
  });

type PhotoRow = {
  id: string;
  task_id: string | null;
  activity_id: string | null;
  content_type: string;
  size_bytes: number;
  width: number;
  height: number;
  latitude: number | null;
  longitude: number | null;
  taken_at: Date | null;
  uploaded_by: string;
  created_at: Date;
};
const toPhoto = (r: PhotoRow): Photo => ({
  id: r.id,
  taskId: r.task_id,
  activityId: r.activity_id,
  contentType: r.content_type,
  sizeBytes: r.size_bytes,
  width: r.width,
  height: r.height,
  latitude: r.latitude,
  longitude: r.longitude,
  takenAt: r.taken_at ? new Date(r.taken_at) : null,
  uploadedBy: r.uploaded_by,
  createdAt: new Date(r.created_at),
});
const photoColumns = ['id', 'task_id', 'activity_id', 'content_type', 'size_bytes', 'width', 'height', 'latitude', 'longitude', 'taken_at', 'uploaded_by', 'created_at'] as const;

export async function listPhotos(trx: Tx, filter: { taskId?: string; activityIds?: string[] } & Partial<Page>): Promise<Photo[]> {
  let query = trx.selectFrom('technicians_photos').select(photoColumns).orderBy('created_at').orderBy('id');
  if (filter.limit !== undefined) query = query.limit(filter.limit).offset(filter.offset ?? 0);
  if (filter.taskId) query = query.where('task_id', '=', filter.taskId);
  if (filter.activityIds) query = query.where('activity_id', 'in', filter.activityIds.length ? filter.activityIds : ['00000000-0000-0000-0000-000000000000']);
  return (await query.execute()).map((r) => toPhoto(r as PhotoRow));
}

export async function findPhotoByClientKey(trx: Tx, uploadedBy: string, clientKey: string): Promise<Photo | null> {
  const row = await trx.selectFrom('technicians_photos').select(photoColumns).where('uploaded_by', '=', uploadedBy).where('client_key', '=', clientKey).executeTakeFirst();
  return row ? toPhoto(row as PhotoRow) : null;
}

export async function getPhotoRow(trx: Tx, id: string) {
  const row = await trx.selectFrom('technicians_photos').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'No such photo.');
  return row;
}

export type StorePhotoOptions = { id: string; taskId: string | null; activityId: string | null; uploadedBy: string; clientKey: string | null; storageKey: string; thumbnailKey: string; prepared: PreparedPhoto };

const MIB = 1024 * 1024;
/** MB with two decimals: the plan counts megabytes, a phone photo is a fraction of one. */
const megabytes = (bytes: number) => Math.round((bytes / MIB) * 100) / 100;

/** The plan's photo storage (stored images; thumbnails are a few percent more and not counted). */
export const assertPhotoStorage = (ctx: TechniciansContext, trx: Tx, prepared: PreparedPhoto) =>
  ctx.limits?.assertWithinLimit(
    trx,
    'photo_storage_mb',
    async (t) => megabytes(Number((await sql<{ bytes: string }>`select coalesce(sum(size_bytes), 0)::bigint as bytes from technicians_photos`.execute(t)).rows[0]!.bytes)),
    megabytes(prepared.image.length),
  );

/** The photo's record, written after its bytes are stored. */
export async function insertPhoto(ctx: TechniciansContext, trx: Tx, o: StorePhotoOptions): Promise<Photo | null> {
  const row = await trx
    .insertInto('technicians_photos')
    .values({
      id: o.id,
      tenant_id: transactionTenantId,
      task_id: o.taskId,
      activity_id: o.activityId,
      uploaded_by: o.uploadedBy,
      storage_key: o.storageKey,
      thumbnail_key: o.thumbnailKey,
      content_type: 'image/jpeg',
      size_bytes: o.prepared.image.length,
      width: o.prepared.width,
      height: o.prepared.height,
      latitude: o.prepared.latitude,
      longitude: o.prepared.longitude,
      taken_at: o.prepared.takenAt,
      client_key: o.clientKey,
      created_at: ctx.clock.now(),
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'uploaded_by', 'client_key']).where('client_key', 'is not', null).doNothing())
    .returning(photoColumns)
    .executeTakeFirst();
  return row ? toPhoto(row as PhotoRow) : null;
}

/** Signed, short-lived links (sealed with the deployment's key: any API process can check them). */
export function photoLink(ctx: TechniciansContext, tenantId: string, photoId: string, variant: 'full' | 'thumb') {
  const expiresAt = new Date(ctx.clock.now().getTime() + PHOTO_LINK_TTL_MS);
  const token = Buffer.from(ctx.secrets.seal(JSON.stringify({ p: photoId, t: tenantId, v: variant, e: expiresAt.getTime() }))).toString('base64url');
  return { url: `/api/photos/${photoId}/file?variant=${variant}&token=${token}`, expiresAt };
}

export function checkPhotoLink(ctx: TechniciansContext, tenantId: string, photoId: string, variant: 'full' | 'thumb', token: string) {
  let claim: { p?: string; t?: string; v?: string; e?: number };
  try {
    claim = JSON.parse(ctx.secrets.open(Buffer.from(token, 'base64url').toString()));
  } catch {
    throw new AppError(techniciansErrors.PHOTO_LINK_INVALID, 'This photo link is not valid.');
  }
  if (claim.p !== photoId || claim.t !== tenantId || claim.v !== variant) throw new AppError(techniciansErrors.PHOTO_LINK_INVALID, 'This photo link is not valid.');
  if (typeof claim.e !== 'number' || claim.e < ctx.clock.now().getTime()) throw new AppError(techniciansErrors.PHOTO_LINK_INVALID, 'This photo link has expired: open the photo again.');
}

/** Photos pinned on the map: where they were taken (EXIF GPS), or else on their task's element. */
export async function photoOverlay(trx: Tx, page: Page) {
  const { rows } = await sql<{
    id: string;
    task_id: string | null;
    number: number | null;
    target_name: string | null;
    latitude: number | null;
    longitude: number | null;
    element_latitude: number | null;
    element_longitude: number | null;
    taken_at: Date | null;
    created_at: Date;
  }>`
    select p.id, coalesce(p.task_id, a.task_id) as task_id, t.number, coalesce(t.target_name, a.element_name) as target_name,
      p.latitude, p.longitude, t.latitude as element_latitude, t.longitude as element_longitude, p.taken_at, p.created_at
    from technicians_photos p
    left join technicians_activities a on a.id = p.activity_id
    left join technicians_tasks t on t.id = coalesce(p.task_id, a.task_id)
    order by p.created_at desc, p.id desc limit ${page.limit} offset ${page.offset}`.execute(trx);
  return rows
    .map((r) => ({
      photoId: r.id,
      taskId: r.task_id,
      taskNumber: r.number,
      elementName: r.target_name ?? '',
      latitude: r.latitude ?? r.element_latitude,
      longitude: r.longitude ?? r.element_longitude,
      placedBy: (r.latitude !== null ? 'gps' : 'element') as 'gps' | 'element',
      takenAt: r.taken_at ? new Date(r.taken_at) : null,
      createdAt: new Date(r.created_at),
    }))
    .filter((r) => r.latitude !== null && r.longitude !== null) as Array<{ photoId: string; taskId: string | null; taskNumber: number | null; elementName: string; latitude: number; longitude: number; placedBy: 'gps' | 'element'; takenAt: Date | null; createdAt: Date }>;
}
