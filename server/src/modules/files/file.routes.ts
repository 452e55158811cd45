import fastifyMultipart from '@fastify/multipart';
import { type FastifyInstance, type FastifyRequest } from 'fastify';
import { AppError, ErrorCode, forbidden, unauthenticated } from '../../common/errors';
import { SESSION_COOKIE } from '../../graphql/context';
import { authenticate, sessionExpired, viewerOf } from '../../graphql/identity';
import { sendAppError, sendError } from '../../graphql/http-error';
import { type Services } from '../../services';
import { type Actor } from '../staff/staff.policy';
import { refused, UploadRefusal } from './file-check';
import { canUpload, storageUnavailable } from './file.service';
import { uploadedFileView } from './file.types';
import { STORAGE_KEY } from './storage';

/** HTTP statuses of the upload route's refusals. */
const UPLOAD_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.FORBIDDEN]: 403,
  [ErrorCode.NOT_FOUND]: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  [ErrorCode.SERVICE_UNAVAILABLE]: 503,
};

const CONTENT_TYPES: Record<string, string> = { webp: 'image/webp', pdf: 'application/pdf' };

/** A staff member who may upload, by the same credentials as GraphQL (a session cookie or a bearer token). */
async function uploader(request: FastifyRequest, services: Services): Promise<Actor> {
  const identity = await authenticate(
    { authorization: request.headers.authorization, sessionCookie: request.cookies[SESSION_COOKIE] },
    services,
  );
  const viewer = viewerOf(identity);
  if (!viewer) throw identity.kind === 'anonymous' && identity.staleCookie ? sessionExpired() : unauthenticated();
  if (!canUpload(viewer)) throw forbidden();
  return { ...viewer, requestId: request.id };
}

/**
 * POST /uploads (multipart/form-data, one part named `file`): staff upload an image or a PDF, which
 * is checked by its content, stored and answered with its id (201); GraphQL then attaches it.
 * GET /files/<key>: the stored files, public, immutable (content-hashed keys), cached for a year.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any logger: the app's is pino's, Fastify's default type is narrower
export async function registerFileRoutes(http: FastifyInstance<any, any, any, any>, services: Services): Promise<void> {
  const { imageMaxBytes, pdfMaxBytes } = services.files.settings;
  const maxBytes = Math.max(imageMaxBytes, pdfMaxBytes);
  // Multipart bodies are read on this route only (its own plugin scope): /graphql still takes JSON alone.
  await http.register(async (scope) => {
    await scope.register(fastifyMultipart, {
      // One file and nothing else; the per-type limits are checked once the type is known.
      limits: { files: 1, fileSize: maxBytes, fields: 0, parts: 1, fieldNameSize: 100, headerPairs: 50 },
    });
    scope.post('/uploads', async (request, reply) => {
      try {
        const actor = await uploader(request, services);
        if (!request.isMultipart())
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as multipart/form-data, in a part named "file".', { field: 'file' });
        let bytes: Buffer;
        let name: string | undefined;
        try {
          const part = await request.file();
          if (!part || part.fieldname !== 'file') throw refused(UploadRefusal.FILE_MISSING, 'Send the file in a part named "file".');
          name = part.filename;
          bytes = await part.toBuffer();
        } catch (err) {
          if (err instanceof AppError) throw err;
          const code = (err as { code?: string }).code;
          if (code === 'FST_REQ_FILE_TOO_LARGE')
            throw refused(
              UploadRefusal.FILE_TOO_LARGE,
              `Files may be at most ${maxBytes} bytes (images ${imageMaxBytes}, PDF ${pdfMaxBytes}).`,
            );
          if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE' || code?.startsWith('FST_'))
            throw refused(UploadRefusal.FILE_MISSING, 'The multipart body is malformed: send one part named "file".');
          throw err;
        }
        const file = await services.files.upload(actor, bytes, name);
        return reply
          .code(201)
          .header('cache-control', 'no-store')
          .send({ file: uploadedFileView(file, (key) => services.files.urlOf(key)) });
      } catch (err) {
        return sendAppError(reply, err, UPLOAD_STATUS);
      }
    });
  });

  http.get('/files/*', async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    if (!STORAGE_KEY.test(key)) return sendError(reply, 404, ErrorCode.NOT_FOUND, 'No such file.');
    let object: Awaited<ReturnType<typeof services.files.storage.get>>;
    try {
      object = await services.files.storage.get(key);
    } catch (err) {
      // The file store is down: say so (not cached, so the file comes back with the store), never a 500.
      request.log.error({ err, key }, 'the file store did not answer');
      return sendAppError(reply, storageUnavailable());
    }
    if (!object) return sendError(reply, 404, ErrorCode.NOT_FOUND, 'No such file.');
    const extension = key.slice(key.lastIndexOf('.') + 1);
    reply
      .code(200)
      .header('content-type', CONTENT_TYPES[extension])
      .header('content-length', object.size)
      .header('cache-control', 'public, max-age=31536000, immutable')
      // A file is never a page: nothing in it may run, whatever a browser makes of it.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .header('cross-origin-resource-policy', 'cross-origin');
    if (extension === 'pdf') reply.header('content-disposition', 'inline');
    if (request.method === 'HEAD') {
      object.body.destroy();
      return reply.send();
    }
    return reply.send(object.body);
  });
}
