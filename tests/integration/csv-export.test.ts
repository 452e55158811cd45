import http from 'node:http';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-data';
import { startTestApp, type TestApp } from '../helpers/app';
import { createPoll, type CreatedPoll, SUBMIT, surveyInput } from '../helpers/polls';
import { waitFor } from '../helpers/wait';

let t: TestApp;
let editor: string;
let analyst: string;
let media: string;
let survey: CreatedPoll;
let districts: Array<{ id: string; code: number; name: string }>;

const responsesUrl = (pollId: string) => `${t.url}/exports/polls/${pollId}/responses.csv`;
const resultsUrl = (pollId: string) => `${t.url}/exports/polls/${pollId}/results.csv`;
const get = (url: string, token?: string, headers: Record<string, string> = {}) =>
  fetch(url, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

/**
 * A strict RFC 4180 reader: records end in CRLF, a quoted field doubles its quotes, and a bare CR
 * or LF outside quotes is an error (so the test fails if the export gets quoting wrong).
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        i++;
      } else {
        field += c;
        i++;
      }
    } else if (c === '"') {
      if (field !== '') throw new Error(`a quote inside an unquoted field at ${i}`);
      quoted = true;
      i++;
    } else if (c === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (c === '\r' || c === '\n') {
      throw new Error(`a bare line break outside quotes at ${i}`);
    } else {
      field += c;
      i++;
    }
  }
  if (quoted || field !== '' || record.length) throw new Error('the file does not end with a complete record');
  return records;
}

const errorsOf = async (res: Response) =>
  ((await res.json()) as { errors: Array<{ message: string; extensions: { code: string } }> }).errors;

async function readCsv(res: Response): Promise<{ bytes: Buffer; rows: string[][] }> {
  const bytes = Buffer.from(await res.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return { bytes, rows: parseCsv(bytes.subarray(3).toString('utf8')) };
}

beforeAll(async () => {
  // No background folding: statement counts below measure the export alone.
  t = await startTestApp({ seed: true, env: { SUBMISSIONS_PER_MINUTE: '100000', TALLY_INTERVAL_MS: '60000' } });
  [editor, analyst, media] = await Promise.all([t.signIn('editor'), t.signIn('analyst'), t.signIn('media')]);
  districts = (await t.gql('{ districts { id code name } }')).body.data!.districts;
  survey = await createPoll(t, editor, surveyInput({ asksDistrict: true }));
});
afterAll(() => t.close());

const q = (i: number) => survey.questions[i];

/** Answers with the texts a spreadsheet gets wrong: Persian, commas, quotes, line breaks, formulas. */
const TEXTS = [
  'پارک بیشتر، لطفاً',
  'نور کم است, صدا زیاد',
  'He said "hello", then left',
  'خط اول\nخط دوم',
  '=HYPERLINK("http://evil.example","click")',
  '+98 912 000 0000',
  '-1+1',
  '@SUM(A1:A2)',
];

describe('CSV export: access', () => {
  it.each(['responses', 'results'])('refuses %s.csv without credentials with 401 UNAUTHENTICATED as JSON', async (kind) => {
    const res = await get(`${t.url}/exports/polls/${survey.id}/${kind}.csv`);
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', requestId: res.headers.get('x-request-id') } }],
    });
  });

  it('refuses an unknown or malformed bearer token with 401', async () => {
    expect((await get(responsesUrl(survey.id), 'x'.repeat(43))).status).toBe(401);
    const malformed = await fetch(responsesUrl(survey.id), { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
    expect((await errorsOf(malformed))[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it.each(['responses', 'results'])('refuses %s.csv to a media officer with 403 FORBIDDEN', async (kind) => {
    const res = await get(`${t.url}/exports/polls/${survey.id}/${kind}.csv`, media);
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'FORBIDDEN', requestId: res.headers.get('x-request-id') } }],
    });
  });

  it.each(['responses', 'results'])('answers 404 NOT_FOUND for an unknown or malformed poll id in %s.csv', async (kind) => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-poll']) {
      const res = await get(`${t.url}/exports/polls/${id}/${kind}.csv`, analyst);
      expect(res.status).toBe(404);
      expect((await errorsOf(res))[0].extensions.code).toBe('NOT_FOUND');
    }
  });

  it('lets analysts, editors and admins export, by bearer token or by the session cookie', async () => {
    const admin = await t.signIn('admin');
    for (const token of [analyst, editor, admin]) expect((await get(responsesUrl(survey.id), token)).status).toBe(200);
    const signIn = await fetch(t.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation ($input: SignInInput!) { signIn(input: $input) { token } }',
        variables: { input: { email: 'analyst@nabz.example', password: DEMO_PASSWORD } },
      }),
    });
    const cookie = signIn.headers
      .getSetCookie()
      .find((c) => c.startsWith('nabz_session='))!
      .split(';')[0];
    const res = await fetch(resultsUrl(survey.id), { headers: { cookie } });
    expect(res.status).toBe(200);
    expect((await readCsv(res)).rows[0][0]).toBe('question_position');
  });
});

describe('CSV export: responses.csv', () => {
  beforeAll(async () => {
    for (const [i, text] of TEXTS.entries()) {
      const res = await t.gql(SUBMIT, {
        input: {
          pollId: survey.id,
          districtId: districts[i % 3].id,
          answers: [
            { questionId: q(0).id, optionIds: [q(0).options[i % 3].id] },
            // Picked in reverse: the cell lists them in the poll's order.
            ...(i % 2 === 0 ? [{ questionId: q(1).id, optionIds: [q(1).options[2].id, q(1).options[0].id] }] : []),
            { questionId: q(2).id, number: 1 + (i % 5) },
            { questionId: q(3).id, number: i },
            { questionId: q(4).id, text },
          ],
        },
      });
      if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    }
    await t.settle();
    // Submissions trim text, so cells that start with a tab or a carriage return come from SQL.
    for (const text of ['\tcmd /c calc', '\r=1+2']) {
      await t.app.db.query(
        `WITH r AS (INSERT INTO poll_response (poll_id, submitted_at) VALUES ($1, date_trunc('hour', now())) RETURNING id)
         INSERT INTO poll_answer (response_id, seq, question_id, text) SELECT id, 1, $2, $3 FROM r`,
        [survey.id, q(4).id, text],
      );
    }
  });

  it('sends a CSV attachment that is not cached, with a UTF-8 byte order mark', async () => {
    const res = await get(responsesUrl(survey.id), analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="poll-${survey.id}-responses.csv"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    await readCsv(res);
  });

  it("writes one row per response: id, hour, district, then each question's answer, quoted by RFC 4180", async () => {
    const { bytes, rows } = await readCsv(await get(responsesUrl(survey.id), analyst));
    const [header, ...body] = rows;
    expect(header).toEqual([
      'response_id',
      'submitted_hour',
      'district_code',
      'district_name',
      'Q1. از خدمات شهرداری راضی هستید؟',
      'Q2. کدام خدمات را استفاده کرده‌اید؟',
      'Q3. به پاکیزگی شهر چه نمره‌ای می‌دهید؟',
      'Q4. چقدر شهر را به دوستان توصیه می‌کنید؟',
      'Q5. پیشنهاد شما چیست؟',
    ]);
    expect(body).toHaveLength(TEXTS.length + 2);
    const ids: Array<{ id: string }> = await t.app.db.query('SELECT id FROM poll_response WHERE poll_id = $1', [survey.id]);
    expect(body.map((r) => r[0]).sort()).toEqual(ids.map((r) => r.id).sort());

    const byText = new Map(body.map((r) => [r[8], r]));
    const persian = byText.get('پارک بیشتر، لطفاً')!;
    // A whole hour of the city (Asia/Tehran: on the half hour in UTC).
    expect(persian[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:30:00Z$/);
    expect(persian.slice(2, 8)).toEqual([String(districts[0].code), districts[0].name, 'بله', 'حمل و نقل | پسماند', '1', '0']);
    expect(byText.get('نور کم است, صدا زیاد')!.slice(4, 6)).toEqual(['تا حدی', '']);
    expect(byText.has('خط اول\nخط دوم')).toBe(true);

    // Text a spreadsheet would run as a formula starts with an apostrophe.
    for (const formula of [
      '=HYPERLINK("http://evil.example","click")',
      '+98 912 000 0000',
      '-1+1',
      '@SUM(A1:A2)',
      '\tcmd /c calc',
      '\r=1+2',
    ]) {
      expect(byText.has(`'${formula}`)).toBe(true);
      expect(byText.has(formula)).toBe(false);
    }
    // …and the raw bytes show the quoting: doubled quotes inside a quoted field, CRLF record ends.
    const raw = bytes.toString('utf8');
    expect(raw).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")"\r\n`);
    expect(raw).toContain(`,"He said ""hello"", then left"\r\n`);
    expect(raw).toContain(`,"خط اول\nخط دوم"\r\n`);
    expect(raw).toContain(`,"نور کم است, صدا زیاد"\r\n`);
  });

  it('writes headers, options and district names in English when asked', async () => {
    const { rows } = await readCsv(await get(responsesUrl(survey.id), analyst, { 'accept-language': 'en' }));
    expect(rows[0][4]).toBe('Q1. Are you satisfied?');
    expect(rows.slice(1).map((r) => r[4])).toContain('Yes');
    const query = await readCsv(await get(`${responsesUrl(survey.id)}?locale=en`, analyst));
    expect(query.rows[0][4]).toBe('Q1. Are you satisfied?');
    expect((await get(`${responsesUrl(survey.id)}?locale=de`, analyst)).status).toBe(400);
  });
});

describe('CSV export: results.csv', () => {
  const RESULTS = `query ($id: ID!) { pollResults(pollId: $id) { questions { question { id } answeredCount withheld responsesNeeded
    options { option { id } count share confidenceInterval { low high } suppressed }
    rating { distribution { value count share suppressed } } nps { distribution { value count suppressed } } } } }`;

  /** results.csv and pollResults agree row for row: figures where shown, empty cells and suppressed=true where withheld. */
  async function expectCsvMatchesResults() {
    const { rows } = await readCsv(await get(resultsUrl(survey.id), editor));
    const body = rows.slice(1);
    const graphql = await t.gql(RESULTS, { id: survey.id }, { token: editor });
    const [single, , ratingQ, npsQ] = graphql.body.data!.pollResults.questions;
    for (const o of single.options) {
      const row = body.find((r) => r[4] === o.option.id)!;
      if (o.suppressed) expect(row.slice(6)).toEqual(['', String(single.answeredCount), '', '', '', 'true']);
      else
        expect([...row.slice(6, 11).map(Number), row[11]]).toEqual([
          o.count,
          single.answeredCount,
          expect.closeTo(o.share, 5),
          expect.closeTo(o.confidenceInterval.low, 5),
          expect.closeTo(o.confidenceInterval.high, 5),
          'false',
        ]);
    }
    const ratings = body.filter((r) => r[1] === ratingQ.question.id);
    expect(ratings.map((r) => [Number(r[5]), r[6] === '' ? null : Number(r[6]), r[11]])).toEqual(
      ratingQ.rating.distribution.map((d: any) => [d.value, d.suppressed ? null : d.count, String(d.suppressed)]),
    );
    const nps = body.filter((r) => r[2] === 'NPS');
    expect(nps.map((r) => r[11])).toEqual(npsQ.nps.distribution.map((d: any) => String(d.suppressed)));
    return { body, questions: graphql.body.data!.pollResults.questions };
  }

  it('writes one row per option and per rating or NPS value, with counts, shares and Wilson intervals matching pollResults', async () => {
    const res = await get(resultsUrl(survey.id), editor);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="poll-${survey.id}-results.csv"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { rows } = await readCsv(res);
    const [header, ...body] = rows;
    expect(header).toEqual([
      'question_position',
      'question_id',
      'question_kind',
      'question',
      'option_id',
      'value',
      'count',
      'answered',
      'share',
      'wilson_low',
      'wilson_high',
      'suppressed',
    ]);
    // 3 + 3 options, 5 rating values, 11 NPS values; free text has no counts.
    expect(body).toHaveLength(3 + 3 + 5 + 11);
    expect(body.some((r) => r[2] === 'FREE_TEXT')).toBe(false);
    // 8 answers, under the poll's minimum of 10: every count withheld.
    const { body: withheld, questions } = await expectCsvMatchesResults();
    expect(questions[0]).toMatchObject({ answeredCount: 8, withheld: true, responsesNeeded: 2 });
    expect(withheld.every((r) => r[11] === 'true' && r[6] === '')).toBe(true);
  });

  it("shows the counts once the question reaches the poll's minimum, small counts still withheld with a complement", async () => {
    const lowered = await t.gql(
      'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { minResponses } } }',
      { input: { id: survey.id, minResponses: 5 } },
      { token: editor },
    );
    expect(lowered.body.data!.updatePoll.poll.minResponses).toBe(5);
    const { body, questions } = await expectCsvMatchesResults();
    expect(questions[0].withheld).toBe(false);
    // Two of eight ratings were 1: a small count, so withheld, and not alone.
    const ratings = body.filter((r) => r[1] === questions[2].question.id);
    expect(ratings[0][11]).toBe('true');
    expect(ratings.filter((r) => r[11] === 'true').length).toBeGreaterThanOrEqual(2);
    await t.gql(
      'mutation ($input: UpdatePollInput!) { updatePoll(input: $input) { poll { id } } }',
      { input: { id: survey.id, minResponses: 10 } },
      { token: editor },
    );
  });
});

describe('CSV export: a large poll', () => {
  const N = 5000;
  // About 3.5 KB a row, 18 MB in all: far more than the sockets can buffer for a reader that pauses.
  const LONG = 'نظر '.repeat(500);
  let big: CreatedPoll;

  beforeAll(async () => {
    big = await createPoll(t, editor, {
      titleFa: 'نظرسنجی بزرگ',
      questions: [
        { kind: 'SINGLE_CHOICE', promptFa: 'گزینه', options: [{ labelFa: 'الف' }, { labelFa: 'ب' }] },
        { kind: 'FREE_TEXT', promptFa: 'متن', maxLength: 5000 },
      ],
    });
    const [choice, text] = big.questions;
    // Straight into the tables, for speed; hours repeat so that batches end inside one hour.
    await t.app.db.query(
      `WITH g AS (SELECT i FROM generate_series(1, $5::int) i),
       p AS (INSERT INTO poll_participation (poll_id, respondent_key) SELECT $1, decode(md5('resp' || i), 'hex') FROM g),
       r AS (INSERT INTO poll_response (poll_id, submitted_at) SELECT $1, date_trunc('hour', now()) - (i % 3) * interval '1 hour' FROM g RETURNING id, poll_id),
       q AS (INSERT INTO poll_tally_queue (poll_id, response_id) SELECT poll_id, id FROM r),
       a AS (INSERT INTO poll_answer (response_id, seq, question_id, option_id) SELECT id, 1, $2, $3 FROM r)
       INSERT INTO poll_answer (response_id, seq, question_id, text) SELECT id, 2, $4, $6 || id::text FROM r`,
      [big.id, choice.id, choice.options[1].id, text.id, N, LONG],
    );
  });

  it('streams all 5,000 responses in chunks, each once', async () => {
    const res = await get(responsesUrl(big.id), analyst);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBeNull();
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    const { bytes, rows } = await readCsv(res);
    expect(bytes.length).toBeGreaterThan(N * 3500);
    expect(rows).toHaveLength(N + 1);
    const ids = new Set(rows.slice(1).map((r) => r[0]));
    expect(ids.size).toBe(N);
    const [{ n }] = await t.app.db.query('SELECT count(*)::int AS n FROM poll_response WHERE poll_id = $1', [big.id]);
    expect(n).toBe(N);
    expect(rows.slice(1).every((r) => r[4] === 'ب' && r[5] === LONG + r[0])).toBe(true);
    // Ordered by hour, then id.
    const hours = rows.slice(1).map((r) => r[1]);
    expect([...hours].sort()).toEqual(hours);
  });

  it('stops reading the database while the client is not reading, and finishes when it reads again', async () => {
    const before = t.sqlCount();
    const url = new URL(responsesUrl(big.id));
    let received = 0;
    let rows = 0;
    await new Promise<void>((resolve, reject) => {
      const req = http.get(url, { headers: { authorization: `Bearer ${analyst}` } }, (res) => {
        res.pause();
        setTimeout(() => {
          const whilePaused = t.sqlCount() - before;
          res.on('data', (chunk: Buffer) => {
            received += chunk.length;
            for (const byte of chunk) if (byte === 0x0a) rows++;
          });
          res.on('end', () => {
            try {
              // At least one batch (two statements) was read only after the client read again.
              expect(t.sqlCount() - before - whilePaused).toBeGreaterThanOrEqual(2);
              resolve();
            } catch (err) {
              reject(err);
            }
          });
          res.resume();
        }, 1500);
      });
      req.on('error', reject);
    });
    expect(received).toBeGreaterThan(N * 3500);
    expect(rows).toBe(N + 1);
  });

  it('stops querying when the client hangs up mid-download, and keeps serving', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = http.get(new URL(responsesUrl(big.id)), { headers: { authorization: `Bearer ${analyst}` } }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
    });
    // The server sees the hang-up and ends the export, which then queries no more.
    const exports = t.app.services.pollExports;
    await waitFor(() => exports.openExports === 0, 10_000, 'the export to end');
    const settled = t.sqlCount();
    // HEAD checks access and the poll without reading a single response, and starts no export.
    const head = await fetch(responsesUrl(big.id), { method: 'HEAD', headers: { authorization: `Bearer ${analyst}` } });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(exports.openExports).toBe(0);
    expect(t.sqlCount() - settled).toBeLessThanOrEqual(1 + 3 + 1); // session, poll definition, districts
    expect((await get(resultsUrl(big.id), analyst)).status).toBe(200);
  });
});
