import { ActionForm } from '@/components/staff/action-form';
import { Field } from '@/components/staff/fields';
import type { Locale } from '@/lib/i18n/locales';
import { sitePath } from '@/lib/images';
import { formLabels } from '@/lib/staff/i18n';
import { imagesText } from '@/lib/staff/images-text';
import { attachImage, attachReleasePdf, detachImage, detachReleasePdf, type ImageOwner } from '@/app/[locale]/staff/(desk)/image-actions';
import { ActionButton, SubmitRow } from './buttons';

export interface StaffImage {
  url: string;
  altTranslations: { fa: string; en: string | null };
}

/** The message for `?done=` after an image or PDF form, or null. */
export function imageNotice(locale: Locale, done: string | undefined): string | null {
  return (done && imagesText[locale].done[done]) || null;
}

/**
 * An object's image: the current one with its alt text, and a form to upload a new one (file,
 * Persian alt text required, English optional) or remove it. Works without JavaScript (a plain
 * multipart form post to the server action).
 */
export function ImagePicker({
  locale,
  owner,
  id,
  image,
  done,
}: {
  locale: Locale;
  owner: ImageOwner;
  id: string;
  image: StaffImage | null;
  done?: string;
}) {
  const t = imagesText[locale];
  const notice = imageNotice(locale, done);
  // The image's description in each language: the Persian one required.
  const altInput = (lang: 'fa' | 'en') => (
    <input
      id={`image-alt-${lang}-${id}`}
      name={lang === 'fa' ? 'altFa' : 'altEn'}
      type="text"
      dir={lang === 'fa' ? 'rtl' : 'ltr'}
      lang={lang}
      maxLength={300}
      required={lang === 'fa'}
      defaultValue={image?.altTranslations[lang] ?? ''}
    />
  );
  return (
    <section className="staff-panel" aria-labelledby="image-title" data-image-picker>
      <h2 id="image-title">{t.image}</h2>
      {notice && (
        <p className="staff-alert staff-alert--ok" role="status">
          {notice}
        </p>
      )}
      {image ? (
        <figure style={{ margin: '0 0 1rem' }}>
          {/* The widest stored version, shown at most 20rem wide. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={sitePath(image.url)}
            alt={image.altTranslations.fa}
            style={{ maxInlineSize: '20rem', blockSize: 'auto', borderRadius: '0.5rem' }}
          />
          <figcaption className="staff-muted staff-small">
            {image.altTranslations.fa}
            {image.altTranslations.en && (
              <>
                {' · '}
                <span lang="en" dir="ltr">
                  {image.altTranslations.en}
                </span>
              </>
            )}
          </figcaption>
        </figure>
      ) : (
        <p className="staff-muted">{t.none}</p>
      )}
      <ActionForm
        action={attachImage.bind(null, owner, id)}
        className="staff-form"
        labels={formLabels(locale)}
        fieldLabels={{ file: t.file, altFa: t.altFa, altEn: t.altEn, fileId: t.file }}
        aria-label={image ? t.replace : t.upload}
      >
        <Field id={`image-file-${id}`} label={t.file}>
          <input id={`image-file-${id}`} name="file" type="file" accept="image/jpeg,image/png,image/webp,image/avif,image/gif" required />
          <small className="staff-muted">{t.fileHint}</small>
        </Field>
        <Field id={`image-alt-fa-${id}`} label={t.altFa}>
          {altInput('fa')}
          <small className="staff-muted">{t.altFaHint}</small>
        </Field>
        <Field id={`image-alt-en-${id}`} label={t.altEn} optional={locale}>
          {altInput('en')}
        </Field>
        <SubmitRow>{image ? t.replace : t.upload}</SubmitRow>
      </ActionForm>
      {image && (
        <ActionButton action={detachImage.bind(null, owner, id)} variant="danger" style={{ marginBlockStart: '1rem' }}>
          {t.remove}
        </ActionButton>
      )}
    </section>
  );
}

/** A press release's PDF: the attached one, and forms to attach another or remove it. */
export function ReleasePdfPicker({
  locale,
  id,
  document,
}: {
  locale: Locale;
  id: string;
  document: { url: string; fileName: string } | null;
}) {
  const t = imagesText[locale];
  return (
    <section className="staff-panel" aria-labelledby="pdf-title" data-pdf-picker>
      <h2 id="pdf-title">{t.pdf}</h2>
      {document ? (
        <p>
          <a href={sitePath(document.url)} type="application/pdf">
            {document.fileName}
          </a>
        </p>
      ) : (
        <p className="staff-muted">{t.pdfNone}</p>
      )}
      <ActionForm
        action={attachReleasePdf.bind(null, id)}
        className="staff-form"
        labels={formLabels(locale)}
        fieldLabels={{ file: t.pdfFile }}
        aria-label={t.uploadPdf}
      >
        <Field id={`pdf-file-${id}`} label={t.pdfFile}>
          <input id={`pdf-file-${id}`} name="file" type="file" accept="application/pdf" required />
          <small className="staff-muted">{t.pdfHint}</small>
        </Field>
        <SubmitRow>{t.uploadPdf}</SubmitRow>
      </ActionForm>
      {document && (
        <ActionButton action={detachReleasePdf.bind(null, id)} variant="danger" style={{ marginBlockStart: '1rem' }}>
          {t.removePdf}
        </ActionButton>
      )}
    </section>
  );
}
