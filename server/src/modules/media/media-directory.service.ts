import { In, type DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { escapeLike, normalizeForSearch } from '../../common/persian-text';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { lockById } from '../../db/lock-by-id';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { pickKeys } from '../../common/pick-keys';
import { type AuditService } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { cleanBeats, normalizeEmail, normalizePhones } from './contact-details';
import { MediaContact } from './media-contact.entity';
import {
  type CreateMediaContactInput,
  type CreateMediaOutletInput,
  type MediaContactFilter,
  type MediaOutletFilter,
  type UpdateMediaContactInput,
  type UpdateMediaOutletInput,
} from './media-directory.inputs';
import { foreignKeyViolation, MediaConflict, mediaConflict, uniqueViolation } from './media.errors';
import { MediaOutlet } from './media-outlet.entity';

export interface PageRequest<F> {
  first: number;
  after?: string | null;
  filter?: F | null;
}

/** Search words, normalised the way the stored search columns are. */
export function searchWords(search: string | null | undefined): string[] {
  return normalizeForSearch(search ?? '')
    .split(' ')
    .filter(Boolean)
    .slice(0, 10);
}

/** Lists are ordered by name then id; the cursor is that pair. */
function afterName(after: string): [string, string] {
  return decodeCursor(after, ['string', 'uuid']) as [string, string];
}

const outletSnapshot = (o: MediaOutlet) => pickKeys(o, ['id', 'nameFa', 'nameEn', 'kind', 'url', 'notes']);

const contactSnapshot = (c: MediaContact) =>
  pickKeys(c, ['id', 'name', 'role', 'outletId', 'phones', 'email', 'beats', 'language', 'notes']);

const emptyToNull = (text: string | null | undefined) => (text?.trim() ? text.trim() : null);

/**
 * Outlets and media contacts: the media office's address book. Contacts are personal data, so
 * every entry point is staff-only (the resolvers declare it) and nothing public reads this service.
 */
export class MediaDirectoryService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async listOutlets({ first, after, filter }: PageRequest<MediaOutletFilter>): Promise<Page<MediaOutlet>> {
    const qb = this.db.getRepository(MediaOutlet).createQueryBuilder('o');
    searchWords(filter?.search).forEach((word, i) =>
      qb.andWhere(`o.search_text LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: `%${escapeLike(word)}%` }),
    );
    if (filter?.kinds?.length) qb.andWhere('o.kind IN (:...kinds)', { kinds: filter.kinds });
    const totalCount = await qb.getCount();
    if (after) {
      const [name, id] = afterName(after);
      qb.andWhere('(o.name_fa, o.id) > (:name, :id)', { name, id });
    }
    const rows = await qb
      .orderBy('o.name_fa', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .take(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (o) => [o.nameFa, o.id]);
  }

  async listContacts({ first, after, filter }: PageRequest<MediaContactFilter>): Promise<Page<MediaContact>> {
    const qb = this.db.getRepository(MediaContact).createQueryBuilder('c').leftJoin(MediaOutlet, 'o', 'o.id = c.outlet_id');
    // Each word must be found somewhere: in the contact (name, role, beats) or in their outlet's name.
    searchWords(filter?.search).forEach((word, i) =>
      qb.andWhere(`(c.search_text LIKE :w${i} ESCAPE '\\' OR coalesce(o.search_text, '') LIKE :w${i} ESCAPE '\\')`, {
        [`w${i}`]: `%${escapeLike(word)}%`,
      }),
    );
    if (filter?.outletId) {
      if (!isUuid(filter.outletId)) return toPage([], first, 0, () => []);
      qb.andWhere('c.outlet_id = :outletId', { outletId: filter.outletId });
    }
    const beat = normalizeForSearch(filter?.beat ?? '');
    if (beat) qb.andWhere('EXISTS (SELECT 1 FROM unnest(c.beats) AS b(beat) WHERE nabz_normalize(b.beat) = :beat)', { beat });
    if (filter?.language) qb.andWhere('c.language = :language', { language: filter.language.toLowerCase() });
    const totalCount = await qb.getCount();
    if (after) {
      const [name, id] = afterName(after);
      qb.andWhere('(c.name, c.id) > (:name, :id)', { name, id });
    }
    const rows = await qb
      .orderBy('c.name', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .take(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (c) => [c.name, c.id]);
  }

  findOutletsByIds(ids: readonly string[]): Promise<Array<MediaOutlet | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(MediaOutlet), ids);
  }

  findContactsByIds(ids: readonly string[]): Promise<Array<MediaContact | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(MediaContact), ids);
  }

  /** For other media services: the ids among these that name no contact (in input order). */
  async missingContacts(manager: EntityManager, ids: readonly string[]): Promise<string[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    const found = valid.length ? await manager.find(MediaContact, { select: { id: true }, where: { id: In(valid) } }) : [];
    const known = new Set(found.map((c) => c.id));
    return ids.filter((id) => !known.has(id));
  }

  async createOutlet(actor: Actor, input: CreateMediaOutletInput): Promise<MediaOutlet> {
    return this.writeOutlet(async (m) => {
      const result = await m
        .createQueryBuilder()
        .insert()
        .into(MediaOutlet)
        .values({
          nameFa: input.nameFa.trim(),
          nameEn: emptyToNull(input.nameEn),
          kind: input.kind,
          url: emptyToNull(input.url),
          notes: emptyToNull(input.notes),
        })
        .returning(['id'])
        .execute();
      const outlet = await m.findOneByOrFail(MediaOutlet, { id: result.identifiers[0].id });
      return this.audit.recordCreation(m, actor, 'createMediaOutlet', 'MediaOutlet', outlet, outletSnapshot(outlet));
    });
  }

  async updateOutlet(actor: Actor, input: UpdateMediaOutletInput): Promise<MediaOutlet> {
    for (const field of ['nameFa', 'kind'] as const)
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    if (!isUuid(input.id)) throw notFound('Media outlet');
    return this.writeOutlet(async (m) => {
      const before = await lockById(m, MediaOutlet, input.id, 'Media outlet');
      const changes: Partial<MediaOutlet> = {};
      if (input.nameFa !== undefined) changes.nameFa = input.nameFa!.trim();
      if (input.nameEn !== undefined) changes.nameEn = emptyToNull(input.nameEn);
      if (input.kind !== undefined) changes.kind = input.kind!;
      if (input.url !== undefined) changes.url = emptyToNull(input.url);
      if (input.notes !== undefined) changes.notes = emptyToNull(input.notes);
      if (Object.keys(changes).length) await m.update(MediaOutlet, { id: before.id }, changes);
      const after = await m.findOneByOrFail(MediaOutlet, { id: before.id });
      await this.audit.recordBy(m, actor, {
        action: 'updateMediaOutlet',
        entityType: 'MediaOutlet',
        entityId: before.id,
        before: outletSnapshot(before),
        after: outletSnapshot(after),
      });
      return after;
    });
  }

  async deleteOutlet(actor: Actor, id: string): Promise<string> {
    if (!isUuid(id)) throw notFound('Media outlet');
    return this.db.transaction(async (m) => {
      const before = await lockById(m, MediaOutlet, id, 'Media outlet');
      try {
        // The foreign keys (RESTRICT) refuse while contacts or coverage refer to the outlet; the transaction then rolls back.
        await m.delete(MediaOutlet, { id });
      } catch (err) {
        if (foreignKeyViolation(err) !== null) {
          throw mediaConflict(
            MediaConflict.OUTLET_IN_USE,
            'Contacts or coverage still refer to this outlet: move or delete them first.',
            'input.id',
          );
        }
        throw err;
      }
      await this.audit.recordBy(m, actor, {
        action: 'deleteMediaOutlet',
        entityType: 'MediaOutlet',
        entityId: id,
        before: outletSnapshot(before),
      });
      return id;
    });
  }

  async createContact(actor: Actor, input: CreateMediaContactInput): Promise<MediaContact> {
    const values = {
      name: input.name.trim(),
      role: emptyToNull(input.role),
      outletId: input.outletId ?? null,
      phones: normalizePhones(input.phones ?? [], 'input.phones'),
      email: input.email?.trim() ? normalizeEmail(input.email, 'input.email') : null,
      beats: cleanBeats(input.beats ?? []),
      language: (input.language ?? 'fa').toLowerCase(),
      notes: emptyToNull(input.notes),
    };
    return this.writeContact(async (m) => {
      await this.assertOutlet(m, values.outletId);
      const result = await m.createQueryBuilder().insert().into(MediaContact).values(values).returning(['id']).execute();
      const contact = await m.findOneByOrFail(MediaContact, { id: result.identifiers[0].id });
      return this.audit.recordCreation(m, actor, 'createMediaContact', 'MediaContact', contact, contactSnapshot(contact));
    });
  }

  async updateContact(actor: Actor, input: UpdateMediaContactInput): Promise<MediaContact> {
    for (const field of ['name', 'language'] as const)
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    if (!isUuid(input.id)) throw notFound('Media contact');
    const changes: Partial<MediaContact> = {};
    if (input.name !== undefined) changes.name = input.name!.trim();
    if (input.role !== undefined) changes.role = emptyToNull(input.role);
    if (input.outletId !== undefined) changes.outletId = input.outletId;
    if (input.phones !== undefined) changes.phones = normalizePhones(input.phones ?? [], 'input.phones');
    if (input.email !== undefined) changes.email = input.email?.trim() ? normalizeEmail(input.email, 'input.email') : null;
    if (input.beats !== undefined) changes.beats = cleanBeats(input.beats ?? []);
    if (input.language !== undefined) changes.language = input.language!.toLowerCase();
    if (input.notes !== undefined) changes.notes = emptyToNull(input.notes);
    return this.writeContact(async (m) => {
      const before = await lockById(m, MediaContact, input.id, 'Media contact');
      if (changes.outletId !== undefined) await this.assertOutlet(m, changes.outletId);
      if (Object.keys(changes).length) await m.update(MediaContact, { id: before.id }, changes);
      const after = await m.findOneByOrFail(MediaContact, { id: before.id });
      await this.audit.recordBy(m, actor, {
        action: 'updateMediaContact',
        entityType: 'MediaContact',
        entityId: before.id,
        before: contactSnapshot(before),
        after: contactSnapshot(after),
      });
      return after;
    });
  }

  /** Deletes a contact and, by the foreign keys, their log entries, distribution rows and invitations. */
  private async assertOutlet(m: EntityManager, outletId: string | null | undefined): Promise<void> {
    if (!outletId) return;
    if (!isUuid(outletId) || !(await m.exists(MediaOutlet, { where: { id: outletId } })))
      throw badInput('No such media outlet.', 'input.outletId');
  }

  private async writeOutlet<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (err) {
      if (uniqueViolation(err) === 'uq_media_outlet_name_key') {
        throw mediaConflict(MediaConflict.OUTLET_NAME_TAKEN, 'Another outlet already has this Persian name.', 'input.nameFa');
      }
      throw err;
    }
  }

  private async writeContact<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.db.transaction(work);
    } catch (err) {
      // The outlet was deleted between the check and the write.
      if (foreignKeyViolation(err) === 'fk_media_contact_outlet') throw badInput('No such media outlet.', 'input.outletId');
      throw err;
    }
  }
}
