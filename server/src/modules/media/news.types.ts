import { Field, ID, ObjectType } from 'type-graphql';
import { pickKeys } from '../../common/pick-keys';
import { type PressRelease, RELEASE_TEXTS } from './press-release.entity';

/**
 * A published press release as the public sees it. A separate type, built field by field from the
 * release, so that nothing staff-only (status, author, distribution list, contacts) can reach the
 * public schema by accident.
 */
@ObjectType('NewsItem', {
  description:
    'A news item of the municipality: a published press release. Text fields follow the request language; all text is plain text.',
})
export class NewsItem {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id: string;

  @Field({ description: 'Its address: `newsItem(slug:)`. Stable once published; lower-case ASCII letters, digits and hyphens.' })
  slug: string;

  titleFa: string;
  titleEn: string | null;
  summaryFa: string | null;
  summaryEn: string | null;
  bodyFa: string;
  bodyEn: string | null;

  @Field(() => ID, { nullable: true, description: 'The district it concerns; null for the whole city.' })
  districtId: string | null;

  @Field({ description: 'When it was first published.' })
  publishedAt: Date;

  @Field({ description: 'When it was last changed (a correction after publishing shows here).' })
  updatedAt: Date;
}

export function toNewsItem(r: PressRelease): NewsItem {
  return { ...pickKeys(r, ['id', 'slug', ...RELEASE_TEXTS, 'districtId', 'updatedAt']), publishedAt: r.publishedAt! };
}
