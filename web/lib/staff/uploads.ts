import { clientAddressHeaders } from '../api/client-address';
import { config } from '../config';
import type { GraphqlError } from '../api/request';
import { sessionEnded, staffToken } from './session';

export type UploadResult = { ok: true; id: string } | { ok: false; error: GraphqlError };

/**
 * Sends a file a staff form received to the API's POST /uploads (multipart, as the staff member),
 * which checks it by its content and stores it; its id is then attached with a mutation.
 */
export async function uploadToApi(file: File): Promise<UploadResult> {
  if (file.size === 0)
    return { ok: false, error: { message: 'No file', extensions: { code: 'BAD_USER_INPUT', reason: 'FILE_MISSING', field: 'file' } } };
  const token = await staffToken();
  if (!token) return sessionEnded(false);
  const form = new FormData();
  form.append('file', file, file.name);
  const response = await fetch(`${new URL(config.graphqlUrl).origin}/uploads`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...(await clientAddressHeaders()) },
    body: form,
    cache: 'no-store',
    signal: AbortSignal.timeout(60_000),
  });
  if (response.status === 401) return sessionEnded(true);
  const body = (await response.json().catch(() => ({}))) as { file?: { id: string }; errors?: GraphqlError[] };
  if (response.status === 201 && body.file) return { ok: true, id: body.file.id };
  return { ok: false, error: body.errors?.[0] ?? { message: `HTTP ${response.status}`, extensions: { code: 'UNKNOWN' } } };
}
