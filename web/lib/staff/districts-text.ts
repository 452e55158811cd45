import type { Locale } from '../i18n/locales';

const fa = {
  title: 'مناطق شهر',
  intro:
    'منطقه‌های شهرداری: شماره، نام، جمعیت و مرز هر یک. جمعیت‌ها وزن نتایج نظرسنجی‌ها را می‌سازند؛ منطقه‌ای که دیگر نیست بایگانی می‌شود، نه پاک.',
  code: 'شماره منطقه',
  nameFa: 'نام فارسی',
  nameEn: 'نام انگلیسی',
  population: 'جمعیت',
  populationSource: 'منبع جمعیت',
  populationSourceHint: 'برای نمونه: سرشماری ۱۳۹۵',
  populationYear: 'سال آمار',
  boundary: 'مرز (GeoJSON)',
  boundaryHint:
    'یک Polygon یا MultiPolygon (یا Feature آن) با مختصات [طول جغرافیایی، عرض جغرافیایی] در WGS84؛ حداکثر ۲۰٬۰۰۰ نقطه. خالی گذاشتن آن، مرز را برمی‌دارد.',
  boundaryFile: 'یا بارگذاری پرونده GeoJSON',
  hasBoundary: 'مرز',
  status: 'وضعیت',
  active: 'در حال استفاده',
  retired: 'بایگانی‌شده',
  newDistrict: 'منطقه تازه',
  create: 'افزودن منطقه',
  save: 'ذخیره تغییرات',
  retire: 'بایگانی منطقه',
  retireHint: 'منطقه بایگانی‌شده از فهرست عمومی و نظرسنجی‌های تازه کنار می‌رود و هر آنچه به آن اشاره دارد سر جایش می‌ماند.',
  restore: 'بازگرداندن منطقه',
  history: 'تاریخچه جمعیت',
  validFrom: 'از',
  back: 'بازگشت به فهرست مناطق',
  yes: 'دارد',
  no: 'ندارد',
  done: {
    created: 'منطقه افزوده شد.',
    saved: 'تغییرات ذخیره شد.',
    retired: 'منطقه بایگانی شد.',
    restored: 'منطقه بازگردانده شد.',
  } as Record<string, string>,
  /** Where in the GeoJSON the fault is, counting from 1. */
  where: (p: number | null, r: number | null, i: number | null) =>
    [p !== null ? `چندضلعی ${p + 1}` : '', r !== null ? `حلقه ${r + 1}` : '', i !== null ? `نقطه ${i + 1}` : ''].filter(Boolean).join('، '),
};

type DistrictsText = typeof fa;

const en: DistrictsText = {
  title: 'City districts',
  intro:
    "The municipality's districts: each one's number, name, population and boundary. Populations weight poll results; a district that no longer exists is retired, never deleted.",
  code: 'District number',
  nameFa: 'Persian name',
  nameEn: 'English name',
  population: 'Population',
  populationSource: 'Population source',
  populationSourceHint: 'e.g. Census 1395',
  populationYear: 'Year of the figure',
  boundary: 'Boundary (GeoJSON)',
  boundaryHint:
    'A Polygon or MultiPolygon (or a Feature of one) with [longitude, latitude] coordinates in WGS84; at most 20,000 points. Leaving it empty removes the boundary.',
  boundaryFile: 'or upload a GeoJSON file',
  hasBoundary: 'Boundary',
  status: 'Status',
  active: 'In use',
  retired: 'Retired',
  newDistrict: 'New district',
  create: 'Add district',
  save: 'Save changes',
  retire: 'Retire district',
  retireHint: 'A retired district leaves the public list and new polls; everything that refers to it keeps it.',
  restore: 'Bring district back',
  history: 'Population history',
  validFrom: 'From',
  back: 'Back to the districts',
  yes: 'Yes',
  no: 'No',
  done: {
    created: 'The district was added.',
    saved: 'The changes were saved.',
    retired: 'The district was retired.',
    restored: 'The district was brought back.',
  },
  where: (p, r, i) =>
    [p !== null ? `polygon ${p + 1}` : '', r !== null ? `ring ${r + 1}` : '', i !== null ? `point ${i + 1}` : '']
      .filter(Boolean)
      .join(', '),
};

export const districtsText: Record<Locale, DistrictsText> = { fa, en };
