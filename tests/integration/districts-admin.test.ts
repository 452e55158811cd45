import { startTestApp, type TestApp } from '../helpers/app';
import { surveyInput, CREATE_POLL } from '../helpers/polls';

let t: TestApp;
let admin: string;
let editor: string;
let analyst: string;
beforeAll(async () => {
  t = await startTestApp({ seed: true });
  [admin, editor, analyst] = [await t.signIn('admin'), await t.signIn('editor'), await t.signIn('analyst')];
});
afterAll(() => t?.close());

const FIELDS = `id code name nameTranslations { fa en } population populationSource populationYear populationAsOf boundary retiredAt
  populationHistory { population source year validFrom }`;
const CREATE = `mutation ($input: CreateDistrictInput!) { createDistrict(input: $input) { district { ${FIELDS} } } }`;
const UPDATE = `mutation ($input: UpdateDistrictInput!) { updateDistrict(input: $input) { district { ${FIELDS} } } }`;
const RETIRE = `mutation ($input: RetireDistrictInput!) { retireDistrict(input: $input) { district { id retiredAt } } }`;
const RESTORE = `mutation ($input: RetireDistrictInput!) { restoreDistrict(input: $input) { district { id retiredAt } } }`;
const LIST = `query ($includeRetired: Boolean) { districts(includeRetired: $includeRetired) { id code } }`;

const square = (lon: number, lat: number, size = 0.02) => [
  [lon, lat],
  [lon + size, lat],
  [lon + size, lat + size],
  [lon, lat + size],
  [lon, lat],
];
const newDistrict = (code: number, extra: Record<string, unknown> = {}) => ({
  code,
  nameFa: `منطقه ${code}`,
  nameEn: `District ${code}`,
  population: 120_000,
  populationSource: 'Census 1395',
  populationYear: 1395,
  boundary: { type: 'Feature', properties: { name: 'x' }, geometry: { type: 'Polygon', coordinates: [square(51.5, 35.6)] } },
  ...extra,
});

/** What a refused change must leave as it was. */
async function state() {
  const [districts, history, audit] = await Promise.all([
    t.app.db.query(`SELECT id, code, name_fa, population, population_source, boundary, retired_at FROM district ORDER BY code`),
    t.app.db.query(`SELECT count(*)::int AS n FROM district_population`),
    t.app.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'District'`),
  ]);
  return { districts, history, audit };
}

describe('district administration', () => {
  it('lets an admin create a district with a boundary and population source, recorded in the history and the audit log', async () => {
    const res = await t.gql(CREATE, { input: newDistrict(9) }, { token: admin });
    expect(res.body.errors).toBeUndefined();
    const d = res.body.data!.createDistrict.district;
    expect(d).toMatchObject({
      code: 9,
      name: 'منطقه 9',
      population: 120_000,
      populationSource: 'Census 1395',
      populationYear: 1395,
      retiredAt: null,
      boundary: { type: 'Polygon', coordinates: [square(51.5, 35.6)] },
    });
    expect(d.populationHistory).toEqual([{ population: 120_000, source: 'Census 1395', year: 1395, validFrom: d.populationAsOf }]);
    const [row] = await t.app.db.query(`SELECT action, actor_id, after FROM audit_log WHERE entity_type = 'District' AND entity_id = $1`, [
      d.id,
    ]);
    expect(row.action).toBe('createDistrict');
    expect(row.actor_id).toBeTruthy();
    expect(row.after).toMatchObject({ code: 9, population: 120_000, boundary: { type: 'Polygon', polygons: 1, points: 5 } });

    const listed = await t.gql(LIST, {});
    expect(listed.body.data!.districts.map((x: { code: number }) => x.code)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it.each([
    [
      'an open ring, naming the polygon and ring',
      { boundary: { type: 'MultiPolygon', coordinates: [[square(51.3, 35.6)], [square(51.4, 35.6).slice(0, 4)]] } },
      { code: 'BAD_USER_INPUT', field: 'input.boundary', reason: 'BOUNDARY_INVALID', polygon: 1, ring: 0 },
    ],
    [
      'latitude and longitude swapped out of range',
      { boundary: { type: 'Polygon', coordinates: [square(35.6, 95)] } },
      { code: 'BAD_USER_INPUT', field: 'input.boundary', reason: 'BOUNDARY_INVALID', ring: 0, point: 0 },
    ],
    [
      'a point instead of a polygon',
      { boundary: { type: 'Point', coordinates: [51.4, 35.7] } },
      { field: 'input.boundary', reason: 'BOUNDARY_TYPE' },
    ],
    ['text that is not JSON', { boundary: '{"type": "Polygon"' }, { field: 'input.boundary', reason: 'BOUNDARY_NOT_JSON' }],
    ['a taken number', { code: 3 }, { code: 'CONFLICT', field: 'input.code', reason: 'DISTRICT_CODE_TAKEN' }],
    ['number zero', { code: 0 }, { code: 'BAD_USER_INPUT', field: 'input.code' }],
    ['a negative population', { population: -1 }, { code: 'BAD_USER_INPUT', field: 'input.population' }],
    ['a blank Persian name', { nameFa: '  ' }, { code: 'BAD_USER_INPUT', field: 'input.nameFa' }],
  ])('refuses %s with a clear error and changes nothing', async (_, change, extensions) => {
    const before = await state();
    const res = await t.gql(CREATE, { input: newDistrict(10, change) }, { token: admin });
    expect(res.body.data ?? null).toBeNull();
    expect(res.body.errors?.[0].extensions).toMatchObject(extensions);
    expect(res.body.errors?.[0].message).not.toMatch(/ at .*\.ts/);
    expect(await state()).toEqual(before);
  });

  it('refuses every district change to non-admins and anonymous callers, changing nothing', async () => {
    const before = await state();
    const [id] = (await t.app.db.query(`SELECT id FROM district WHERE code = 1`)).map((r: { id: string }) => r.id);
    for (const token of [editor, analyst, undefined]) {
      for (const [query, input] of [
        [CREATE, newDistrict(11)],
        [UPDATE, { id, nameFa: 'نام تازه' }],
        [RETIRE, { id }],
      ] as const) {
        const res = await t.gql(query, { input }, { token });
        expect(res.body.errors?.[0].extensions?.code).toBe(token ? 'FORBIDDEN' : 'UNAUTHENTICATED');
      }
    }
    expect(await state()).toEqual(before);
  });

  it('renames a district and starts a new population version when the figure changes; a bad boundary on update changes nothing', async () => {
    const [{ id }] = await t.app.db.query(`SELECT id FROM district WHERE code = 9`);
    const before = await state();
    const bad = await t.gql(
      UPDATE,
      {
        input: {
          id,
          nameFa: 'نام تازه',
          boundary: {
            type: 'Polygon',
            coordinates: [
              [
                [51, 35],
                [51.1, 35],
                [51, 35],
              ],
            ],
          },
        },
      },
      { token: admin },
    );
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.boundary', ring: 0 });
    expect(await state()).toEqual(before);

    const renamed = await t.gql(UPDATE, { input: { id, nameFa: 'منطقه نه', nameEn: 'District Nine' } }, { token: admin });
    expect(renamed.body.errors).toBeUndefined();
    expect(renamed.body.data!.updateDistrict.district.nameTranslations).toEqual({ fa: 'منطقه نه', en: 'District Nine' });
    expect(renamed.body.data!.updateDistrict.district.populationHistory).toHaveLength(1);

    const census = await t.gql(
      UPDATE,
      { input: { id, population: 131_500, populationSource: 'Census 1400', populationYear: 1400 } },
      { token: admin },
    );
    const d = census.body.data!.updateDistrict.district;
    expect(d.populationHistory.map((h: { population: number; source: string }) => [h.population, h.source])).toEqual([
      [131_500, 'Census 1400'],
      [120_000, 'Census 1395'],
    ]);
    expect(d.populationHistory[0].validFrom).toBe(d.populationAsOf);
    const audit = await t.app.db.query(
      `SELECT before, after FROM audit_log WHERE entity_id = $1 AND action = 'updateDistrict' ORDER BY at`,
      [id],
    );
    expect(audit).toHaveLength(2);
    expect(audit[0].before.nameFa).toBe('منطقه 9');
    expect(audit[0].after.nameFa).toBe('منطقه نه');
    expect(audit[1].before.population).toBe(120_000);
    expect(audit[1].after.population).toBe(131_500);
  });

  it('retires a district: gone from the public list and from new polls, still found by id and by staff, audited, and can be brought back', async () => {
    const [{ id }] = await t.app.db.query(`SELECT id FROM district WHERE code = 9`);
    const retired = await t.gql(RETIRE, { input: { id } }, { token: admin });
    expect(retired.body.errors).toBeUndefined();
    expect(retired.body.data!.retireDistrict.district.retiredAt).toEqual(expect.any(String));

    const codes = (res: { body: { data?: any } }) => res.body.data!.districts.map((x: { code: number }) => x.code);
    expect(codes(await t.gql(LIST, {}))).not.toContain(9);
    expect(codes(await t.gql(LIST, { includeRetired: true }))).not.toContain(9); // anonymous: ignored
    expect(codes(await t.gql(LIST, { includeRetired: true }, { token: admin }))).toContain(9);
    const one = await t.gql(`query ($id: ID!) { district(id: $id) { code retiredAt } }`, { id });
    expect(one.body.data!.district).toMatchObject({ code: 9, retiredAt: expect.any(String) });

    const poll = await t.gql(CREATE_POLL, { input: surveyInput({ districtIds: [id] }) }, { token: editor });
    expect(poll.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.districtIds[0]' });

    const again = await t.gql(RETIRE, { input: { id } }, { token: admin });
    expect(again.body.data!.retireDistrict.district.retiredAt).toBe(retired.body.data!.retireDistrict.district.retiredAt);
    const actions = await t.app.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY at`, [id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual([
      'createDistrict',
      'updateDistrict',
      'updateDistrict',
      'retireDistrict',
    ]);

    const restored = await t.gql(RESTORE, { input: { id } }, { token: admin });
    expect(restored.body.data!.restoreDistrict.district.retiredAt).toBeNull();
    expect(codes(await t.gql(LIST, {}))).toContain(9);
  });

  it('reports the population figures that weighting used, with their source, year and version, before and after a census update', async () => {
    const [{ id: pollId }] = await t.app.db.query(`SELECT id FROM poll WHERE asks_district ORDER BY created_at LIMIT 1`);
    await t.settle();
    const WEIGHTING = `query ($pollId: ID!) { pollInsights(pollId: $pollId) { weightedResults {
      districts { district { id code } population populationSource populationYear populationAsOf populationShare } } } }`;
    const read = async () => {
      const res = await t.gql(WEIGHTING, { pollId }, { token: analyst });
      expect(res.body.errors).toBeUndefined();
      return res.body.data!.pollInsights.weightedResults[0].districts as Array<Record<string, any>>;
    };
    const first = await read();
    const one = first.find((d) => d.district.code === 1)!;
    expect(one).toMatchObject({ population: 312_000, populationSource: 'سرشماری ۱۳۹۵ (نمونه)', populationYear: 1395 });

    await t.gql(
      UPDATE,
      { input: { id: one.district.id, population: 330_000, populationSource: 'Census 1400', populationYear: 1400 } },
      { token: admin },
    );
    const second = (await read()).find((d) => d.district.code === 1)!;
    expect(second).toMatchObject({ population: 330_000, populationSource: 'Census 1400', populationYear: 1400 });
    expect(new Date(second.populationAsOf).getTime()).toBeGreaterThan(new Date(one.populationAsOf).getTime());
    // The earlier analysis's figure is still on record, under the version it reported.
    const history = await t.gql(`query ($id: ID!) { district(id: $id) { populationHistory { population source validFrom } } }`, {
      id: one.district.id,
    });
    expect(history.body.data!.district.populationHistory).toContainEqual({
      population: 312_000,
      source: 'سرشماری ۱۳۹۵ (نمونه)',
      validFrom: one.populationAsOf,
    });
  });
});
