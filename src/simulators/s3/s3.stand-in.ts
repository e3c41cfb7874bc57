/*
 * STAND-IN, NOT A STORAGE SERVICE. A local imitation of the Amazon S3 REST API subset the photo
 * storage uses, for tests and benchmarks (the usual s3rver is not installed here): path-style
 * addressing (`/<bucket>/<key>`), PutObject (PUT), GetObject (GET), HeadObject (HEAD),
 * DeleteObject (DELETE, 204 also for a missing key), errors as S3's XML `<Error><Code>…` body
 * (NoSuchKey, NoSuchBucket, AccessDenied, XAmzContentSHA256Mismatch). Requests must carry a
 * Signature Version 4 `Authorization` header for the configured access key (its shape and key are
 * checked, the signature itself is not recomputed) and, unless `UNSIGNED-PAYLOAD`, an
 * `x-amz-content-sha256` that matches the body. Objects live in memory. Not built on
 * http-stand-in.ts: that base keeps bodies as text, and objects are binary.
 * Docs followed: https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObject.html (and GetObject,
 * DeleteObject, ErrorResponses), https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type S3StandInOptions = { bucket: string; accessKeyId: string; port?: number };
type StoredObject = { bytes: Buffer; contentType: string; etag: string };

const sigV4 = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/\d{8}\/[a-z0-9-]+\/s3\/aws4_request, ?SignedHeaders=[a-z0-9;-]+, ?Signature=[0-9a-f]{64}$/;

export class S3StandIn {
  readonly objects = new Map<string, StoredObject>();
  readonly requests: { method: string; path: string }[] = [];
  private server: Server | undefined;
  private readonly options: S3StandInOptions;
  private constructor(options: S3StandInOptions) {
    this.options = options;
  }

  static async start(options: S3StandInOptions): Promise<S3StandIn> {
    const standIn = new S3StandIn(options);
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => standIn.handle(req, Buffer.concat(chunks), res));
    });
    standIn.server = server;
    await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
    return standIn;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  private error(res: ServerResponse, status: number, code: string, message: string) {
    res.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
  }

  private handle(req: IncomingMessage, body: Buffer, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    this.requests.push({ method: req.method ?? 'GET', path: url.pathname });
    const auth = sigV4.exec(String(req.headers.authorization ?? ''));
    if (!auth || auth[1] !== this.options.accessKeyId || !req.headers['x-amz-date']) return this.error(res, 403, 'AccessDenied', 'Access Denied');
    const [, bucket, ...rest] = url.pathname.split('/');
    if (bucket !== this.options.bucket) return this.error(res, 404, 'NoSuchBucket', 'The specified bucket does not exist');
    const key = rest.map(decodeURIComponent).join('/');
    if (!key) return this.error(res, 400, 'InvalidRequest', 'This stand-in serves objects only');
    switch (req.method) {
      case 'PUT': {
        const declared = String(req.headers['x-amz-content-sha256'] ?? '');
        if (declared !== 'UNSIGNED-PAYLOAD' && declared !== createHash('sha256').update(body).digest('hex')) {
          return this.error(res, 400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        const etag = `"${createHash('md5').update(body).digest('hex')}"`;
        this.objects.set(key, { bytes: body, contentType: String(req.headers['content-type'] ?? 'application/octet-stream'), etag });
        return res.writeHead(200, { etag }).end();
      }
      case 'GET':
      case 'HEAD': {
        const object = this.objects.get(key);
        if (!object) return req.method === 'HEAD' ? res.writeHead(404).end() : this.error(res, 404, 'NoSuchKey', 'The specified key does not exist.');
        res.writeHead(200, { 'content-type': object.contentType, 'content-length': object.bytes.length, etag: object.etag });
        return res.end(req.method === 'GET' ? object.bytes : undefined);
      }
      case 'DELETE':
        this.objects.delete(key);
        return res.writeHead(204).end();
      default:
        return this.error(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.');
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
