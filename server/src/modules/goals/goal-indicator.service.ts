import { In, QueryFailedError, type DataSource } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { pickKeys } from '../../common/pick-keys';
import { lockById } from '../../db/lock-by-id';
import { type PollDefinition } from '../polls/poll-definition';
import { type PollService } from '../polls/poll.service';
import { type AuditService } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { Goal } from './goal.entity';
import { GoalIndicator } from './goal-indicator.entity';
import { GoalIndicatorMetric, METRIC_RANGE } from './goal-indicator.enums';
import { type AddGoalIndicatorInput, MAX_INDICATORS_PER_GOAL, type UpdateGoalIndicatorInput } from './goal-indicator.inputs';
import { METRIC_KINDS, targetInRange } from './goal-indicator.policy';

type Source = Pick<GoalIndicator, 'metric' | 'pollId' | 'questionId' | 'optionId' | 'target'>;

/** Fields that a null may not clear on update. */
const REQUIRED_ON_UPDATE = ['labelFa', 'metric', 'pollId', 'questionId', 'target', 'direction'] as const;

const snapshot = (i: GoalIndicator) =>
  pickKeys(i, ['id', 'goalId', 'labelFa', 'labelEn', 'metric', 'pollId', 'questionId', 'optionId', 'target', 'direction']);

/**
 * Checks that an indicator can read what it names: the poll exists, the question is one of its
 * questions and of a kind the metric reads, the option (OPTION_SHARE only) belongs to the question,
 * and the target is on the metric's scale. Throws BAD_USER_INPUT naming the field at fault.
 */
export function checkIndicatorSource(definition: PollDefinition | null, source: Source): void {
  if (!definition) throw badInput('No such poll.', 'input.pollId');
  const question = definition.questions.find((q) => q.id === source.questionId);
  if (!question) throw badInput('This question is not part of the poll.', 'input.questionId');
  const kinds = METRIC_KINDS[source.metric];
  if (!kinds.includes(question.kind)) {
    throw badInput(`${source.metric} reads ${kinds.join(' or ')} questions; this one is ${question.kind}.`, 'input.questionId');
  }
  if (source.metric === GoalIndicatorMetric.OPTION_SHARE) {
    if (!source.optionId) throw badInput('OPTION_SHARE needs the option whose share to read.', 'input.optionId');
    if (!question.options.some((o) => o.id === source.optionId))
      throw badInput('This option does not belong to the question.', 'input.optionId');
  } else if (source.optionId) {
    throw badInput(`${source.metric} reads the whole question: give no optionId.`, 'input.optionId');
  }
  if (!targetInRange(source.metric, source.target)) {
    const { min, max } = METRIC_RANGE[source.metric];
    const hint = source.metric === GoalIndicatorMetric.OPTION_SHARE ? ' (a fraction: 0.65 for 65 %)' : '';
    throw badInput(`A ${source.metric} target is from ${min} to ${max}${hint}.`, 'input.target');
  }
}

/** A poll, question or option deleted between the check and the write: the foreign key refuses it. */
function mapForeignKeyViolation(err: unknown): never {
  if (err instanceof QueryFailedError && (err.driverError as { code?: string })?.code === '23503') {
    throw badInput('The poll, question or option was removed meanwhile.', 'input.questionId');
  }
  throw err;
}

/** Goal indicators: targets on poll results. Values are read at query time from the poll results. */
export class GoalIndicatorService {
  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly polls: PollService,
  ) {}

  /** For DataLoader: each goal's indicators, oldest first, in key order. */
  async byGoalIds(goalIds: readonly string[]): Promise<GoalIndicator[][]> {
    const valid = goalIds.filter(isUuid);
    const rows = valid.length
      ? await this.db.getRepository(GoalIndicator).find({ where: { goalId: In(valid) }, order: { createdAt: 'ASC', id: 'ASC' } })
      : [];
    const byGoal = new Map<string, GoalIndicator[]>();
    for (const row of rows) byGoal.set(row.goalId, [...(byGoal.get(row.goalId) ?? []), row]);
    return goalIds.map((id) => byGoal.get(id) ?? []);
  }

  async add(actor: Actor, input: AddGoalIndicatorInput): Promise<{ indicator: GoalIndicator; goal: Goal }> {
    if (!isUuid(input.goalId)) throw notFound('Goal');
    const source: Source = {
      metric: input.metric,
      pollId: input.pollId,
      questionId: input.questionId,
      optionId: input.optionId ?? null,
      target: input.target,
    };
    checkIndicatorSource(await this.polls.definition(input.pollId), source);
    return this.db
      .transaction(async (m) => {
        // The goal's row lock makes the count and the insert one step: no goal gets an eleventh.
        const goal = await lockById(m, Goal, input.goalId, 'Goal');
        const count = await m.countBy(GoalIndicator, { goalId: goal.id });
        if (count >= MAX_INDICATORS_PER_GOAL) throw badInput(`A goal has at most ${MAX_INDICATORS_PER_GOAL} indicators.`, 'input.goalId');
        const inserted = await m
          .createQueryBuilder()
          .insert()
          .into(GoalIndicator)
          .values({
            ...source,
            goalId: goal.id,
            labelFa: input.labelFa.trim(),
            labelEn: input.labelEn?.trim() ?? null,
            direction: input.direction,
          })
          .returning(['id'])
          .execute();
        const indicator = await m.findOneByOrFail(GoalIndicator, { id: inserted.identifiers[0].id });
        await this.audit.recordBy(m, actor, {
          action: 'addGoalIndicator',
          entityType: 'GoalIndicator',
          entityId: indicator.id,
          after: snapshot(indicator),
        });
        return { indicator, goal };
      })
      .catch(mapForeignKeyViolation);
  }

  async update(actor: Actor, input: UpdateGoalIndicatorInput): Promise<{ indicator: GoalIndicator; goal: Goal }> {
    for (const field of REQUIRED_ON_UPDATE) {
      if (input[field] === null) throw badInput(`${field} cannot be cleared.`, `input.${field}`);
    }
    if (!isUuid(input.id)) throw notFound('GoalIndicator');
    return this.db
      .transaction(async (m) => {
        const before = await lockById(m, GoalIndicator, input.id, 'GoalIndicator');
        const changes: Partial<GoalIndicator> = {};
        if (input.labelFa != null) changes.labelFa = input.labelFa.trim();
        if (input.labelEn !== undefined) changes.labelEn = input.labelEn?.trim() ?? null;
        if (input.metric != null) changes.metric = input.metric;
        if (input.pollId != null) changes.pollId = input.pollId;
        if (input.questionId != null) changes.questionId = input.questionId;
        if (input.optionId !== undefined) changes.optionId = input.optionId;
        if (input.target != null) changes.target = input.target;
        if (input.direction != null) changes.direction = input.direction;
        const next = { ...before, ...changes };
        // A metric moved away from OPTION_SHARE drops its option unless one is given explicitly.
        if (next.metric !== GoalIndicatorMetric.OPTION_SHARE && input.optionId === undefined && next.optionId !== null)
          next.optionId = changes.optionId = null;
        const sourceChanged = (['metric', 'pollId', 'questionId', 'optionId', 'target'] as const).some((k) => k in changes);
        if (sourceChanged) checkIndicatorSource(await this.polls.definition(next.pollId), next);
        if (Object.keys(changes).length) await m.update(GoalIndicator, { id: before.id }, changes);
        const after = await m.findOneByOrFail(GoalIndicator, { id: before.id });
        const goal = await m.findOneByOrFail(Goal, { id: after.goalId });
        await this.audit.recordBy(m, actor, {
          action: 'updateGoalIndicator',
          entityType: 'GoalIndicator',
          entityId: before.id,
          before: snapshot(before),
          after: snapshot(after),
        });
        return { indicator: after, goal };
      })
      .catch(mapForeignKeyViolation);
  }

  async remove(actor: Actor, id: string): Promise<{ removedIndicatorId: string; goal: Goal }> {
    if (!isUuid(id)) throw notFound('GoalIndicator');
    return this.db.transaction(async (m) => {
      const before = await lockById(m, GoalIndicator, id, 'GoalIndicator');
      await m.delete(GoalIndicator, { id });
      const goal = await m.findOneByOrFail(Goal, { id: before.goalId });
      await this.audit.recordBy(m, actor, {
        action: 'removeGoalIndicator',
        entityType: 'GoalIndicator',
        entityId: id,
        before: snapshot(before),
      });
      return { removedIndicatorId: id, goal };
    });
  }
}
