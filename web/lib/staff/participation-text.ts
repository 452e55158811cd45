import type { Locale } from '../i18n/locales';
import type { PollAssurance } from '../api/graphql.generated';
import { countOf } from '../i18n/plural';

// Staff strings for who may answer a poll (assurance levels, eligibility lists) and how answers
// were verified. Kept apart from polls-text.ts: the builder, the list upload page and the insights
// all use them.

export type Assurance = PollAssurance;
export const ASSURANCES: Assurance[] = ['OPEN', 'VERIFIED_PHONE', 'RESIDENT_LIST'];
export type EligibilityKind = 'NATIONAL_CODE' | 'MEMBER_NUMBER';

export interface ParticipationText {
  legend: string;
  assurance: string;
  assurances: Record<Assurance, string>;
  assuranceHints: Record<Assurance, string>;
  list: string;
  listHint: string;
  noList: string;
  manageLists: string;
  listsTitle: string;
  listsIntro: string;
  listName: string;
  kind: string;
  kinds: Record<EligibilityKind, string>;
  entries: (n: string) => string;
  count: string;
  updated: string;
  noLists: string;
  newList: string;
  file: string;
  fileHint: string;
  create: string;
  uploading: (done: string, total: string) => string;
  created: (name: string, added: string) => string;
  badRows: string;
  line: (n: string) => string;
  invalidIdentifier: string;
  failed: string;
  empty: string;
  tooManyLines: string;
  countsTitle: string;
  counts: { CHALLENGED: string; UNCHALLENGED: string; PHONE: string; RESIDENT: string; verified: string; waiting: string };
}

const fa: ParticipationText = {
  legend: 'چه کسی می‌تواند پاسخ دهد',
  assurance: 'سطح اطمینان',
  assurances: {
    OPEN: 'باز (با بررسی خودکار مرورگر)',
    VERIFIED_PHONE: 'با تأیید شماره همراه (پیامک)',
    RESIDENT_LIST: 'فقط فهرست ساکنان (کد ملی یا شماره عضویت)',
  },
  assuranceHints: {
    OPEN: 'هر کس یک بار؛ پاسخ‌های بدون جاوااسکریپت «بی‌بررسی» علامت می‌خورند.',
    VERIFIED_PHONE: 'هر شماره همراه یک پاسخ؛ شماره کنار پاسخ ذخیره نمی‌شود.',
    RESIDENT_LIST: 'هر شناسه فهرست یک پاسخ؛ فهرست را در صفحه «فهرست‌های ساکنان» بسازید.',
  },
  list: 'فهرست ساکنان',
  listHint: 'فقط برای سطح «فهرست ساکنان» لازم است.',
  noList: '— بدون فهرست —',
  manageLists: 'فهرست‌های ساکنان',
  listsTitle: 'فهرست‌های ساکنان',
  listsIntro: 'شناسه‌های مجاز برای نظرسنجی‌های «فقط فهرست ساکنان». فقط چکیده کلیددار هر شناسه ذخیره می‌شود، نه خود آن.',
  listName: 'نام فهرست',
  kind: 'نوع شناسه',
  kinds: { NATIONAL_CODE: 'کد ملی', MEMBER_NUMBER: 'شماره عضویت' },
  entries: (n) => `${n} شناسه`,
  count: 'شمار شناسه‌ها',
  updated: 'آخرین افزودن',
  noLists: 'هنوز فهرستی ساخته نشده است.',
  newList: 'فهرست تازه',
  file: 'پرونده CSV یا متنی',
  fileHint:
    'هر سطر یک شناسه (در CSV ستون اول). سطرهای خالی نادیده گرفته می‌شوند. پرونده در مرورگر خوانده و در بسته‌های ۵٬۰۰۰ سطری فرستاده می‌شود.',
  create: 'ساختن فهرست',
  uploading: (done, total) => `در حال فرستادن: ${done} از ${total} سطر`,
  created: (name, added) => `فهرست «${name}» با ${added} شناسه ساخته شد.`,
  badRows: 'این سطرها پذیرفته نشد و از این بسته چیزی ذخیره نشد:',
  line: (n) => `سطر ${n}`,
  invalidIdentifier: 'شناسه نادرست است (کد ملی ده‌رقمی با رقم کنترل درست، یا شماره عضویت ۳ تا ۳۲ نویسه).',
  failed: 'فرستادن فهرست کامل نشد.',
  empty: 'پرونده هیچ شناسه‌ای ندارد.',
  tooManyLines: 'پرونده بیش از اندازه بزرگ است.',
  countsTitle: 'پاسخ‌ها بر پایه تأیید',
  counts: {
    CHALLENGED: 'با بررسی خودکار مرورگر',
    UNCHALLENGED: 'بی‌بررسی (بدون جاوااسکریپت)',
    PHONE: 'تأیید با شماره همراه',
    RESIDENT: 'از فهرست ساکنان',
    verified: 'تأییدشده، روی هم',
    waiting: 'در صف دسته‌بندی (هنوز شمرده نشده)',
  },
};

const en: ParticipationText = {
  legend: 'Who may answer',
  assurance: 'Assurance level',
  assurances: {
    OPEN: 'Open (automatic browser check)',
    VERIFIED_PHONE: 'Verified mobile number (SMS)',
    RESIDENT_LIST: 'Resident list only (national code or member number)',
  },
  assuranceHints: {
    OPEN: 'Anyone, once; answers sent without JavaScript are marked unchallenged.',
    VERIFIED_PHONE: 'One answer per mobile number; the number is not stored with the answer.',
    RESIDENT_LIST: 'One answer per listed identifier; make the list on the “Resident lists” page.',
  },
  list: 'Resident list',
  listHint: 'Needed for the resident-list level only.',
  noList: '— no list —',
  manageLists: 'Resident lists',
  listsTitle: 'Resident lists',
  listsIntro: 'Identifiers allowed to answer resident-list polls. Only a keyed hash of each identifier is stored, never the identifier.',
  listName: 'List name',
  kind: 'Identifier kind',
  kinds: { NATIONAL_CODE: 'National code', MEMBER_NUMBER: 'Member number' },
  entries: (n) => countOf(n, 'identifier', 'identifiers'),
  count: 'Identifiers',
  updated: 'Last added',
  noLists: 'No list yet.',
  newList: 'New list',
  file: 'CSV or text file',
  fileHint:
    "One identifier per line (a CSV's first column). Blank lines are skipped. The file is read in your browser and sent in chunks of 5,000 lines.",
  create: 'Create the list',
  uploading: (done, total) => `Sending: ${done} of ${total} lines`,
  created: (name, added) => `List “${name}” created with ${added} identifiers.`,
  badRows: 'These lines were refused, and nothing of their chunk was stored:',
  line: (n) => `Line ${n}`,
  invalidIdentifier: 'Not a valid identifier.',
  failed: 'The list was not sent completely.',
  empty: 'The file holds no identifier.',
  tooManyLines: 'The file is too large.',
  countsTitle: 'Answers by verification',
  counts: {
    CHALLENGED: 'With the automatic browser check',
    UNCHALLENGED: 'Unchallenged (no JavaScript)',
    PHONE: 'Verified by mobile number',
    RESIDENT: 'From the resident list',
    verified: 'Verified, in all',
    waiting: 'Waiting in the answer mix (not counted yet)',
  },
};

export const participationText: Record<Locale, ParticipationText> = { fa, en };
