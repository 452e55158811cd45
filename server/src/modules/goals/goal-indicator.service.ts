import { In, QueryFailedError, type DataSource } from 'typeorm';
import { badInput, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { pickKeys } from '../../common/pick-keys';
import { lockById } from '../../db/lock-by-id';
import { type PollDefinition } from '../polls/poll-definition';
import { QuestionKind } from '../polls/poll.enums';
import { type PollService } from '../polls/poll.service';
import { type AuditService } from '../staff/audit.service';
import { type Actor } from '../staff/staff.policy';
import { Goal } from './goal.entity';
import { GoalIndicator } from './goal-indicator.entity';
import { GoalIndicatorMetric, METRIC_RANGE } from './goal-indicator.enums';
import { type AddGoalIndicatorInput, MAX_INDICATORS_PER_GOAL, type UpdateGoalIndicatorInput } from './goal-indicator.inputs';
import { METRIC_KINDS, targetInRange } from './goal-indicator.policy';

type Source = Pick<GoalIndicator, 'metric' | 'pollId' | 'questionId' | 'optionIds' | 'target'>;

/** Which input field named the options: errors name it, so a client that sends only `optionId` reads its own field. */
export type OptionsField = 'optionId' | 'optionIds';

/** Fields that a null may not clear on update. */
const REQUIRED_ON_UPDATE = ['labelFa', 'metric', 'pollId', 'questionId', 'target', 'direction'] as const;

const snapshot = (i: GoalIndicator) =>
  pickKeys(i, ['id', 'goalId', 'labelFa', 'labelEn', 'metric', 'pollId', 'questionId', 'optionIds', 'target', 'direction']);

/**
 * The options an input names: `optionIds`, or `optionId` alone as a list of one (clients written
 * before there could be several). Undefined when it names none (no change on update), null when it
 * clears them. Both given must agree: `optionId` is the first of `optionIds`, as the output has it.
 */
export function requestedOptions(input: { optionId?: string | null; optionIds?: string[] | null }): {
  optionIds: string[] | null | undefined;
  field: OptionsField;
} {
  const { optionId, optionIds } = input;
  if (optionIds != null) {
    if (optionId != null && optionId !== optionIds[0])
      throw badInput('optionId is the first of optionIds: give one of them, or both agreeing.', 'input.optionId');
    return { optionIds, field: 'optionIds' };
  }
  if (optionId != null) return { optionIds: [optionId], field: 'optionId' };
  if (optionIds === null || optionId === null) return { optionIds: null, field: optionIds === null ? 'optionIds' : 'optionId' };
  return { optionIds: undefined, field: 'optionId' };
}

/**
 * Checks that an indicator can read what it names: the poll exists, the question is one of its
 * questions and of a kind the metric reads, the options (OPTION_SHARE only) belong to the question,
 * none twice, and several only on a SINGLE_CHOICE question, and the target is on the metric's
 * scale. Throws BAD_USER_INPUT naming the field at fault (`field`: the input field that named the
 * options).
 */
export function checkIndicatorSource(definition: PollDefinition | null, source: Source, field: OptionsField = 'optionIds'): void {
  if (!definition) throw badInput('No such poll.', 'input.pollId');
  const question = definition.questions.find((q) => q.id === source.questionId);
  if (!question) throw badInput('This question is not part of the poll.', 'input.questionId');
  const kinds = METRIC_KINDS[source.metric];
  if (!kinds.includes(question.kind)) {
    throw badInput(`${source.metric} reads ${kinds.join(' or ')} questions; this one is ${question.kind}.`, 'input.questionId');
  }
  const at = (i: number) => (field === 'optionId' ? 'input.optionId' : `input.optionIds[${i}]`);
  if (source.metric === GoalIndicatorMetric.OPTION_SHARE) {
    if (!source.optionIds.length) throw badInput('OPTION_SHARE needs the options whose share to read.', `input.${field}`);
    source.optionIds.forEach((id, i) => {
      if (!question.options.some((o) => o.id === id)) throw badInput('This option does not belong to the question.', at(i));
      if (source.optionIds.indexOf(id) !== i) throw badInput('This option is already counted.', at(i));
    });
    // Shares of a single-choice question add up: each respondent is in one option. A
    // multiple-choice respondent may be in several, so the sum would count them twice.
    if (source.optionIds.length > 1 && question.kind !== QuestionKind.SINGLE_CHOICE)
      throw badInput(
        `Only a SINGLE_CHOICE question's options can be counted together; on a ${question.kind} question an indicator counts one option.`,
        at(1),
      );
  } else if (source.optionIds.length) {
    throw badInput(`${source.metric} reads the whole question: give no options.`, `input.${field}`);
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
    const options = requestedOptions(input);
    const source: Source = {
      metric: input.metric,
      pollId: input.pollId,
      questionId: input.questionId,
      optionIds: options.optionIds ?? [],
      target: input.target,
    };
    checkIndicatorSource(await this.polls.definition(input.pollId), source, options.field);
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
            optionId: source.optionIds[0] ?? null,
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
    const options = requestedOptions(input);
    return this.db
      .transaction(async (m) => {
        const before = await lockById(m, GoalIndicator, input.id, 'GoalIndicator');
        const changes: Partial<GoalIndicator> = {};
        if (input.labelFa != null) changes.labelFa = input.labelFa.trim();
        if (input.labelEn !== undefined) changes.labelEn = input.labelEn?.trim() ?? null;
        if (input.metric != null) changes.metric = input.metric;
        if (input.pollId != null) changes.pollId = input.pollId;
        if (input.questionId != null) changes.questionId = input.questionId;
        if (options.optionIds !== undefined) changes.optionIds = options.optionIds ?? [];
        if (input.target != null) changes.target = input.target;
        if (input.direction != null) changes.direction = input.direction;
        const next = { ...before, ...changes };
        // A metric moved away from OPTION_SHARE drops its options unless some are given explicitly.
        if (next.metric !== GoalIndicatorMetric.OPTION_SHARE && options.optionIds === undefined && next.optionIds.length)
          next.optionIds = changes.optionIds = [];
        const sourceChanged = (['metric', 'pollId', 'questionId', 'optionIds', 'target'] as const).some((k) => k in changes);
        if (sourceChanged) checkIndicatorSource(await this.polls.definition(next.pollId), next, options.field);
        if (changes.optionIds) changes.optionId = changes.optionIds[0] ?? null;
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
