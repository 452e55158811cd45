// Demo polls with generated responses, so that a fresh `npm start` shows results, district
// differences and two weeks of trends. Inserted with a handful of set-based SQL statements inside
// the demo-data transaction. The generator is seeded: every fresh database gets the same figures.
import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { PollState, QuestionKind, ResultsVisibility } from '../modules/polls/poll.enums';
import { MixState } from '../modules/polls/participation/answer-mix';
import { CUSTOMER_GOALS } from './customer-goals';

/** The customer's goal the demo polls measure (its English title, as seeded). */
const SATISFACTION_GOAL_EN = CUSTOMER_GOALS.find((g) => g.titleEn.startsWith('Build and strengthen citizen satisfaction'))!.titleEn;

type DemoQuestion = {
  kind: QuestionKind;
  promptFa: string;
  promptEn: string;
  required?: boolean;
  maxLength?: number;
  options: Array<{ labelFa: string; labelEn: string }>;
};

/** A choice question's options, from their [Persian, English] labels. */
const choices = (...labels: Array<[string, string]>): DemoQuestion['options'] => labels.map(([labelFa, labelEn]) => ({ labelFa, labelEn }));

/**
 * The priority question's options, in order, each with the suggestions its respondents write in the
 * free-text question (about a quarter of respondents write one).
 */
const PRIORITIES: Array<{ label: [string, string]; suggestions: string[] }> = [
  {
    label: ['ترافیک و حمل‌ونقل عمومی', 'Traffic and public transport'],
    suggestions: ['اتوبوس‌های خط محله بیشتر شود', 'زمان چراغ‌های راهنمایی تقاطع اصلی اصلاح شود', 'ایستگاه مترو به محله نزدیک‌تر باشد'],
  },
  {
    label: ['پاکیزگی و جمع‌آوری پسماند', 'Cleanliness and waste collection'],
    suggestions: ['سطل‌های زباله بیشتری در پارک گذاشته شود', 'جمع‌آوری زباله شب‌ها زودتر انجام شود', 'جوی‌های آب مرتب لایروبی شوند'],
  },
  {
    label: ['فضای سبز و پارک‌ها', 'Green space and parks'],
    suggestions: ['پارک کوچکی برای بچه‌ها در محله ساخته شود', 'درختان خیابان اصلی هرس و آبیاری شوند'],
  },
  {
    label: ['پیاده‌رو و روشنایی معابر', 'Pavements and street lighting'],
    suggestions: ['روشنایی کوچه‌ها در شب کم است', 'پیاده‌روها برای ویلچر و کالسکه هموار شوند'],
  },
  {
    label: ['حفظ بافت تاریخی', 'Preserving the historic fabric'],
    suggestions: ['خانه‌های تاریخی مرمت شوند', 'تابلوهای راهنمای گردشگران به فارسی و انگلیسی نصب شود'],
  },
];

// Type aliases rather than interfaces: the benchmark passes them where a plain record is expected.
export type DemoPollDefinition = {
  titleFa: string;
  titleEn: string;
  descriptionFa: string;
  descriptionEn: string;
  asksDistrict: boolean;
  resultsVisibility: ResultsVisibility;
  questions: DemoQuestion[];
};

/**
 * The satisfaction survey by district. Its shape is also a valid `CreatePollInput`: the
 * poll-submit benchmark creates its polls from it.
 */
export const DEMO_SATISFACTION_SURVEY: DemoPollDefinition = {
  titleFa: 'نظرسنجی رضایت شهروندان از خدمات شهری',
  titleEn: 'Citizen satisfaction with city services',
  descriptionFa: 'نظر شما به شهرداری منطقه‌تان کمک می‌کند تا خدمات را بهتر کند. پاسخ‌ها بی‌نام ثبت می‌شوند.',
  descriptionEn: 'Your view helps your district municipality improve its services. Answers are anonymous.',
  asksDistrict: true,
  resultsVisibility: ResultsVisibility.PUBLIC,
  questions: [
    {
      kind: QuestionKind.SINGLE_CHOICE,
      promptFa: 'در مجموع از خدمات شهرداری در محله‌تان چقدر راضی هستید؟',
      promptEn: "Overall, how satisfied are you with the municipality's services in your neighbourhood?",
      options: choices(
        ['خیلی راضی', 'Very satisfied'],
        ['راضی', 'Satisfied'],
        ['نه راضی، نه ناراضی', 'Neither'],
        ['ناراضی', 'Dissatisfied'],
        ['خیلی ناراضی', 'Very dissatisfied'],
      ),
    },
    {
      kind: QuestionKind.SINGLE_CHOICE,
      promptFa: 'به نظر شما مهم‌ترین اولویت محله‌تان چیست؟',
      promptEn: "What is your neighbourhood's most urgent priority?",
      options: choices(...PRIORITIES.map((p) => p.label)),
    },
    {
      kind: QuestionKind.RATING,
      required: false, // the generated responses skip it now and then, as real respondents would
      promptFa: 'به پاکیزگی کوچه‌ها و خیابان‌های محله‌تان از ۱ تا ۵ چه نمره‌ای می‌دهید؟',
      promptEn: 'From 1 to 5, how clean are the streets of your neighbourhood?',
      options: [],
    },
    {
      kind: QuestionKind.NPS,
      required: false, // the generated responses skip it now and then, as real respondents would
      promptFa: 'چقدر احتمال دارد زندگی در منطقه‌تان را به دوستان و آشنایان توصیه کنید؟',
      promptEn: 'How likely are you to recommend living in your district to friends?',
      options: [],
    },
    {
      kind: QuestionKind.FREE_TEXT,
      promptFa: 'اگر پیشنهادی برای بهتر شدن محله دارید، بنویسید.',
      promptEn: 'Any suggestion to make your neighbourhood better?',
      required: false,
      maxLength: 500,
      options: [],
    },
  ],
};

/** A single-question poll, city-wide (no district). */
export const DEMO_QUICK_POLL: DemoPollDefinition = {
  titleFa: 'پیاده‌راه جمعه‌ها در بافت تاریخی',
  titleEn: 'Car-free Fridays in the historic centre',
  descriptionFa: 'شهرداری پیشنهاد می‌کند خیابان‌های اصلی بافت تاریخی روزهای جمعه فقط به روی عابران پیاده باز باشد.',
  descriptionEn: "The municipality proposes closing the historic centre's main streets to cars on Fridays.",
  asksDistrict: false,
  resultsVisibility: ResultsVisibility.PUBLIC,
  questions: [
    {
      kind: QuestionKind.SINGLE_CHOICE,
      promptFa: 'آیا با پیاده‌راه شدن خیابان‌های بافت تاریخی در روزهای جمعه موافقید؟',
      promptEn: "Do you agree with making the historic centre's streets car-free on Fridays?",
      options: choices(['موافقم', 'I agree'], ['مخالفم', 'I disagree'], ['نظری ندارم', 'No opinion']),
    },
  ],
};

export const DEMO_SURVEY_RESPONSES = 1400;
export const DEMO_QUICK_POLL_RESPONSES = 650;
/** Days of responses before now. */
const SURVEY_DAYS = 14;
const QUICK_POLL_DAYS = 9;
const HOUR = 3600_000;

/**
 * How each district (by code) answers: `mood` shifts satisfaction (−1 … 1), `trend` is the shift
 * gained over the two weeks (a cleaning campaign in 4 and 8, a road closure in 6), `priorities`
 * weigh the five priority options in order.
 */
const DISTRICT_PROFILES: Record<number, { mood: number; trend: number; priorities: number[] }> = {
  1: { mood: 0.7, trend: 0.1, priorities: [4, 1, 3, 2, 0.5] },
  2: { mood: 0.4, trend: 0, priorities: [5, 2, 2, 2, 0.5] },
  3: { mood: 0.2, trend: 0, priorities: [3, 3, 4, 2, 0.5] },
  4: { mood: -0.4, trend: 0.7, priorities: [5, 5, 2, 2, 0.3] },
  5: { mood: 0, trend: 0.1, priorities: [2, 4, 3, 3, 0.5] },
  6: { mood: 0.1, trend: -0.5, priorities: [6, 2, 2, 2, 0.5] },
  7: { mood: -0.2, trend: 0.2, priorities: [2, 4, 2, 5, 0.5] },
  8: { mood: -0.7, trend: 0.6, priorities: [2, 4, 1, 3, 6] },
};

/** mulberry32: a small seeded generator, so the demo figures are the same on every fresh database. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted(random: () => number, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i];
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** A standard normal deviate (Box–Muller). */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));

/**
 * Hours (the city's whole hours, as submissions store them) over the last `days` days, weighted:
 * more on the first days after the launch, fewer at night in Tehran (UTC+3:30) and on Fridays.
 */
function hourSampler(random: () => number, now: number, days: number): () => Date {
  const TEHRAN = 3.5 * HOUR;
  const last = Math.floor((now + TEHRAN) / HOUR) * HOUR - TEHRAN;
  const hours: number[] = [];
  const weights: number[] = [];
  for (let h = 0; h < days * 24; h++) {
    const at = last - h * HOUR;
    const local = new Date(at + TEHRAN);
    const hourOfDay = local.getUTCHours();
    const daysSinceLaunch = days - h / 24;
    const night = hourOfDay < 7 ? 0.08 : hourOfDay < 9 ? 0.5 : hourOfDay >= 23 ? 0.4 : 1;
    const friday = local.getUTCDay() === 5 ? 0.6 : 1;
    const launch = 1 + 2.5 * Math.exp(-daysSinceLaunch / 2);
    hours.push(at);
    weights.push(night * friday * launch);
  }
  return () => new Date(hours[weighted(random, weights)]);
}

interface PollRows {
  ids: string[];
  pollIds: string[];
  districts: Array<string | null>;
  times: Date[];
  answers: {
    responseIds: string[];
    questionIds: string[];
    optionIds: Array<string | null>;
    numbers: Array<number | null>;
    texts: Array<string | null>;
  };
}

function emptyRows(): PollRows {
  return {
    ids: [],
    pollIds: [],
    districts: [],
    times: [],
    answers: { responseIds: [], questionIds: [], optionIds: [], numbers: [], texts: [] },
  };
}

/** Adds a response of `pollId` to `rows`; returns its id. */
function addResponse(rows: PollRows, pollId: string, districtId: string | null, at: Date): string {
  const id = randomUUID();
  rows.ids.push(id);
  rows.pollIds.push(pollId);
  rows.districts.push(districtId);
  rows.times.push(at);
  return id;
}

/** Adds an answer of a response to `rows`: an option, a number or a text. */
function addAnswer(
  rows: PollRows,
  responseId: string,
  questionId: string,
  optionId: string | null,
  number: number | null,
  text: string | null,
) {
  rows.answers.responseIds.push(responseId);
  rows.answers.questionIds.push(questionId);
  rows.answers.optionIds.push(optionId);
  rows.answers.numbers.push(number);
  rows.answers.texts.push(text);
}

interface InsertedPoll {
  id: string;
  questions: Array<{ id: string; options: string[] }>;
}

async function insertPoll(m: EntityManager, poll: DemoPollDefinition, opensAt: Date, closesAt: Date): Promise<InsertedPoll> {
  const id = randomUUID();
  const created = new Date(opensAt.getTime() - 2 * 24 * HOUR);
  await m.query(
    `INSERT INTO poll (id, title_fa, title_en, description_fa, description_en, state, opens_at, closes_at, results_visibility, asks_district, series_id, wave, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $1, 1, $11, $11)`,
    [
      id,
      poll.titleFa,
      poll.titleEn,
      poll.descriptionFa,
      poll.descriptionEn,
      PollState.PUBLISHED,
      opensAt,
      closesAt,
      poll.resultsVisibility,
      poll.asksDistrict,
      created,
    ],
  );
  const questions = poll.questions.map((q) => ({ id: randomUUID(), options: q.options.map(() => randomUUID()) }));
  await m.query(
    `INSERT INTO poll_question (id, poll_id, position, kind, prompt_fa, prompt_en, required, max_length)
     SELECT q.id, $1, q.position, q.kind::poll_question_kind, q.prompt_fa, q.prompt_en, q.required, q.max_length
     FROM unnest($2::uuid[], $3::int[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::int[]) AS q(id, position, kind, prompt_fa, prompt_en, required, max_length)`,
    [
      id,
      questions.map((q) => q.id),
      poll.questions.map((_, i) => i + 1),
      poll.questions.map((q) => q.kind),
      poll.questions.map((q) => q.promptFa),
      poll.questions.map((q) => q.promptEn),
      poll.questions.map((q) => q.required ?? true),
      poll.questions.map((q) => (q.kind === QuestionKind.FREE_TEXT ? (q.maxLength ?? 1000) : null)),
    ],
  );
  const options = poll.questions.flatMap((q, i) =>
    q.options.map((o, j) => ({ id: questions[i].options[j], questionId: questions[i].id, position: j + 1, ...o })),
  );
  await m.query(
    `INSERT INTO poll_option (id, question_id, position, label_fa, label_en)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[])`,
    [
      options.map((o) => o.id),
      options.map((o) => o.questionId),
      options.map((o) => o.position),
      options.map((o) => o.labelFa),
      options.map((o) => o.labelEn),
    ],
  );
  return { id, questions };
}

function surveyResponses(
  poll: InsertedPoll,
  districts: Array<{ id: string; code: number; population: number }>,
  now: number,
  rows: PollRows,
): void {
  const random = seeded(1405);
  const when = hourSampler(random, now, SURVEY_DAYS);
  // Bigger districts answer more, but not in proportion (smaller ones are keener).
  const districtWeights = districts.map((d) => d.population ** 0.7);
  const [satisfaction, priority, cleanliness, nps, suggestion] = poll.questions;
  for (let i = 0; i < DEMO_SURVEY_RESPONSES; i++) {
    const district = districts[weighted(random, districtWeights)];
    const profile = DISTRICT_PROFILES[district.code] ?? { mood: 0, trend: 0, priorities: [1, 1, 1, 1, 1] };
    const at = when();
    const progress = clamp(1 - (now - at.getTime()) / (SURVEY_DAYS * 24 * HOUR), 0, 1);
    const feeling = profile.mood + profile.trend * progress + 0.8 * normal(random);
    const id = addResponse(rows, poll.id, district.id, at);
    // Options run from "very satisfied" (0) to "very dissatisfied" (4).
    addAnswer(rows, id, satisfaction.id, satisfaction.options[clamp(Math.round(1.6 - 1.3 * feeling), 0, 4)], null, null);
    const priorityIndex = weighted(random, profile.priorities);
    addAnswer(rows, id, priority.id, priority.options[priorityIndex], null, null);
    if (random() < 0.94)
      addAnswer(rows, id, cleanliness.id, null, clamp(Math.round(3.1 + 1.1 * feeling + 0.5 * normal(random)), 1, 5), null);
    if (random() < 0.88) addAnswer(rows, id, nps.id, null, clamp(Math.round(6.6 + 2.2 * feeling + 1.2 * normal(random)), 0, 10), null);
    if (random() < 0.24) {
      const pool = PRIORITIES[priorityIndex].suggestions;
      addAnswer(rows, id, suggestion.id, null, null, pool[Math.floor(random() * pool.length)]);
    }
  }
}

function quickPollResponses(poll: InsertedPoll, now: number, rows: PollRows): void {
  const random = seeded(1357);
  const when = hourSampler(random, now, QUICK_POLL_DAYS);
  const [question] = poll.questions;
  for (let i = 0; i < DEMO_QUICK_POLL_RESPONSES; i++) {
    const at = when();
    // Support grows a little as the proposal is discussed.
    const progress = clamp(1 - (now - at.getTime()) / (QUICK_POLL_DAYS * 24 * HOUR), 0, 1);
    const id = addResponse(rows, poll.id, null, at);
    addAnswer(rows, id, question.id, question.options[weighted(random, [0.52 + 0.1 * progress, 0.34 - 0.08 * progress, 0.14])], null, null);
  }
}

/** A goal indicator's row in the VALUES below: its labels, and the share of its poll's first question answering `option`, against `target`. */
function indicatorParameters([labelFa, labelEn]: [string, string], poll: InsertedPoll, options: number[], target: number): unknown[] {
  const [question] = poll.questions;
  return [labelFa, labelEn, poll.id, question.id, target, options.map((i) => question.options[i])];
}

/**
 * Adds the demo polls and their responses. Respects the privacy design: participations are random
 * keys inserted on their own, with nothing that links them to a response; responses carry only the
 * district and the hour. Every response is queued for the tallies, as a real submission is.
 */
export async function seedDemoPolls(m: EntityManager, now = Date.now()): Promise<{ polls: number; responses: number }> {
  const districts = (await m.query('SELECT id, code, population FROM district ORDER BY code')) as Array<{
    id: string;
    code: number;
    population: number;
  }>;
  const survey = await insertPoll(
    m,
    DEMO_SATISFACTION_SURVEY,
    new Date(now - (SURVEY_DAYS * 24 + 2) * HOUR),
    new Date(now + 16 * 24 * HOUR),
  );
  const quick = await insertPoll(m, DEMO_QUICK_POLL, new Date(now - (QUICK_POLL_DAYS * 24 + 2) * HOUR), new Date(now + 21 * 24 * HOUR));

  const rows = emptyRows();
  surveyResponses(survey, districts, now, rows);
  quickPollResponses(quick, now, rows);

  // About one in eight demo answers came without a solved proof-of-work challenge (a browser without JavaScript).
  await m.query(
    `INSERT INTO poll_response (id, poll_id, district_id, submitted_at, assurance)
     SELECT id, poll_id, district_id, submitted_at, (CASE WHEN n % 8 = 0 THEN 'UNCHALLENGED' ELSE 'CHALLENGED' END)::response_assurance
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::timestamptz[]) WITH ORDINALITY AS r(id, poll_id, district_id, submitted_at, n)`,
    [rows.ids, rows.pollIds, rows.districts, rows.times],
  );
  await m.query(
    `INSERT INTO poll_assurance_tally (poll_id, assurance, responses) SELECT poll_id, assurance, count(*) FROM poll_response WHERE poll_id = ANY($1::uuid[]) GROUP BY 1, 2`,
    [[survey.id, quick.id]],
  );
  // Their arrivals by minute, as each submission records them for the abuse signals: the polls'
  // typical minute (the baseline bursts are measured against) comes from the demo answers too.
  await m.query(
    `INSERT INTO poll_arrival_minute (poll_id, minute, answers) SELECT poll_id, date_trunc('minute', submitted_at), count(*) FROM poll_response WHERE poll_id = ANY($1::uuid[]) GROUP BY 1, 2`,
    [[survey.id, quick.id]],
  );
  const a = rows.answers;
  await m.query(
    `INSERT INTO poll_answer (response_id, seq, question_id, option_id, number, text)
     SELECT response_id, row_number() OVER (PARTITION BY response_id ORDER BY n), question_id, option_id, number, text
     FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::smallint[], $5::text[]) WITH ORDINALITY AS a(response_id, question_id, option_id, number, text, n)`,
    [a.responseIds, a.questionIds, a.optionIds, a.numbers, a.texts],
  );
  await m.query('INSERT INTO poll_tally_queue (poll_id, response_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])', [
    rows.pollIds,
    rows.ids,
  ]);
  // As many participations as responses, each a random 32-byte key: like the keyed hashes real
  // submissions store, and joined to nothing (settled: the mover's pool has no order to hide here).
  await m.query(
    `INSERT INTO poll_participation (poll_id, respondent_key, mix_state)
     SELECT p.poll_id, sha256(uuid_send(gen_random_uuid())), ${MixState.SETTLED} FROM (VALUES ($1::uuid, $2::int), ($3::uuid, $4::int)) AS p(poll_id, n), generate_series(1, p.n)`,
    [survey.id, DEMO_SURVEY_RESPONSES, quick.id, DEMO_QUICK_POLL_RESPONSES],
  );
  // The goal of citizens' satisfaction is measured by the two polls' public results, so its page
  // shows where it stands: the share answering "very satisfied" or "satisfied", and the share in
  // favour of car-free Fridays.
  await m.query(
    `INSERT INTO goal_indicator (goal_id, label_fa, label_en, metric, poll_id, question_id, option_id, option_ids, target, direction, created_at, updated_at)
     SELECT g.id, i.label_fa, i.label_en, 'OPTION_SHARE', i.poll_id::uuid, i.question_id::uuid, i.option_ids[1], i.option_ids, i.target, 'AT_LEAST',
            now() - i.age * interval '1 minute', now() - i.age * interval '1 minute'
     FROM goal g, (VALUES ($1, $2, $3, $4, $5::double precision, $6::uuid[], 2), ($7, $8, $9, $10, $11::double precision, $12::uuid[], 1)) AS i(label_fa, label_en, poll_id, question_id, target, option_ids, age)
     WHERE g.title_en = $13`,
    [
      ...indicatorParameters(['شهروندان راضی از خدمات محله', 'Citizens satisfied with their neighbourhood services'], survey, [0, 1], 0.7),
      ...indicatorParameters(['موافقان پیاده‌راه جمعه‌ها', 'In favour of car-free Fridays'], quick, [0], 0.5),
      SATISFACTION_GOAL_EN,
    ],
  );
  return { polls: 2, responses: rows.ids.length };
}
