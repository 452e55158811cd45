import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import { StaffUser } from '../staff/staff.entity';
import { type ImageVariant } from './file-check';
import { CreatedAtColumn } from '../../db/timestamp-columns';
import { type EnumValue, selfNamed } from '../../common/self-named';

export const StoredFileKind = selfNamed('IMAGE', 'PDF');
export type StoredFileKind = EnumValue<typeof StoredFileKind>;

/**
 * An uploaded file: an image (kept only as its WebP variants, re-encoded without metadata) or a
 * PDF (kept as sent). The bytes are in the file storage under content-hashed keys; this row says
 * which keys, and who uploaded it.
 */
@Entity('stored_file')
@Check('ck_stored_file_kind', `"kind" IN ('IMAGE', 'PDF')`)
export class StoredFile {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_stored_file' })
  id: string;

  @Column({ type: 'varchar', length: 10 })
  kind: StoredFileKind;

  /** The MIME type the keys are served as (image/webp, application/pdf). */
  @Column({ name: 'content_type', type: 'varchar', length: 100 })
  contentType: string;

  /** A PDF's key; an image's widest variant's. */
  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey: string;

  /** An image's variants, narrowest first: [{ key, width, height, bytes }]; empty for a PDF. */
  @Column({ type: 'jsonb', default: () => `'[]'` })
  variants: ImageVariant[];

  @Column({ type: 'integer', nullable: true })
  width: number | null;

  @Column({ type: 'integer', nullable: true })
  height: number | null;

  /** Bytes as stored (a PDF's size; an image's widest variant's). */
  @Column({ name: 'byte_size', type: 'integer' })
  byteSize: number;

  /** The name the file was sent with, for a PDF's download name (sanitised). */
  @Column({ name: 'file_name', type: 'varchar', length: 200 })
  fileName: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedById: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'fk_stored_file_uploaded_by' })
  uploadedBy?: StaffUser;

  @CreatedAtColumn()
  createdAt: Date;
}

/** What a file is attached to: one image per news item, event, goal and district; one PDF per press release. */
export const AttachmentSlot = selfNamed('NEWS_IMAGE', 'EVENT_IMAGE', 'GOAL_IMAGE', 'DISTRICT_IMAGE', 'PRESS_RELEASE_PDF');
export type AttachmentSlot = EnumValue<typeof AttachmentSlot>;

/**
 * A file attached to an object, with its alt text (images: Persian required, English optional).
 * The owner is named by slot and id (no foreign key: one table serves four owners); the owner's
 * removal leaves a row that nothing reads.
 */
@Entity('file_attachment')
@Index('ix_file_attachment_file', ['fileId'])
@Check('ck_file_attachment_slot', `"slot" IN ('NEWS_IMAGE', 'EVENT_IMAGE', 'GOAL_IMAGE', 'DISTRICT_IMAGE', 'PRESS_RELEASE_PDF')`)
export class FileAttachment {
  @PrimaryColumn({ type: 'varchar', length: 30, primaryKeyConstraintName: 'pk_file_attachment' })
  slot: AttachmentSlot;

  @PrimaryColumn({ name: 'owner_id', type: 'uuid', primaryKeyConstraintName: 'pk_file_attachment' })
  ownerId: string;

  @Column({ name: 'file_id', type: 'uuid' })
  fileId: string;

  @ManyToOne(() => StoredFile, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'file_id', foreignKeyConstraintName: 'fk_file_attachment_file' })
  file?: StoredFile;

  @Column({ name: 'alt_fa', type: 'varchar', length: 300, nullable: true })
  altFa: string | null;

  @Column({ name: 'alt_en', type: 'varchar', length: 300, nullable: true })
  altEn: string | null;

  @Column({ name: 'attached_by', type: 'uuid' })
  attachedById: string;

  @ManyToOne(() => StaffUser, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'attached_by', foreignKeyConstraintName: 'fk_file_attachment_attached_by' })
  attachedBy?: StaffUser;

  @CreateDateColumn({ name: 'attached_at', type: 'timestamptz' })
  attachedAt: Date;
}

export const FILE_ENTITIES = [StoredFile, FileAttachment];
