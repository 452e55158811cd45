export const OUTLET_OPTIONS = /* GraphQL */ `
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

export interface OutletOptions {
  mediaOutlets: { edges: { node: { id: string; nameFa: string; nameEn: string | null; kind: string } }[] };
}

export const CONTACT_OPTIONS = /* GraphQL */ `
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

export interface ContactOptions {
  mediaContacts: {
    totalCount: number;
    edges: { node: { id: string; name: string; outlet: { nameFa: string; nameEn: string | null } | null } }[];
  };
}

export function outletName(outlet: { nameFa: string; nameEn: string | null } | null | undefined, locale: 'fa' | 'en'): string {
  if (!outlet) return '—';
  return locale === 'en' && outlet.nameEn ? outlet.nameEn : outlet.nameFa;
}
