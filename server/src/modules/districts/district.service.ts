import { createHash } from 'node:crypto';
import { type DataSource, type EntityManager, IsNull } from 'typeorm';
import { badInput, conflict, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { pickKeys } from '../../common/pick-keys';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { lockById } from '../../db/lock-by-id';
import { type AuditService } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { type DistrictBoundary, parseBoundary } from './boundary';
import { District, DistrictPopulation } from './district.entity';
import { type CreateDistrictInput, type UpdateDistrictInput } from './district.inputs';

const KNOWN_IDS_TTL_MS = 30_000;

/** Fields that a null may not clear. */
const REQUIRED_ON_UPDATE = ['code', 'nameFa', 'population'] as const;

/** What the audit log keeps of a boundary: its shape and a fingerprint, not up to a megabyte of points. */
function boundarySummary(boundary: DistrictBoundary | null) {
  if (!boundary) return null;
  const polygons = boundary.type === 'Polygon' ? [boundary.coordinates] : boundary.coordinates;
  return {
    type: boundary.type,
    polygons: polygons.length,
    points: polygons.flat().reduce((n, ring) => n + ring.length, 0),
    sha256: createHash('sha256').update(JSON.stringify(boundary)).digest('hex'),
  };
}

/** What the audit log keeps of a district. */
function snapshot(d: District) {
  const columns = pickKeys(d, [
    'id',
    'code',
    'nameFa',
    'nameEn',
    'population',
    'populationSource',
    'populationYear',
    'populationAsOf',
    'retiredAt',
  ]);
  return { ...columns, boundary: boundarySummary(d.boundary) };
}

const codeTaken = (code: number) =>
  conflict('DISTRICT_CODE_TAKEN', `District number ${code} is already taken; nothing was changed.`, 'input.code');

function isCodeConflict(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const driver = err?.driverError ?? err;
  return driver?.code === '23505' && driver.constraint === 'uq_district_code';
}

export class DistrictService {
  private known?: { expires: number; retired: Promise<Map<string, boolean>> };

  constructor(
    private readonly db: DataSource,
    private readonly audit?: AuditService,
  ) {}

  /** Whether a district with this id exists (retired or not, unless `active`); cached briefly (districts rarely change). */
  async exists(id: string, { active = false }: { active?: boolean } = {}): Promise<boolean> {
    if (!isUuid(id)) return false;
    if (!this.known || this.known.expires < Date.now()) {
      const retired = this.list().then((rows) => new Map(rows.map((d) => [d.id, d.retiredAt !== null])));
      this.known = { expires: Date.now() + KNOWN_IDS_TTL_MS, retired };
      retired.catch(() => (this.known = undefined));
    }
    const retired = (await this.known.retired).get(id);
    return retired === undefined ? false : !(active && retired);
  }

  /**
   * Every district, retired ones too: what polls, responses, events and news refer to. The city has
   * a few dozen districts at most: a plain ordered list.
   */
  list(): Promise<District[]> {
    return this.db.getRepository(District).find({ order: { code: 'ASC' } });
  }

  /** The districts in use (not retired), by number: the public list and new polls' choices. */
  listActive(): Promise<District[]> {
    return this.db.getRepository(District).find({ where: { retiredAt: IsNull() }, order: { code: 'ASC' } });
  }

  /** For DataLoader: one query for many ids, answered in key order. */
  findByIds(ids: readonly string[]): Promise<Array<District | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(District), ids);
  }

  /** A district's population figures, newest first. */
  populationHistory(districtId: string): Promise<DistrictPopulation[]> {
    return this.db.getRepository(DistrictPopulation).find({ where: { districtId }, order: { validFrom: 'DESC' } });
  }

  async create(actor: Actor, input: CreateDistrictInput): Promise<District> {
    const boundary = parseBoundary(input.boundary);
    try {
      return await this.db.transaction(async (m) => {
        if (await m.existsBy(District, { code: input.code })) throw codeTaken(input.code);
        const result = await m
          .createQueryBuilder()
          .insert()
          .into(District)
          .values({
            code: input.code,
            nameFa: input.nameFa.trim(),
            nameEn: input.nameEn?.trim() || null,
            population: input.population,
            populationSource: input.populationSource?.trim() || null,
            populationYear: input.populationYear ?? null,
            boundary: boundary as never,
          })
          .returning(['id'])
          .execute();
        const district = await m.findOneByOrFail(District, { id: result.identifiers[0].id });
        await this.recordPopulation(m, district);
        await this.auditChange(m, actor, 'createDistrict', null, district);
        return district;
      });
    } catch (e) {
      if (isCodeConflict(e)) throw codeTaken(input.code);
      throw e;
    } finally {
      this.known = undefined;
    }
  }

  async update(actor: Actor, input: UpdateDistrictInput): Promise<District> {
    for (const field of REQUIRED_ON_UPDATE) {
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    }
    if (!isUuid(input.id)) throw notFound('District');
    const boundary = input.boundary === undefined ? undefined : parseBoundary(input.boundary);
    try {
      return await this.db.transaction(async (m) => {
        const before = await lockById(m, District, input.id, 'District');
        const changes: Partial<District> = {};
        if (input.code !== undefined && input.code !== before.code) {
          if (await m.existsBy(District, { code: input.code! })) throw codeTaken(input.code!);
          changes.code = input.code!;
        }
        if (input.nameFa !== undefined) changes.nameFa = input.nameFa!.trim();
        if (input.nameEn !== undefined) changes.nameEn = input.nameEn?.trim() || null;
        if (input.population !== undefined) changes.population = input.population!;
        if (input.populationSource !== undefined) changes.populationSource = input.populationSource?.trim() || null;
        if (input.populationYear !== undefined) changes.populationYear = input.populationYear ?? null;
        if (boundary !== undefined) changes.boundary = boundary;
        const populationChanged =
          (changes.population !== undefined && changes.population !== before.population) ||
          (changes.populationSource !== undefined && changes.populationSource !== before.populationSource) ||
          (changes.populationYear !== undefined && changes.populationYear !== before.populationYear);
        if (populationChanged) changes.populationAsOf = new Date();
        if (Object.keys(changes).length) await m.update(District, { id: before.id }, changes as never);
        const after = await m.findOneByOrFail(District, { id: before.id });
        if (populationChanged) await this.recordPopulation(m, after);
        await this.auditChange(m, actor, 'updateDistrict', before, after);
        return after;
      });
    } catch (e) {
      if (isCodeConflict(e)) throw codeTaken(input.code!);
      throw e;
    } finally {
      this.known = undefined;
    }
  }

  /**
   * Retires a district (or brings it back): it leaves the public list and new polls' choices, and
   * stays for everything that refers to it. Districts are never deleted. Doing it twice changes nothing.
   */
  async setRetired(actor: Actor, id: string, retired: boolean): Promise<District> {
    if (!isUuid(id)) throw notFound('District');
    try {
      return await this.db.transaction(async (m) => {
        const before = await lockById(m, District, id, 'District');
        if ((before.retiredAt !== null) === retired) return before;
        await m.update(District, { id }, { retiredAt: retired ? new Date() : null });
        const after = await m.findOneByOrFail(District, { id });
        await this.auditChange(m, actor, retired ? 'retireDistrict' : 'restoreDistrict', before, after);
        return after;
      });
    } finally {
      this.known = undefined;
    }
  }

  private async recordPopulation(m: EntityManager, d: District): Promise<void> {
    await m.insert(DistrictPopulation, {
      districtId: d.id,
      population: d.population,
      source: d.populationSource,
      year: d.populationYear,
      validFrom: d.populationAsOf,
    });
  }

  private async auditChange(m: EntityManager, actor: Actor, action: string, before: District | null, after: District): Promise<void> {
    await this.audit!.record(m, {
      actorId: actor.userId,
      action,
      entityType: 'District',
      entityId: after.id,
      ...(before ? { before: snapshot(before) } : {}),
      after: snapshot(after),
      requestId: actor.requestId,
    });
  }
}
