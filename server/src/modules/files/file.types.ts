import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { type FileAttachment, type StoredFile } from './file.entity';

@ObjectType('ImageSource', { description: 'One width of an image, as WebP.' })
export class ImageSource {
  @Field({ description: 'Its address: immutable (content-hashed), cached for a year.' })
  url: string;

  @Field(() => Int, { description: 'Width in pixels.' })
  width: number;

  @Field(() => Int, { description: 'Height in pixels.' })
  height: number;
}

/** An attached image: the attachment with its file. */
@ObjectType('Image', {
  description:
    'An image attached to a news item, event, goal or district: re-encoded as WebP at up to three widths (320, 640, 1280; never wider than the original) without metadata.',
})
export class ImageView {
  @Field(() => ID, { description: "The uploaded file's id." })
  id: string;

  @Field({ description: 'The widest version.' })
  url: string;

  @Field(() => Int, { description: 'Width of the widest version, in pixels.' })
  width: number;

  @Field(() => Int, { description: 'Height of the widest version, in pixels.' })
  height: number;

  @Field({ description: 'The media type of every version: image/webp.' })
  contentType: string;

  @Field(() => [ImageSource], { description: 'Every version, narrowest first (for srcset).' })
  sources: ImageSource[];

  altFa: string;
  altEn: string | null;
}

@ObjectType('DocumentFile', { description: 'A PDF attached to a press release: its press kit or the release as issued.' })
export class DocumentView {
  @Field(() => ID, { description: "The uploaded file's id." })
  id: string;

  @Field({ description: 'Its address: immutable (content-hashed), cached for a year.' })
  url: string;

  @Field({ description: 'The name it was uploaded with.' })
  fileName: string;

  @Field(() => Int, { description: 'Its size in bytes.' })
  byteSize: number;

  @Field({ description: 'application/pdf.' })
  contentType: string;
}

/** A file as uploaded (the answer of POST /uploads), before it is attached. */
export interface UploadedFileView {
  id: string;
  kind: string;
  contentType: string;
  url: string;
  width: number | null;
  height: number | null;
  byteSize: number;
  fileName: string;
}

export function imageView(a: FileAttachment & { file?: StoredFile }, urlOf: (key: string) => string): ImageView {
  const file = a.file!;
  return {
    id: file.id,
    url: urlOf(file.storageKey),
    width: file.width ?? 0,
    height: file.height ?? 0,
    contentType: file.contentType,
    sources: file.variants.map((v) => ({ url: urlOf(v.key), width: v.width, height: v.height })),
    altFa: a.altFa ?? '',
    altEn: a.altEn,
  };
}

export function documentView(file: StoredFile, urlOf: (key: string) => string): DocumentView {
  return { id: file.id, url: urlOf(file.storageKey), fileName: file.fileName, byteSize: file.byteSize, contentType: file.contentType };
}

export function uploadedFileView(file: StoredFile, urlOf: (key: string) => string): UploadedFileView {
  return {
    id: file.id,
    kind: file.kind,
    contentType: file.contentType,
    url: urlOf(file.storageKey),
    width: file.width,
    height: file.height,
    byteSize: file.byteSize,
    fileName: file.fileName,
  };
}

@InputType({ description: 'An uploaded image (POST /uploads) to attach, with its text alternative.' })
export class AttachImageInput {
  @Field(() => ID, { description: 'The id of what it is attached to: the press release (news item), event, goal or district.' })
  targetId: string;

  @Field(() => ID, { description: 'The uploaded image.' })
  fileId: string;

  @Field({ description: 'What the image shows, in Persian, for people who cannot see it (required, up to 300 characters).' })
  altFa: string;

  @Field(() => String, { nullable: true, description: 'The same in English (optional).' })
  altEn?: string | null;
}

@ObjectType({ description: 'The image as attached.' })
export class AttachImagePayload {
  @Field(() => ImageView, { description: 'The image, in place of any before it.' })
  image: ImageView;
}

@InputType({ description: 'What to remove the image from.' })
export class DetachImageInput {
  @Field(() => ID, { description: 'The id of the press release (news item), event, goal or district.' })
  targetId: string;
}

@ObjectType({ description: 'Whether there was an image to remove.' })
export class DetachImagePayload {
  @Field({ description: 'True when an image was removed; false when there was none.' })
  detached: boolean;
}

@InputType({ description: 'An uploaded PDF to attach to a press release.' })
export class AttachPressReleasePdfInput {
  @Field(() => ID, { description: 'The press release.' })
  pressReleaseId: string;

  @Field(() => ID, { description: 'The uploaded PDF.' })
  fileId: string;
}

@ObjectType({ description: 'The PDF as attached.' })
export class AttachPressReleasePdfPayload {
  @Field(() => DocumentView, { description: 'The PDF, in place of any before it.' })
  document: DocumentView;
}

@InputType({ description: 'The press release to remove the PDF from.' })
export class DetachPressReleasePdfInput {
  @Field(() => ID, { description: 'The press release.' })
  pressReleaseId: string;
}

@ObjectType({ description: 'Whether there was a PDF to remove.' })
export class DetachPressReleasePdfPayload {
  @Field({ description: 'True when a PDF was removed; false when there was none.' })
  detached: boolean;
}
