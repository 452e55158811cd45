import type { Locale } from '../i18n/locales';

/** The staff image and PDF forms' words (components/staff/image-picker.tsx). */
export const imagesText: Record<
  Locale,
  {
    image: string;
    none: string;
    file: string;
    fileHint: string;
    altFa: string;
    altFaHint: string;
    altEn: string;
    upload: string;
    replace: string;
    remove: string;
    pdf: string;
    pdfNone: string;
    pdfFile: string;
    pdfHint: string;
    uploadPdf: string;
    removePdf: string;
    done: Record<string, string>;
  }
> = {
  fa: {
    image: 'تصویر',
    none: 'تصویری ندارد.',
    file: 'پرونده تصویر',
    fileHint: 'JPEG، PNG، WebP، AVIF یا GIF تا ۱۰ مگابایت. اطلاعات دوربین و مکان (EXIF/GPS) حذف می‌شود.',
    altFa: 'متن جایگزین (فارسی)',
    altFaHint: 'آنچه تصویر نشان می‌دهد، برای کسانی که آن را نمی‌بینند.',
    altEn: 'متن جایگزین (انگلیسی)',
    upload: 'بارگذاری تصویر',
    replace: 'جایگزینی تصویر',
    remove: 'برداشتن تصویر',
    pdf: 'پرونده PDF',
    pdfNone: 'پرونده‌ای پیوست نشده است.',
    pdfFile: 'پرونده PDF',
    pdfHint: 'تا ۲۰ مگابایت.',
    uploadPdf: 'پیوست PDF',
    removePdf: 'برداشتن PDF',
    done: { imageSaved: 'تصویر ذخیره شد.', imageRemoved: 'تصویر برداشته شد.', pdfSaved: 'PDF پیوست شد.', pdfRemoved: 'PDF برداشته شد.' },
  },
  en: {
    image: 'Image',
    none: 'No image.',
    file: 'Image file',
    fileHint: 'JPEG, PNG, WebP, AVIF or GIF, up to 10 MB. Camera and location data (EXIF/GPS) are removed.',
    altFa: 'Text alternative (Persian)',
    altFaHint: 'What the image shows, for people who cannot see it.',
    altEn: 'Text alternative (English)',
    upload: 'Upload image',
    replace: 'Replace image',
    remove: 'Remove image',
    pdf: 'PDF file',
    pdfNone: 'No file attached.',
    pdfFile: 'PDF file',
    pdfHint: 'Up to 20 MB.',
    uploadPdf: 'Attach PDF',
    removePdf: 'Remove PDF',
    done: {
      imageSaved: 'The image was saved.',
      imageRemoved: 'The image was removed.',
      pdfSaved: 'The PDF was attached.',
      pdfRemoved: 'The PDF was removed.',
    },
  },
};
