import { type DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { decodeCursor, malformedCursor, type Page, toPage } from '../../common/pagination';
import { pickKeys } from '../../common/pick-keys';
import { lockById } from '../../db/lock-by-id';
import { type AuditService } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { MediaCoverage } from './media-coverage.entity';
import {
  type MediaCoverageFilter,
  type MediaCoverageSummaryFilter,
  type RecordMediaCoverageInput,
  type UpdateMediaCoverageInput,
} from './media-coverage.inputs';
import { type CoverageToneSummary, type ToneCounts } from './media-coverage.types';
import { type PageRequest } from './media-directory.service';
import { CoverageTone } from './media.enums';
import { foreignKeyViolation } from './media.errors';
import { MediaOutlet } from './media-outlet.entity';
import { isLocalDate } from './local-date';
import { PressRelease } from './press-release.entity';
import { persianMonthOf } from './persian-month';

const snapshot = (c: MediaCoverage) =>
  pickKeys(c, ['id', 'outletId', 'title', 'url', 'publishedOn', 'kind', 'tone', 'summary', 'pressReleaseId']);

const emptyToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

const zero = (): ToneCounts => ({ positive: 0, neutral: 0, negative: 0, total: 0 });

function add(counts: ToneCounts, tone: CoverageTone, n: number): void {
  if (tone === CoverageTone.POSITIVE) counts.positive += n;
  else if (tone === CoverageTone.NEUTRAL) counts.neutral += n;
  else counts.negative += n;
  counts.total += n;
}

/**
 * Folds (day, outlet, tone, count) rows into the summary: over all, by outlet (most coverage first)
 * and by Persian month (calendar order). Pure, so it is tested without a database.
 */
export function summarizeTone(
  rows: ReadonlyArray<{ day: string; outletId: string; tone: CoverageTone; count: number }>,
): CoverageToneSummary {
  const total = zero();
  const byOutlet = new Map<string, ToneCounts>();
  const byMonth = new Map<string, { month: ReturnType<typeof persianMonthOf>; counts: ToneCounts }>();
  for (const row of rows) {
    add(total, row.tone, row.count);
    const outlet = byOutlet.get(row.outletId) ?? zero();
    byOutlet.set(row.outletId, outlet);
    add(outlet, row.tone, row.count);
    const month = persianMonthOf(row.day);
    const entry = byMonth.get(month.key) ?? { month, counts: zero() };
    byMonth.set(month.key, entry);
    add(entry.counts, row.tone, row.count);
  }
  return {
    total,
    byOutlet: [...byOutlet]
      .sort(([a, x], [b, y]) => y.total - x.total || (a < b ? -1 : 1))
      .map(([outletId, counts]) => ({ outletId, counts })),
    byMonth: [...byMonth.values()]
      .sort((a, b) => (a.month.key < b.month.key ? -1 : 1))
      .map(({ month, counts }) => ({
        month: month.key,
        persianYear: month.year,
        persianMonth: month.month,
        startsOn: month.startsOn,
        endsOn: month.endsOn,
        labelFa: month.labelFa,
        labelEn: month.labelEn,
        counts,
      })),
  };
}

/** Coverage of the municipality in the media, and its tone. */
export class MediaCoverageService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Newest first (by the day it appeared, then most recently recorded). */
  async list({ first, after, filter }: PageRequest<MediaCoverageFilter>): Promise<Page<MediaCoverage>> {
    const qb = this.filtered(filter);
    if (filter?.tones?.length) qb.andWhere('c.tone IN (:...tones)', { tones: filter.tones });
    if (filter?.pressReleaseId) {
      if (!isUuid(filter.pressReleaseId)) qb.andWhere('false');
      else qb.andWhere('c.press_release_id = :releaseId', { releaseId: filter.pressReleaseId });
    }
    const totalCount = await qb.getCount();
    if (after) {
      const [day, id] = decodeCursor(after, ['string', 'string']) as [string, string];
      if (!isUuid(id) || !isLocalDate(day)) throw malformedCursor();
      qb.andWhere('(c.published_on, c.id) < (:day, :id)', { day, id });
    }
    const rows = await qb
      .orderBy('c.published_on', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .take(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (c) => [c.publishedOn, c.id]);
  }

  /** Counts in SQL by day, outlet and tone (at most days × outlets × 3 rows), folded into months here. */
  async toneSummary(filter: MediaCoverageSummaryFilter | null | undefined): Promise<CoverageToneSummary> {
    if (filter?.from && filter?.to && filter.from > filter.to) throw badInput('from is after to.', 'filter.from');
    const rows = await this.filtered(filter)
      .select('c.published_on::text', 'day')
      .addSelect('c.outlet_id', 'outletId')
      .addSelect('c.tone', 'tone')
      .addSelect('count(*)::int', 'count')
      .groupBy('c.published_on')
      .addGroupBy('c.outlet_id')
      .addGroupBy('c.tone')
      .getRawMany<{ day: string; outletId: string; tone: CoverageTone; count: number }>();
    return summarizeTone(rows);
  }

  async record(actor: Actor, input: RecordMediaCoverageInput): Promise<MediaCoverage> {
    return this.write(async (m) => {
      await this.assertOutlet(m, input.outletId);
      await this.assertRelease(m, input.pressReleaseId);
      const result = await m
        .createQueryBuilder()
        .insert()
        .into(MediaCoverage)
        .values({
          outletId: input.outletId,
          title: input.title.trim(),
          url: emptyToNull(input.url),
          publishedOn: input.publishedOn,
          kind: input.kind,
          tone: input.tone,
          summary: emptyToNull(input.summary),
          pressReleaseId: input.pressReleaseId ?? null,
          recordedById: actor.userId,
        })
        .returning(['id'])
        .execute();
      const coverage = await m.findOneByOrFail(MediaCoverage, { id: result.identifiers[0].id });
      return this.audit.recordCreation(m, actor, 'recordMediaCoverage', 'MediaCoverage', coverage, snapshot(coverage));
    });
  }

  async update(actor: Actor, input: UpdateMediaCoverageInput): Promise<MediaCoverage> {
    for (const field of ['outletId', 'title', 'publishedOn', 'kind', 'tone'] as const)
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    if (!isUuid(input.id)) throw notFound('Media coverage');
    return this.write(async (m) => {
      const before = await lockById(m, MediaCoverage, input.id, 'Media coverage');
      const changes: Partial<MediaCoverage> = {};
      if (input.outletId !== undefined) {
        await this.assertOutlet(m, input.outletId!);
        changes.outletId = input.outletId!;
      }
      if (input.pressReleaseId !== undefined) {
        await this.assertRelease(m, input.pressReleaseId);
        changes.pressReleaseId = input.pressReleaseId;
      }
      if (input.title !== undefined) changes.title = input.title!.trim();
      if (input.url !== undefined) changes.url = emptyToNull(input.url);
      if (input.publishedOn !== undefined) changes.publishedOn = input.publishedOn!;
      if (input.kind !== undefined) changes.kind = input.kind!;
      if (input.tone !== undefined) changes.tone = input.tone!;
      if (input.summary !== undefined) changes.summary = emptyToNull(input.summary);
      if (Object.keys(changes).length) await m.update(MediaCoverage, { id: before.id }, changes);
      const after = await m.findOneByOrFail(MediaCoverage, { id: before.id });
      await this.audit.recordBy(m, actor, {
        action: 'updateMediaCoverage',
        entityType: 'MediaCoverage',
        entityId: before.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  async delete(actor: Actor, id: string): Promise<string> {
    if (!isUuid(id)) throw notFound('Media coverage');
    return this.db.transaction(async (m) => {
      const before = await lockById(m, MediaCoverage, id, 'Media coverage');
      await m.delete(MediaCoverage, { id });
      await this.audit.recordBy(m, actor, {
        action: 'deleteMediaCoverage',
        entityType: 'MediaCoverage',
        entityId: id,
        before: snapshot(before),
      });
      return id;
    });
  }

  private filtered(filter: MediaCoverageSummaryFilter | null | undefined) {
    const qb = this.db.getRepository(MediaCoverage).createQueryBuilder('c');
    if (filter?.from) qb.andWhere('c.published_on >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('c.published_on <= :to', { to: filter.to });
    if (filter?.outletId) {
      if (!isUuid(filter.outletId)) qb.andWhere('false');
      else qb.andWhere('c.outlet_id = :outletId', { outletId: filter.outletId });
    }
    if (filter?.kinds?.length) qb.andWhere('c.kind IN (:...kinds)', { kinds: filter.kinds });
    return qb;
  }

  private async assertOutlet(m: EntityManager, outletId: string): Promise<void> {
    if (!isUuid(outletId) || !(await m.exists(MediaOutlet, { where: { id: outletId } })))
      throw badInput('No such media outlet.', 'input.outletId');
  }

  private async assertRelease(m: EntityManager, releaseId: string | null | undefined): Promise<void> {
    if (!releaseId) return;
    if (!isUuid(releaseId) || !(await m.exists(PressRelease, { where: { id: releaseId } })))
      throw badInput('No such press release.', 'input.pressReleaseId');
  }

  private async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (err) {
      const fk = foreignKeyViolation(err);
      if (fk === 'fk_media_coverage_outlet') throw badInput('No such media outlet.', 'input.outletId');
      if (fk === 'fk_media_coverage_release') throw badInput('No such press release.', 'input.pressReleaseId');
      throw err;
    }
  }
}
