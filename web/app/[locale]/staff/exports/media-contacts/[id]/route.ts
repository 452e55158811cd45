import { isLocale } from '@/lib/i18n/locales';
import { isUuid, staffRequest } from '@/lib/staff/api';
import type { StaffExportMediaContactDataMutation, StaffExportMediaContactDataMutationVariables } from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';

const EXPORT: Operation<StaffExportMediaContactDataMutation, StaffExportMediaContactDataMutationVariables> = /* GraphQL */ `
  mutation StaffExportMediaContactData($input: ExportMediaContactDataInput!) {
    exportMediaContactData(input: $input) {
      document
    }
  }
`;

const STATUS: Record<string, number> = { NOT_FOUND: 404, FORBIDDEN: 403, UNAUTHENTICATED: 401 };

/**
 * A media contact's personal data as one JSON file, for their request to see it: the API makes
 * (and audits) the export; this route hands the document to the media officer as a download.
 */
export async function GET(_request: Request, { params }: RouteContext<'/[locale]/staff/exports/media-contacts/[id]'>) {
  const { locale, id } = await params;
  if (!isUuid(id) || !isLocale(locale)) {
    return Response.json(
      { errors: [{ message: 'No such contact.', extensions: { code: 'NOT_FOUND' } }] },
      { status: 404, headers: { 'cache-control': 'no-store' } },
    );
  }
  const body = await staffRequest(EXPORT, { input: { id } });
  const error = body.errors?.[0];
  if (error || !body.data) {
    const code = error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    return Response.json(
      { errors: [{ message: error?.message ?? 'No data', extensions: { code } }] },
      { status: STATUS[code] ?? 500, headers: { 'cache-control': 'no-store' } },
    );
  }
  return new Response(body.data.exportMediaContactData.document, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="media-contact-${id}.json"`,
      'cache-control': 'no-store',
    },
  });
}
