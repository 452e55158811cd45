import { type DataSource, type EntityManager } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { lockById } from '../../db/lock-by-id';
import { escapeLike, normalizeForSearch } from '../../common/persian-text';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { bilingualTextChanges, storedBilingualTexts } from '../../common/bilingual-texts';
import { pickKeys } from '../../common/pick-keys';
import { type AuditService } from '../staff/audit.service';
import { type Actor, type Viewer } from '../staff/staff.policy';
import { Goal } from './goal.entity';
import { GoalStatus } from './goal.enums';
import { type CreateGoalInput, type GoalFilter, type UpdateGoalInput } from './goal.inputs';
import { canSeeGoal, visibleGoalStatuses } from './goal.policy';

export interface ListGoalsArgs {
  first: number;
  after?: string | null;
  filter?: GoalFilter | null;
}

/** Fields that a null may not clear: the database would refuse, so say which field is at fault first. */
const REQUIRED_ON_UPDATE = ['titleFa', 'category', 'position', 'status'] as const;

/** What the audit log keeps of a goal: its editable content, without derived columns. */
const snapshot = (goal: Goal) =>
  pickKeys(goal, ['id', 'titleFa', 'titleEn', 'descriptionFa', 'descriptionEn', 'category', 'position', 'status']);

export class GoalService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(viewer: Viewer | null, { first, after, filter }: ListGoalsArgs): Promise<Page<Goal>> {
    const visible = visibleGoalStatuses(viewer);
    const statuses = filter?.statuses?.length ? visible.filter((s) => filter.statuses!.includes(s)) : visible;

    if (!statuses.length) return toPage([], first, 0, () => []);

    const qb = this.db.getRepository(Goal).createQueryBuilder('g').where('g.status IN (:...statuses)', { statuses });
    if (filter?.category) qb.andWhere('g.category = :category', { category: filter.category });
    const words = normalizeForSearch(filter?.search ?? '')
      .split(' ')
      .filter(Boolean);
    words.forEach((word, i) => qb.andWhere(`g.search_text LIKE :w${i} ESCAPE '\\'`, { [`w${i}`]: `%${escapeLike(word)}%` }));

    // A malformed cursor is refused before any SQL runs.
    const cursor = after ? (decodeCursor(after, ['int', 'uuid']) as [number, string]) : null;
    const totalCount = await qb.getCount();
    if (cursor) qb.andWhere('(g.position, g.id) > (:position, :id)', { position: cursor[0], id: cursor[1] });
    const rows = await qb
      .orderBy('g.position', 'ASC')
      .addOrderBy('g.id', 'ASC')
      .take(first + 1)
      .getMany();
    return toPage(rows, first, totalCount, (g) => [g.position, g.id]);
  }

  /** For DataLoader: goals by id in key order; visibility is applied by the caller. */
  findByIds(ids: readonly string[]): Promise<Array<Goal | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(Goal), ids);
  }

  /** A goal the viewer may not see is NOT_FOUND, exactly like one that does not exist. */
  visibleOrNotFound(viewer: Viewer | null, goal: Goal | null): Goal {
    if (!goal || !canSeeGoal(viewer, goal)) throw notFound('Goal');
    return goal;
  }

  async create(actor: Actor, input: CreateGoalInput): Promise<Goal> {
    return this.db.transaction(async (manager) => {
      const position = input.position ?? (await this.nextPosition(manager));
      const result = await manager
        .createQueryBuilder()
        .insert()
        .into(Goal)
        .values({
          ...storedBilingualTexts(input),
          category: input.category,
          position,
          status: input.status ?? GoalStatus.DRAFT,
        })
        .returning(['id'])
        .execute();
      const goal = await manager.findOneByOrFail(Goal, { id: result.identifiers[0].id });
      return this.audit.recordCreation(manager, actor, 'createGoal', 'Goal', goal, snapshot(goal));
    });
  }

  /**
   * Loads a city's goals from the command line (`npm run goals:import`), in one transaction, after
   * the goals there are: a goal whose Persian title is already there (as search compares text:
   * Arabic ي/ك, ZWNJ and diacritics aside) is left alone, so importing twice adds nothing. Each new
   * goal is audited as imported from the command line (no staff member).
   */
  async importGoals(entries: readonly CreateGoalInput[], status: GoalStatus): Promise<{ added: Goal[]; skipped: number }> {
    return this.db.transaction(async (manager) => {
      // One import at a time, and no goal created meanwhile between the title check and the insert.
      await manager.query('LOCK TABLE goal IN SHARE ROW EXCLUSIVE MODE');
      const added: Goal[] = [];
      let skipped = 0;
      for (const entry of entries) {
        const [{ present }] = await manager.query(
          'SELECT EXISTS (SELECT 1 FROM goal WHERE nabz_normalize(title_fa) = nabz_normalize($1)) AS present',
          [entry.titleFa.trim()],
        );
        if (present) {
          skipped++;
          continue;
        }
        const goal = manager.create(Goal, {
          titleFa: entry.titleFa.trim(),
          titleEn: entry.titleEn?.trim() || null,
          descriptionFa: entry.descriptionFa ?? null,
          descriptionEn: entry.descriptionEn ?? null,
          category: entry.category,
          position: await this.nextPosition(manager),
          status,
        });
        const saved = await manager.save(Goal, goal);
        await this.audit.record(manager, {
          actorId: null,
          action: 'importGoalFromCommandLine',
          entityType: 'Goal',
          entityId: saved.id,
          after: snapshot(saved),
        });
        added.push(saved);
      }
      return { added, skipped };
    });
  }

  async update(actor: Actor, input: UpdateGoalInput): Promise<Goal> {
    for (const field of REQUIRED_ON_UPDATE) {
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    }
    if (!isUuid(input.id)) throw notFound('Goal');
    return this.db.transaction(async (manager) => {
      const before = await lockById(manager, Goal, input.id, 'Goal');
      const changes: Partial<Goal> = bilingualTextChanges(input);
      if (input.category !== undefined) changes.category = input.category!;
      if (input.position !== undefined) changes.position = input.position!;
      if (input.status !== undefined) changes.status = input.status!;
      if (Object.keys(changes).length) await manager.update(Goal, { id: before.id }, changes);
      const after = await manager.findOneByOrFail(Goal, { id: before.id });
      await this.audit.recordBy(manager, actor, {
        action: 'updateGoal',
        entityType: 'Goal',
        entityId: before.id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return after;
    });
  }

  async delete(actor: Actor, id: string): Promise<string> {
    if (!isUuid(id)) throw notFound('Goal');
    return this.db.transaction(async (manager) => {
      const before = await lockById(manager, Goal, id, 'Goal');
      await manager.delete(Goal, { id });
      await this.audit.recordBy(manager, actor, {
        action: 'deleteGoal',
        entityType: 'Goal',
        entityId: id,
        before: snapshot(before),
      });
      return id;
    });
  }

  private async nextPosition(manager: EntityManager): Promise<number> {
    const row = await manager
      .createQueryBuilder(Goal, 'g')
      .select('coalesce(max(g.position), 0) + 1', 'next')
      .getRawOne<{ next: number }>();
    return Number(row?.next ?? 1);
  }
}
