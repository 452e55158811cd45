// Demo media relations: outlets, contacts, the spokesperson's log, press releases and coverage,
// so that the media office's screens have something to show on a fresh `npm start`. Outlet and
// person names are made up (no real outlet or journalist is meant); phone numbers are not dialable
// (0000 exchanges) and e-mail addresses are at example.com. Dates are relative to the seeding day.
import { type EntityManager } from 'typeorm';
import { todayIn } from '../modules/media/local-date';
import { MediaContact } from '../modules/media/media-contact.entity';
import { MediaCoverage } from '../modules/media/media-coverage.entity';
import { MediaInteraction } from '../modules/media/media-interaction.entity';
import { MediaOutlet } from '../modules/media/media-outlet.entity';
import { PressRelease, PressReleaseDistribution, RELEASE_TEXTS } from '../modules/media/press-release.entity';
import { pickKeys } from '../common/pick-keys';
import {
  CoverageKind,
  CoverageTone,
  MediaInteractionKind,
  MediaInvitationReply,
  MediaOutletKind,
  PressReleaseStatus,
} from '../modules/media/media.enums';
import { MediaInvitation } from '../modules/media/media-invitation.entity';
import { slugFromTitle } from '../modules/media/slug';

const DAY_MS = 86_400_000;
const CITY_TIME_ZONE = 'Asia/Tehran';

export const DEMO_OUTLETS = [
  {
    key: 'agency',
    nameFa: 'خبرگزاری نبض‌نگار',
    nameEn: 'Nabznegar News Agency',
    kind: MediaOutletKind.NEWS_AGENCY,
    url: 'https://agency.example.com',
  },
  {
    key: 'daily',
    nameFa: 'روزنامه صبح شهر',
    nameEn: 'Sobh-e Shahr Daily',
    kind: MediaOutletKind.NEWSPAPER,
    url: 'https://daily.example.com',
  },
  {
    key: 'broadcaster',
    nameFa: 'شبکه رادیو و تلویزیون استان',
    nameEn: 'Provincial Radio and Television',
    kind: MediaOutletKind.RADIO_TELEVISION,
    url: null,
  },
  // Written as many Persian sites still write it, with Arabic ي and ك: search finds it either way.
  { key: 'website', nameFa: 'پايگاه خبري كوچه', nameEn: 'Koocheh News', kind: MediaOutletKind.WEBSITE, url: 'https://koocheh.example.com' },
  {
    key: 'channel',
    nameFa: 'کانال خبری محله‌نما',
    nameEn: 'Mahallenama channel',
    kind: MediaOutletKind.SOCIAL_ACCOUNT,
    url: 'https://social.example.com/mahallenama',
  },
] as const;

type OutletKey = (typeof DEMO_OUTLETS)[number]['key'];

export const DEMO_CONTACTS: Array<{
  name: string;
  role: string;
  outlet: OutletKey | null;
  phones: string[];
  email: string;
  beats: string[];
  language: string;
}> = [
  {
    name: 'مریم احمدی',
    role: 'خبرنگار حوزه شهری',
    outlet: 'agency',
    phones: ['09120000101'],
    email: 'm.ahmadi@example.com',
    beats: ['مدیریت شهری', 'حمل‌ونقل'],
    language: 'fa',
  },
  {
    name: 'رضا کاظمی',
    role: 'دبیر سرویس اجتماعی',
    outlet: 'agency',
    phones: ['02100000102'],
    email: 'r.kazemi@example.com',
    beats: ['اجتماعی', 'محیط زیست'],
    language: 'fa',
  },
  {
    name: 'سارا نوری',
    role: 'خبرنگار',
    outlet: 'daily',
    phones: ['09120000103', '02100000104'],
    email: 's.nouri@example.com',
    beats: ['فرهنگ و هنر', 'بافت تاریخی'],
    language: 'fa',
  },
  {
    name: 'علي كريمي',
    role: 'سردبیر',
    outlet: 'daily',
    phones: ['09120000105'],
    email: 'a.karimi@example.com',
    beats: ['مدیریت شهری'],
    language: 'fa',
  },
  {
    name: 'نگار صادقی',
    role: 'تهیه‌کننده برنامه صبحگاهی',
    outlet: 'broadcaster',
    phones: ['02100000106'],
    email: 'n.sadeghi@example.com',
    beats: ['حمل‌ونقل', 'خدمات شهری'],
    language: 'fa',
  },
  {
    name: 'Daniel Brooks',
    role: 'Correspondent',
    outlet: 'broadcaster',
    phones: ['+982100000107'],
    email: 'd.brooks@example.com',
    beats: ['urban affairs'],
    language: 'en',
  },
  {
    name: 'حسین مرادی',
    role: 'مدیر پایگاه',
    outlet: 'website',
    phones: ['09120000108'],
    email: 'h.moradi@example.com',
    beats: ['محله‌ها', 'شکایات شهروندان'],
    language: 'fa',
  },
  {
    name: 'لیلا رحیمی',
    role: 'ادمین کانال',
    outlet: 'channel',
    phones: ['09120000109'],
    email: 'l.rahimi@example.com',
    beats: ['محله‌ها'],
    language: 'fa',
  },
  {
    name: 'امید جعفری',
    role: 'روزنامه‌نگار آزاد',
    outlet: null,
    phones: ['09120000110'],
    email: 'o.jafari@example.com',
    beats: ['محیط زیست', 'فضای سبز'],
    language: 'fa',
  },
];

export const DEMO_RELEASES = [
  {
    titleFa: 'بازگشایی پل پیاده‌روی پارک مرکزی پس از بازسازی',
    titleEn: 'Central Park footbridge reopens after renovation',
    summaryFa: 'پل پیاده‌روی پارک مرکزی از جمعه با روشنایی تازه و دسترسی برای ویلچر دوباره باز می‌شود.',
    summaryEn: 'The Central Park footbridge reopens on Friday with new lighting and wheelchair access.',
    bodyFa:
      'شهرداری اعلام کرد که پل پیاده‌روی پارک مرکزی پس از شش ماه بازسازی از جمعه به روی شهروندان باز می‌شود.\n\nدر این بازسازی روشنایی پل نو شده و دو سطح شیب‌دار برای ویلچر و کالسکه ساخته شده است.',
    bodyEn:
      'The municipality announced that the Central Park footbridge reopens to the public on Friday after six months of renovation.\n\nThe bridge has new lighting and two ramps for wheelchairs and prams.',
    status: PressReleaseStatus.PUBLISHED,
    publishedDaysAgo: 20,
    district: 3,
    recipients: [0, 1, 2, 4, 6],
  },
  {
    titleFa: 'طرح جمعه‌های بدون خودرو در بافت تاریخی به نظرسنجی گذاشته شد',
    titleEn: 'Car-free Fridays in the historic centre put to a public poll',
    summaryFa: 'شهروندان تا پایان ماه می‌توانند نظر خود را درباره جمعه‌های بدون خودرو در منطقه هشت ثبت کنند.',
    summaryEn: 'Citizens can give their view on car-free Fridays in District 8 until the end of the month.',
    bodyFa:
      'شهرداری منطقه هشت طرح جمعه‌های بدون خودرو در بافت تاریخی را پیش از اجرا به نظرسنجی عمومی گذاشت.\n\nنتیجه نظرسنجی در تصمیم نهایی شورای شهر به کار می‌رود.',
    bodyEn:
      'District 8 put the plan for car-free Fridays in the historic centre to a public poll before any decision.\n\nThe city council will use the result in its final decision.',
    status: PressReleaseStatus.PUBLISHED,
    publishedDaysAgo: 6,
    district: 8,
    recipients: [2, 3, 5, 6, 7, 8],
  },
  {
    titleFa: 'برنامه زمستانی جمع‌آوری پسماند',
    titleEn: 'Winter waste-collection schedule',
    summaryFa: 'پیش‌نویس: ساعت‌های تازه جمع‌آوری پسماند در فصل سرما.',
    summaryEn: null,
    bodyFa: 'پیش‌نویس اطلاعیه درباره ساعت‌های جمع‌آوری پسماند در زمستان؛ پس از تأیید معاونت خدمات شهری منتشر می‌شود.',
    bodyEn: null,
    status: PressReleaseStatus.DRAFT,
    publishedDaysAgo: null,
    district: null,
    recipients: [],
  },
] as const;

/** Coverage over about five months: [days ago, outlet, kind, tone, headline]. */
const DEMO_COVERAGE: Array<[number, OutletKey, CoverageKind, CoverageTone, string]> = [
  [140, 'agency', CoverageKind.ARTICLE, CoverageTone.NEUTRAL, 'گزارش عملکرد شش‌ماهه شهرداری منتشر شد'],
  [131, 'daily', CoverageKind.ARTICLE, CoverageTone.NEGATIVE, 'گلایه ساکنان از تأخیر در جمع‌آوری پسماند'],
  [124, 'website', CoverageKind.ARTICLE, CoverageTone.NEGATIVE, 'چاله‌های خیابان اصلی هنوز پر نشده است'],
  [118, 'broadcaster', CoverageKind.BROADCAST, CoverageTone.POSITIVE, 'گفت‌وگو با سخنگوی شهرداری درباره طرح‌های تابستانی'],
  [103, 'agency', CoverageKind.ARTICLE, CoverageTone.POSITIVE, 'افتتاح دو بوستان محله‌ای تازه'],
  [97, 'channel', CoverageKind.SOCIAL_POST, CoverageTone.NEGATIVE, 'ترافیک سنگین پس از بسته شدن خیابان'],
  [90, 'daily', CoverageKind.ARTICLE, CoverageTone.NEUTRAL, 'بودجه فضای سبز سال آینده چقدر است؟'],
  [84, 'website', CoverageKind.ARTICLE, CoverageTone.POSITIVE, 'سامانه تازه پاسخ به شکایات شهروندان'],
  [71, 'broadcaster', CoverageKind.BROADCAST, CoverageTone.NEUTRAL, 'میزگرد حمل‌ونقل عمومی در شبکه استان'],
  [66, 'agency', CoverageKind.ARTICLE, CoverageTone.POSITIVE, 'کاهش زمان انتظار اتوبوس در خطوط اصلی'],
  [58, 'channel', CoverageKind.SOCIAL_POST, CoverageTone.POSITIVE, 'جشنواره محله در منطقه سه'],
  [52, 'daily', CoverageKind.ARTICLE, CoverageTone.NEGATIVE, 'انتقاد شورا از کندی پروژه پارکینگ'],
  [45, 'website', CoverageKind.ARTICLE, CoverageTone.NEUTRAL, 'ساعت کار تازه مراکز خدمات شهری'],
  [38, 'agency', CoverageKind.ARTICLE, CoverageTone.NEUTRAL, 'برنامه شهرداری برای بافت تاریخی'],
  [31, 'broadcaster', CoverageKind.BROADCAST, CoverageTone.POSITIVE, 'گزارش تصویری از نوسازی پیاده‌روها'],
  [25, 'channel', CoverageKind.SOCIAL_POST, CoverageTone.NEGATIVE, 'خاموشی چراغ‌های معابر در محله'],
  [19, 'agency', CoverageKind.ARTICLE, CoverageTone.POSITIVE, 'پل پیاده‌روی پارک مرکزی بازگشایی می‌شود'],
  [18, 'daily', CoverageKind.ARTICLE, CoverageTone.POSITIVE, 'پل پارک مرکزی با دسترسی ویلچر باز شد'],
  [17, 'website', CoverageKind.ARTICLE, CoverageTone.NEUTRAL, 'هزینه بازسازی پل پارک مرکزی چقدر بود؟'],
  [12, 'broadcaster', CoverageKind.BROADCAST, CoverageTone.NEUTRAL, 'گفت‌وگوی رادیویی درباره پسماند'],
  [5, 'daily', CoverageKind.ARTICLE, CoverageTone.NEUTRAL, 'نظرسنجی جمعه‌های بدون خودرو آغاز شد'],
  [4, 'channel', CoverageKind.SOCIAL_POST, CoverageTone.NEGATIVE, 'کسبه بافت تاریخی نگران جمعه‌های بدون خودرو'],
  [3, 'agency', CoverageKind.ARTICLE, CoverageTone.POSITIVE, 'استقبال شهروندان از نظرسنجی بافت تاریخی'],
];

export const DEMO_COVERAGE_COUNT = DEMO_COVERAGE.length;

const localDaysAgo = (now: number, days: number) => todayIn(CITY_TIME_ZONE, new Date(now - days * DAY_MS));

/**
 * Inserts the demo media data inside the demo-data transaction. Needs the districts and the demo
 * media officer (`media@nabz.example`) already inserted; invites contacts to the latest event only when
 * events were seeded before it.
 */
export async function seedDemoMedia(
  m: EntityManager,
  now = Date.now(),
): Promise<{ outlets: number; contacts: number; releases: number; coverage: number; invitations: number }> {
  const [officer] = (await m.query(`SELECT id FROM staff_user WHERE email = 'media@nabz.example'`)) as Array<{ id: string }>;
  if (!officer) return { outlets: 0, contacts: 0, releases: 0, coverage: 0, invitations: 0 };
  const districts = new Map(
    ((await m.query('SELECT id, code FROM district')) as Array<{ id: string; code: number }>).map((d) => [d.code, d.id]),
  );

  const outletRows = await m
    .createQueryBuilder()
    .insert()
    .into(MediaOutlet)
    .values(DEMO_OUTLETS.map(({ nameFa, nameEn, kind, url }) => ({ nameFa, nameEn, kind, url })))
    .returning(['id'])
    .execute();
  const outletId = new Map(DEMO_OUTLETS.map((o, i) => [o.key, outletRows.identifiers[i].id as string]));

  const contactRows = await m
    .createQueryBuilder()
    .insert()
    .into(MediaContact)
    .values(DEMO_CONTACTS.map(({ outlet, ...c }) => ({ ...c, outletId: outlet ? outletId.get(outlet)! : null })))
    .returning(['id'])
    .execute();
  const contactIds = contactRows.identifiers.map((r) => r.id as string);

  // The spokesperson's log: one follow-up overdue, one due soon, one done.
  const at = (daysAgo: number, hour: number) => new Date(now - daysAgo * DAY_MS - (now % DAY_MS) + (hour - 3.5) * 3_600_000);
  await m
    .createQueryBuilder()
    .insert()
    .into(MediaInteraction)
    .values([
      {
        contactId: contactIds[0],
        kind: MediaInteractionKind.INQUIRY_RECEIVED,
        occurredAt: at(9, 10),
        topic: 'پرسش درباره زمان بازگشایی پل پارک مرکزی',
        staffId: officer.id,
        followUpOn: localDaysAgo(now, 2),
      },
      {
        contactId: contactIds[4],
        kind: MediaInteractionKind.INTERVIEW,
        occurredAt: at(12, 8),
        topic: 'گفت‌وگوی رادیویی درباره پسماند',
        notes: 'برنامه صبحگاهی، ۱۵ دقیقه',
        staffId: officer.id,
      },
      {
        contactId: contactIds[3],
        kind: MediaInteractionKind.STATEMENT_SENT,
        occurredAt: at(7, 16),
        topic: 'پاسخ به انتقاد درباره پروژه پارکینگ',
        staffId: officer.id,
        followUpOn: localDaysAgo(now, 5),
        followUpDoneAt: at(4, 11),
      },
      {
        contactId: contactIds[6],
        kind: MediaInteractionKind.CALL,
        occurredAt: at(2, 14),
        topic: 'شکایت ساکنان از خاموشی چراغ‌های معابر',
        staffId: officer.id,
        followUpOn: localDaysAgo(now, -3),
      },
      {
        contactId: contactIds[5],
        kind: MediaInteractionKind.MEETING,
        occurredAt: at(15, 11),
        topic: 'Briefing on the historic-centre plan',
        staffId: officer.id,
      },
    ])
    .execute();

  let releases = 0;
  for (const [i, r] of DEMO_RELEASES.entries()) {
    const publishedAt = r.publishedDaysAgo === null ? null : at(r.publishedDaysAgo, 9);
    const created = new Date((publishedAt?.getTime() ?? now - DAY_MS) - 2 * DAY_MS);
    const slug = slugFromTitle(r.titleEn);
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(PressRelease)
      .values({
        slug,
        ...pickKeys(r, RELEASE_TEXTS),
        districtId: r.district ? (districts.get(r.district) ?? null) : null,
        status: r.status,
        publishedAt,
        createdById: officer.id,
        createdAt: created,
      })
      .returning(['id'])
      .execute();
    const releaseId = result.identifiers[0].id as string;
    if (r.recipients.length) {
      await m
        .createQueryBuilder()
        .insert()
        .into(PressReleaseDistribution)
        .values(r.recipients.map((c) => ({ releaseId, contactId: contactIds[c], sentAt: publishedAt!, recordedById: officer.id })))
        .execute();
    }
    // Coverage of the footbridge release points at it.
    if (i === 0) {
      await m
        .createQueryBuilder()
        .insert()
        .into(MediaCoverage)
        .values(
          DEMO_COVERAGE.filter(([days]) => days >= 17 && days <= 19).map(([days, outlet, kind, tone, title]) => ({
            outletId: outletId.get(outlet)!,
            title,
            publishedOn: localDaysAgo(now, days),
            kind,
            tone,
            pressReleaseId: releaseId,
            recordedById: officer.id,
          })),
        )
        .execute();
    }
    releases++;
  }

  await m
    .createQueryBuilder()
    .insert()
    .into(MediaCoverage)
    .values(
      DEMO_COVERAGE.filter(([days]) => days < 17 || days > 19).map(([days, outlet, kind, tone, title]) => ({
        outletId: outletId.get(outlet)!,
        title,
        url: outlet === 'broadcaster' ? null : `https://${outlet}.example.com/news/${days}`,
        publishedOn: localDaysAgo(now, days),
        kind,
        tone,
        recordedById: officer.id,
      })),
    )
    .execute();

  // Invitations to the latest calendar event, when the demo data has one by now.
  const [event] = (await m.query('SELECT id FROM event ORDER BY starts_at DESC, id LIMIT 1')) as Array<{ id: string }>;
  if (event) {
    await m
      .createQueryBuilder()
      .insert()
      .into(MediaInvitation)
      .values([
        {
          eventId: event.id,
          contactId: contactIds[0],
          reply: MediaInvitationReply.ACCEPTED,
          repliedAt: at(1, 12),
          invitedById: officer.id,
        },
        { eventId: event.id, contactId: contactIds[2], reply: MediaInvitationReply.AWAITING, invitedById: officer.id },
        {
          eventId: event.id,
          contactId: contactIds[4],
          reply: MediaInvitationReply.DECLINED,
          repliedAt: at(1, 15),
          invitedById: officer.id,
        },
      ])
      .execute();
  }

  return {
    outlets: DEMO_OUTLETS.length,
    contacts: DEMO_CONTACTS.length,
    releases,
    coverage: DEMO_COVERAGE.length,
    invitations: event ? 3 : 0,
  };
}
