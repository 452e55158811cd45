import { gql } from '@apollo/client';

// An attached image as pages show it (components/api-image.tsx, Open Graph cards). Operations that
// spread it declare `$locale: Locale!`. Apart from lib/images.ts so that no client bundle carries gql.
export const IMAGE_FIELDS = gql`
  fragment ImageFields on Image {
    url
    width
    height
    alt(locale: $locale)
    sources {
      url
      width
      height
    }
  }
`;
