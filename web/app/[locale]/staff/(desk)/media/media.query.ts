import type {
  StaffMediaContactOptionsQuery,
  StaffMediaContactOptionsQueryVariables,
  StaffMediaOutletOptionsQuery,
  StaffMediaOutletOptionsQueryVariables,
} from '@/lib/api/graphql.generated';
import type { Operation } from '@/lib/api/request';
export const OUTLET_OPTIONS: Operation<StaffMediaOutletOptionsQuery, StaffMediaOutletOptionsQueryVariables> = /* GraphQL */ `
  query StaffMediaOutletOptions {
    mediaOutlets(first: 50) {
      edges {
        node {
          id
          nameFa
          nameEn
          kind
        }
      }
    }
  }
`;

export type OutletOptions = StaffMediaOutletOptionsQuery;

export const CONTACT_OPTIONS: Operation<StaffMediaContactOptionsQuery, StaffMediaContactOptionsQueryVariables> = /* GraphQL */ `
  query StaffMediaContactOptions($after: String) {
    mediaContacts(first: 50, after: $after) {
      totalCount
      edges {
        node {
          id
          name
          outlet {
            nameFa
            nameEn
          }
        }
      }
    }
  }
`;

export type ContactOptions = StaffMediaContactOptionsQuery;

export function outletName(outlet: { nameFa: string; nameEn: string | null } | null | undefined, locale: 'fa' | 'en'): string {
  if (!outlet) return '—';
  return locale === 'en' && outlet.nameEn ? outlet.nameEn : outlet.nameFa;
}
