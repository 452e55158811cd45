import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { Field, ID, ObjectType } from 'type-graphql';
import { MediaOutletKind } from './media.enums';
import { GeneratedTextColumn } from '../../db/generated-text-column';
import { CreatedAtColumn, UpdatedAtColumn } from '../../db/timestamp-columns';

/** As in the media-relations migration: changing either needs a new migration. */
export const MEDIA_OUTLET_SEARCH_EXPRESSION = `nabz_normalize(name_fa || ' ' || coalesce(name_en, ''))`;
export const MEDIA_OUTLET_NAME_KEY_EXPRESSION = `nabz_normalize(name_fa)`;

/** A news agency, newspaper, broadcaster, website or social account the office deals with. Staff only. */
@ObjectType('MediaOutlet', {
  description: 'A news agency, newspaper, radio or television channel, website or social account. Staff only (media officers and admins).',
})
@Entity('media_outlet')
@Index('uq_media_outlet_name_key', ['nameKey'], { unique: true })
@Check('ck_media_outlet_url', `"url" IS NULL OR "url" ~ '^https?://'`)
export class MediaOutlet {
  @Field(() => ID, { description: 'Opaque identifier.' })
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Field({ description: 'Name in Persian, as the outlet writes it.' })
  @Column({ name: 'name_fa', type: 'varchar', length: 200 })
  nameFa: string;

  @Field(() => String, { nullable: true, description: 'Name in English or Latin letters, when it has one.' })
  @Column({ name: 'name_en', type: 'varchar', length: 200, nullable: true })
  nameEn: string | null;

  @Field(() => MediaOutletKind, { description: 'What kind of outlet it is.' })
  @Column({ type: 'enum', enum: MediaOutletKind, enumName: 'media_outlet_kind' })
  kind: MediaOutletKind;

  @Field(() => String, { nullable: true, description: 'Its website or account address (http or https).' })
  @Column({ type: 'varchar', length: 500, nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'Notes for the media office, as plain text.' })
  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The Persian name normalised: two outlets whose names differ only in ي/ی, ZWNJ or diacritics are one outlet. */
  @GeneratedTextColumn('name_key', MEDIA_OUTLET_NAME_KEY_EXPRESSION)
  nameKey?: string;

  @GeneratedTextColumn('search_text', MEDIA_OUTLET_SEARCH_EXPRESSION)
  searchText?: string;

  @CreatedAtColumn('When the outlet was added.')
  createdAt: Date;

  @UpdatedAtColumn('When the outlet was last changed.')
  updatedAt: Date;
}
