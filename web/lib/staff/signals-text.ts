import type { Locale } from '../i18n/locales';
import { countOf } from '../i18n/plural';

// Staff strings of a poll's abuse signals page (issue 13 item 5): bursts, clusters and the
// quarantine that holds suspect answers out of every result. Its own file: the insights and poll
// pages only link to it.

export interface SignalsText {
  link: string;
  title: (poll: string) => string;
  intro: string;
  countsTitle: string;
  quarantined: string;
  burstsTitle: string;
  burstsIntro: string;
  baseline: (n: string) => string;
  minute: string;
  answers: string;
  typical: string;
  noBursts: string;
  clustersTitle: string;
  clustersIntro: string;
  window: string;
  state: string;
  held: string;
  notHeld: string;
  noClusters: string;
  quarantine: string;
  quarantineCluster: (window: string) => string;
  quarantineAnswers: (n: string) => string;
  clusterGone: string;
  reason: string;
  reasonHint: string;
  windowTitle: string;
  windowIntro: string;
  from: string;
  to: string;
  day: string;
  time: string;
  quarantineWindow: string;
  quarantinesTitle: string;
  noQuarantines: string;
  what: string;
  cluster: (window: string) => string;
  timeWindow: (span: string) => string;
  responses: string;
  created: string;
  active: string;
  released: (when: string) => string;
  release: string;
  releaseOne: (what: string) => string;
  done: { quarantined: (n: string) => string; released: string };
  errors: { notADay: string; alreadyReleased: string; eitherOr: string; notACluster: string };
  fields: { reason: string; from: string; to: string; clusterId: string };
}

const fa: SignalsText = {
  link: 'نشانه‌های سوءاستفاده',
  title: (poll) => `نشانه‌های سوءاستفاده: ${poll}`,
  intro:
    'پاسخ‌های مشکوک به پرکردن انبوه: دقیقه‌های پرشمار و خوشه‌های پاسخ از یک شبکه و یک خانواده مرورگر. قرنطینه پاسخ‌ها را از همه نتایج بیرون می‌گذارد ولی پاک نمی‌کند و برگشت‌پذیر است؛ هر قرنطینه و آزادسازی در گزارش رویدادها ثبت می‌شود.',
  countsTitle: 'پاسخ‌ها بر پایه تأیید',
  quarantined: 'در قرنطینه (بیرون از نتایج)',
  burstsTitle: 'دقیقه‌های پرشمار',
  burstsIntro: 'دقیقه‌هایی با دست‌کم ۱۰ پاسخ و ۴ برابر دقیقه معمول این نظرسنجی؛ تازه‌ترین نخست.',
  baseline: (n) => `دقیقه معمول این نظرسنجی: ${n} پاسخ (میانه دقیقه‌های دارای پاسخ)`,
  minute: 'دقیقه',
  answers: 'پاسخ‌ها',
  typical: 'دقیقه معمول',
  noBursts: 'دقیقه پرشماری دیده نشد.',
  clustersTitle: 'خوشه‌ها',
  clustersIntro:
    'دست‌کم ۵ پاسخ در ده دقیقه از یک پیشوند شبکه و یک خانواده مرورگر. شناسه خوشه چکیده‌ای با نمک روزانه است و پس از یک روز به هیچ شبکه‌ای برنمی‌گردد.',
  window: 'بازه',
  state: 'وضعیت',
  held: 'در قرنطینه',
  notHeld: 'در نتایج',
  noClusters: 'خوشه‌ای دیده نشد.',
  quarantine: 'قرنطینه…',
  quarantineCluster: (window) => `قرنطینه خوشه ${window}`,
  quarantineAnswers: (n) => `قرنطینه ${n} پاسخ`,
  clusterGone: 'یک خوشه (بیش از یک روز پیش)',
  reason: 'دلیل',
  reasonHint: 'برای گزارش رویدادها؛ حداکثر ۵۰۰ نویسه.',
  windowTitle: 'قرنطینه یک بازه زمانی',
  windowIntro: 'پاسخ‌ها فقط ساعتِ شمرده‌شدن خود را نگه می‌دارند؛ بازه به ساعت‌های کامل گسترده می‌شود (به وقت تهران).',
  from: 'از',
  to: 'تا',
  day: 'روز',
  time: 'ساعت',
  quarantineWindow: 'قرنطینه این بازه',
  quarantinesTitle: 'قرنطینه‌ها',
  noQuarantines: 'هنوز قرنطینه‌ای نیست.',
  what: 'چه چیزی',
  cluster: (window) => `خوشه ${window}`,
  timeWindow: (span) => `بازه ${span}`,
  responses: 'پاسخ‌های نگه‌داشته',
  created: 'زمان قرنطینه',
  active: 'فعال',
  released: (when) => `آزادشده در ${when}`,
  release: 'آزاد کردن',
  releaseOne: (what) => `آزاد کردن: ${what}`,
  done: {
    quarantined: (n) => `${n} پاسخ قرنطینه شد و از نتایج بیرون رفت.`,
    released: 'قرنطینه آزاد شد و پاسخ‌هایش به نتایج برگشت.',
  },
  errors: {
    notADay: 'تاریخ یا ساعت درست نیست. روز را به تقویم خورشیدی (مثلاً ۱۴۰۴/۰۹/۰۵) و ساعت را مانند ۱۴:۳۰ بنویسید.',
    alreadyReleased: 'این قرنطینه پیش‌تر آزاد شده است.',
    eitherOr: 'یا یک خوشه را قرنطینه کنید یا یک بازه با آغاز و پایان.',
    notACluster: 'این خوشه دیگر شناخته نمی‌شود؛ صفحه را تازه کنید.',
  },
  fields: { reason: 'دلیل', from: 'از', to: 'تا', clusterId: 'خوشه' },
};

const en: SignalsText = {
  link: 'Abuse signals',
  title: (poll) => `Abuse signals: ${poll}`,
  intro:
    'Answers that look like stuffing: busy minutes, and clusters of answers from one network and browser family. A quarantine holds answers out of every result without deleting them, and can be undone; each quarantine and release is in the audit log.',
  countsTitle: 'Answers by verification',
  quarantined: 'In quarantine (out of the results)',
  burstsTitle: 'Bursts',
  burstsIntro: "Minutes with at least 10 answers and 4 × this poll's typical minute; newest first.",
  baseline: (n) => `This poll's typical minute: ${n} answers (the median of its minutes with answers)`,
  minute: 'Minute',
  answers: 'Answers',
  typical: 'Typical minute',
  noBursts: 'No burst seen.',
  clustersTitle: 'Clusters',
  clustersIntro:
    "At least 5 answers within ten minutes from one network prefix and browser family. A cluster's id is a hash under a daily salt and leads back to no network after a day.",
  window: 'Window',
  state: 'State',
  held: 'In quarantine',
  notHeld: 'In the results',
  noClusters: 'No cluster seen.',
  quarantine: 'Quarantine…',
  quarantineCluster: (window) => `Quarantine the cluster of ${window}`,
  quarantineAnswers: (n) => `Quarantine ${n} answers`,
  clusterGone: 'A cluster (over a day ago)',
  reason: 'Reason',
  reasonHint: 'For the audit log; at most 500 characters.',
  windowTitle: 'Quarantine a time window',
  windowIntro: 'Answers keep only the hour they were counted, so the window widens to whole hours (Tehran time).',
  from: 'From',
  to: 'To',
  day: 'Day',
  time: 'Time',
  quarantineWindow: 'Quarantine this window',
  quarantinesTitle: 'Quarantines',
  noQuarantines: 'No quarantine yet.',
  what: 'What',
  cluster: (window) => `Cluster of ${window}`,
  timeWindow: (span) => `Window ${span}`,
  responses: 'Answers held',
  created: 'Quarantined at',
  active: 'Active',
  released: (when) => `Released ${when}`,
  release: 'Release',
  releaseOne: (what) => `Release: ${what}`,
  done: {
    quarantined: (n) => `${countOf(n, 'answer', 'answers')} quarantined and taken out of the results.`,
    released: 'Quarantine released; its answers are back in the results.',
  },
  errors: {
    notADay: 'Not a valid date or time. Write the day in the Solar Hijri calendar (e.g. 1404/09/05) and the time like 14:30.',
    alreadyReleased: 'This quarantine was released already.',
    eitherOr: 'Quarantine either a cluster, or a window with a start and an end.',
    notACluster: 'This cluster is no longer known; reload the page.',
  },
  fields: { reason: 'Reason', from: 'From', to: 'To', clusterId: 'Cluster' },
};

export const signalsText: Record<Locale, SignalsText> = { fa, en };
