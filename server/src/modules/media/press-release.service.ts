import { type WebhookService } from '../webhooks/webhook.service';
import { pressReleaseWebhookPayload } from '../webhooks/webhook.payloads';
import { randomUUID } from 'node:crypto';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { escapeLike } from '../../common/persian-text';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { lockById } from '../../db/lock-by-id';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { pickKeys } from '../../common/pick-keys';
import { cleanTextArg } from '../../common/validation';
import { type DistrictService } from '../districts/district.service';
import { type AuditService } from '../staff/audit.service';
import { type Actor, type Viewer } from '../staff/staff.policy';
import { type MediaDirectoryService, type PageRequest, searchWords } from './media-directory.service';
import { PressReleaseStatus } from './media.enums';
import { foreignKeyViolation, MediaConflict, mediaConflict, uniqueViolation } from './media.errors';
import { canChangeSlug, isPublicRelease, nextReleaseStatus } from './media.policy';
import { toNewsItem, type NewsItem } from './news.types';
import { PressRelease, PressReleaseDistribution, RELEASE_TEXTS } from './press-release.entity';
import {
  type CreatePressReleaseInput,
  type NewsFilter,
  type PressReleaseFilter,
  type UpdatePressReleaseInput,
} from './press-release.inputs';
import { chooseSlug, slugFromTitle } from './slug';

/** Clocks differ a little; a sending time further ahead than this is a mistake. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const snapshot = (r: PressRelease) => pickKeys(r, ['id', 'slug', ...RELEASE_TEXTS, 'districtId', 'status', 'publishedAt', 'withdrawnAt']);

const emptyToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/** Press releases (staff) and the news they become once published (public). */
/** The most releases a contact's history lists (the newest sent). */
export const RECEIVED_MAX = 50;

export class PressReleaseService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly districts: DistrictService,
    private readonly directory: MediaDirectoryService,
    /** Announces publications to partners' webhooks, in the publishing transaction. */
    private readonly webhooks?: WebhookService,
  ) {}

  /** Public news: published releases, newest first. Only public fields leave this method. */
  async news({ first, after, filter }: PageRequest<NewsFilter>): Promise<Page<NewsItem>> {
    const qb = this.filtered(filter).andWhere('r.status = :published', { published: PressReleaseStatus.PUBLISHED });
    const totalCount = await qb.getCount();
    if (after) {
      const [at, id] = decodeCursor(after, ['instant', 'uuid']) as [string, string];
      qb.andWhere('(r.published_at, r.id) < (:at, :id)', { at, id });
    }
    const rows = await qb
      .orderBy('r.published_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(first + 1)
      .getMany();
    return toPage(rows.map(toNewsItem), first, totalCount, (n) => [n.publishedAt.toISOString(), n.id]);
  }

  /** A published release by slug; a draft or withdrawn one is NOT_FOUND, exactly like none. */
  async newsItem(slug: string): Promise<NewsItem> {
    cleanTextArg(slug, 'slug');
    const release = slug.length <= 200 ? await this.db.getRepository(PressRelease).findOneBy({ slug }) : null;
    if (!release || !isPublicRelease(release)) throw notFound('News item');
    return toNewsItem(release);
  }

  /** Staff: every release, newest created first. */
  async list({ first, after, filter }: PageRequest<PressReleaseFilter>): Promise<Page<PressRelease>> {
    const qb = this.filtered(filter);
    if (filter?.statuses?.length) qb.andWhere('r.status IN (:...statuses)', { statuses: filter.statuses });
    const totalCount = await qb.getCount();
    if (after) {
      const [at, id] = decodeCursor(after, ['instant', 'uuid']) as [string, string];
      qb.andWhere('(r.created_at, r.id) < (:at, :id)', { at, id });
    }
    const rows = await qb
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (r) => [r.createdAt.toISOString(), r.id]);
  }

  findByIds(ids: readonly string[]): Promise<Array<PressRelease | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(PressRelease), ids);
  }

  /**
   * For DataLoader: the releases sent to each contact (their places on distribution lists), newest
   * sending first, at most `RECEIVED_MAX` each, in key order.
   */
  async distributionByContactIds(ids: readonly string[]): Promise<PressReleaseDistribution[][]> {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows: Array<{ release_id: string; contact_id: string; sent_at: Date; recorded_by: string }> = valid.length
      ? await this.db.query(
          `SELECT release_id, contact_id, sent_at, recorded_by FROM (
             SELECT d.*, row_number() OVER (PARTITION BY d.contact_id ORDER BY d.sent_at DESC, d.release_id) AS n
             FROM press_release_distribution d WHERE d.contact_id = ANY($1::uuid[])) ranked
           WHERE n <= $2 ORDER BY sent_at DESC, release_id`,
          [valid, RECEIVED_MAX],
        )
      : [];
    const entries = rows.map((r) =>
      Object.assign(new PressReleaseDistribution(), {
        releaseId: r.release_id,
        contactId: r.contact_id,
        sentAt: r.sent_at,
        recordedById: r.recorded_by,
      }),
    );
    return ids.map((id) => entries.filter((r) => r.contactId === id));
  }

  /** For DataLoader: each release's distribution list, oldest sending first, in key order. */
  async distributionByReleaseIds(ids: readonly string[]): Promise<PressReleaseDistribution[][]> {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows = valid.length
      ? await this.db
          .getRepository(PressReleaseDistribution)
          .find({ where: { releaseId: In(valid) }, order: { sentAt: 'ASC', contactId: 'ASC' } })
      : [];
    return ids.map((id) => rows.filter((r) => r.releaseId === id));
  }

  async create(actor: Actor, input: CreatePressReleaseInput): Promise<PressRelease> {
    await this.assertDistrict(input.districtId);
    const id = randomUUID();
    return this.write(async (m) => {
      let slug = input.slug;
      if (slug) {
        if (await m.exists(PressRelease, { where: { slug } })) throw this.slugTaken();
      } else {
        const base = slugFromTitle(input.titleEn);
        const baseTaken = base ? await m.exists(PressRelease, { where: { slug: base } }) : false;
        slug = chooseSlug(id, input.titleEn, () => baseTaken);
      }
      await m
        .createQueryBuilder()
        .insert()
        .into(PressRelease)
        .values({
          id,
          slug,
          titleFa: input.titleFa.trim(),
          titleEn: emptyToNull(input.titleEn),
          summaryFa: emptyToNull(input.summaryFa),
          summaryEn: emptyToNull(input.summaryEn),
          bodyFa: input.bodyFa.trim(),
          bodyEn: emptyToNull(input.bodyEn),
          districtId: input.districtId ?? null,
          status: PressReleaseStatus.DRAFT,
          createdById: actor.userId,
        })
        .execute();
      const release = await m.findOneByOrFail(PressRelease, { id });
      return this.audit.recordCreation(m, actor, 'createPressRelease', 'PressRelease', release, snapshot(release));
    });
  }

  async update(actor: Actor, input: UpdatePressReleaseInput): Promise<PressRelease> {
    for (const field of ['titleFa', 'bodyFa', 'slug'] as const)
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    if (!isUuid(input.id)) throw notFound('Press release');
    if (input.districtId) await this.assertDistrict(input.districtId);
    return this.write(async (m) => {
      const before = await lockById(m, PressRelease, input.id, 'Press release');
      const changes: Partial<PressRelease> = {};
      if (input.titleFa !== undefined) changes.titleFa = input.titleFa!.trim();
      if (input.titleEn !== undefined) changes.titleEn = emptyToNull(input.titleEn);
      if (input.summaryFa !== undefined) changes.summaryFa = emptyToNull(input.summaryFa);
      if (input.summaryEn !== undefined) changes.summaryEn = emptyToNull(input.summaryEn);
      if (input.bodyFa !== undefined) changes.bodyFa = input.bodyFa!.trim();
      if (input.bodyEn !== undefined) changes.bodyEn = emptyToNull(input.bodyEn);
      if (input.districtId !== undefined) changes.districtId = input.districtId;
      if (input.slug !== undefined && input.slug !== before.slug) {
        if (!canChangeSlug(before)) {
          throw mediaConflict(
            MediaConflict.SLUG_FIXED,
            'This release has been published: its slug is fixed so that links to it keep working.',
            'input.slug',
          );
        }
        if (await m.exists(PressRelease, { where: { slug: input.slug! } })) throw this.slugTaken();
        changes.slug = input.slug!;
      }
      if (Object.keys(changes).length) await m.update(PressRelease, { id: before.id }, changes);
      const after = await m.findOneByOrFail(PressRelease, { id: before.id });
      await this.audit.recordBy(m, actor, {
        action: 'updatePressRelease',
        entityType: 'PressRelease',
        entityId: before.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  /** DRAFT or WITHDRAWN → PUBLISHED, recording the contacts it is sent to in the same transaction. */
  async publish(actor: Actor, id: string, contactIds: readonly string[]): Promise<{ release: PressRelease; added: number }> {
    if (!isUuid(id)) throw notFound('Press release');
    return this.write(async (m) => {
      const before = await lockById(m, PressRelease, id, 'Press release');
      if (!nextReleaseStatus(before.status, 'publish')) {
        throw mediaConflict(MediaConflict.RELEASE_STATUS, 'This release is already published.', 'input.id');
      }
      await m.query(
        `UPDATE press_release SET status = 'PUBLISHED', published_at = coalesce(published_at, now()), withdrawn_at = NULL, updated_at = now() WHERE id = $1`,
        [id],
      );
      const added = await this.addRecipients(m, actor, id, contactIds, new Date());
      const after = await m.findOneByOrFail(PressRelease, { id });
      await this.audit.recordBy(m, actor, {
        action: 'publishPressRelease',
        entityType: 'PressRelease',
        entityId: id,
        before: snapshot(before),
        after: { ...snapshot(after), addedRecipients: added.ids },
      });
      await this.webhooks?.emit(m, 'PRESS_RELEASE_PUBLISHED', pressReleaseWebhookPayload(after));
      return { release: after, added: added.ids.length };
    });
  }

  /** PUBLISHED → WITHDRAWN: off the public site, kept with its slug and distribution list. */
  async withdraw(actor: Actor, id: string): Promise<PressRelease> {
    if (!isUuid(id)) throw notFound('Press release');
    return this.db.transaction(async (m) => {
      const before = await lockById(m, PressRelease, id, 'Press release');
      if (!nextReleaseStatus(before.status, 'withdraw')) {
        throw mediaConflict(MediaConflict.RELEASE_STATUS, 'Only a published release can be withdrawn.', 'input.id');
      }
      await m.query(`UPDATE press_release SET status = 'WITHDRAWN', withdrawn_at = now(), updated_at = now() WHERE id = $1`, [id]);
      const after = await m.findOneByOrFail(PressRelease, { id });
      await this.audit.recordBy(m, actor, {
        action: 'withdrawPressRelease',
        entityType: 'PressRelease',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  /** Deletes a draft. A release that was ever published is part of the record: withdraw it instead. */
  async delete(actor: Actor, id: string): Promise<string> {
    if (!isUuid(id)) throw notFound('Press release');
    return this.db.transaction(async (m) => {
      const before = await lockById(m, PressRelease, id, 'Press release');
      if (before.status !== PressReleaseStatus.DRAFT || before.publishedAt) {
        throw mediaConflict(
          MediaConflict.RELEASE_NOT_DRAFT,
          'Only a draft can be deleted; withdraw a published release instead.',
          'input.id',
        );
      }
      await m.delete(PressRelease, { id });
      await this.audit.recordBy(m, actor, {
        action: 'deletePressRelease',
        entityType: 'PressRelease',
        entityId: id,
        before: snapshot(before),
      });
      return id;
    });
  }

  async recordDistribution(
    actor: Actor,
    releaseId: string,
    contactIds: readonly string[],
    sentAt: Date | null | undefined,
  ): Promise<{ release: PressRelease; added: number }> {
    if (sentAt && Number.isNaN(sentAt.getTime())) throw badInput('Not a valid instant.', 'input.sentAt');
    if (sentAt && sentAt.getTime() > Date.now() + FUTURE_TOLERANCE_MS) throw badInput('sentAt is in the future.', 'input.sentAt');
    if (!isUuid(releaseId)) throw notFound('Press release');
    const sentTime = sentAt ?? new Date();
    return this.write(async (m) => {
      const release = await lockById(m, PressRelease, releaseId, 'Press release');
      if (release.status !== PressReleaseStatus.PUBLISHED) {
        throw mediaConflict(
          MediaConflict.RELEASE_NOT_PUBLISHED,
          'Only a published release has a distribution list: publish it first.',
          'input.releaseId',
        );
      }
      const added = await this.addRecipients(m, actor, releaseId, contactIds, sentTime);
      await this.audit.recordBy(m, actor, {
        action: 'recordPressReleaseDistribution',
        entityType: 'PressRelease',
        entityId: releaseId,
        after: { addedRecipients: added.ids, sentAt: sentTime.toISOString() },
      });
      return { release, added: added.ids.length };
    });
  }

  /** Adds contacts to a distribution list; those already on it keep their first record. */
  private async addRecipients(
    m: EntityManager,
    actor: Viewer,
    releaseId: string,
    contactIds: readonly string[],
    sentAt: Date,
  ): Promise<{ ids: string[] }> {
    if (!contactIds.length) return { ids: [] };
    const missing = await this.directory.missingContacts(m, contactIds);
    if (missing.length) throw badInput('No such media contact.', `input.contactIds[${contactIds.indexOf(missing[0])}]`);
    const rows: Array<{ contact_id: string }> = await m.query(
      `INSERT INTO press_release_distribution (release_id, contact_id, sent_at, recorded_by)
       SELECT $1, c, $2, $3 FROM unnest($4::uuid[]) AS c
       ON CONFLICT (release_id, contact_id) DO NOTHING
       RETURNING contact_id`,
      [releaseId, sentAt, actor.userId, [...new Set(contactIds)]],
    );
    return { ids: rows.map((r) => r.contact_id) };
  }

  private filtered(filter: NewsFilter | null | undefined) {
    const qb = this.db.getRepository(PressRelease).createQueryBuilder('r');
    if (filter?.districtId) {
      // An id that is not a UUID names no district: match nothing rather than fail in SQL.
      if (!isUuid(filter.districtId)) qb.andWhere('false');
      else qb.andWhere('r.district_id = :districtId', { districtId: filter.districtId });
    }
    searchWords(filter?.search).forEach((word, i) =>
      qb.andWhere(`r.search_text LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: `%${escapeLike(word)}%` }),
    );
    return qb;
  }

  private async assertDistrict(districtId: string | null | undefined): Promise<void> {
    if (districtId && !(await this.districts.exists(districtId))) throw badInput('No such district.', 'input.districtId');
  }

  private slugTaken() {
    return mediaConflict(MediaConflict.SLUG_TAKEN, 'Another press release already has this slug.', 'input.slug');
  }

  private async write<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (err) {
      if (uniqueViolation(err) === 'uq_press_release_slug') throw this.slugTaken();
      const fk = foreignKeyViolation(err);
      if (fk === 'fk_press_release_district') throw badInput('No such district.', 'input.districtId');
      if (fk === 'fk_press_release_distribution_contact') throw badInput('No such media contact.', 'input.contactIds');
      throw err;
    }
  }
}
