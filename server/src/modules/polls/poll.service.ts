import { In, type DataSource, type EntityManager } from 'typeorm';
import { badInput, BadInputReason, notFound } from '../../common/errors';
import { isUuid } from '../../common/ids';
import { findByIdsInKeyOrder } from '../../db/find-by-ids';
import { lockById } from '../../db/lock-by-id';
import { decodeCursor, type Page, toPage } from '../../common/pagination';
import { pickKeys } from '../../common/pick-keys';
import { type DistrictService } from '../districts/district.service';
import { type AuditService } from '../staff/audit.service';
import { type Actor, type Viewer } from '../staff/staff.policy';
import { type WebhookService } from '../webhooks/webhook.service';
import { Poll, PollOption, PollQuestion } from './poll.entity';
import { PollAssurance, PollState, PollStatus, ResultsVisibility } from './poll.enums';
import { pollHasResponses } from './poll.errors';
import {
  type CreatePollInput,
  type PollFilter,
  type PollQuestionInput,
  type StartPollWaveInput,
  type UpdatePollInput,
} from './poll.inputs';
import { assertCompatible, DEFAULT_TEXT_MAX_LENGTH, type PollDefinition, validateQuestions } from './poll-definition';
import { effectiveStatus, RECENTLY_CLOSED_DAYS, SQL_CLOSED_SINCE, SQL_STATUS } from './poll-status';
import { carriedSchedule, closeEarlierWaves } from './poll-waves';
import { canSeePoll } from './poll.policy';

const DEFINITION_TTL_MS = 2000;

const snapshot = (poll: Poll) =>
  pickKeys(poll, [
    'id',
    'titleFa',
    'titleEn',
    'state',
    'opensAt',
    'closesAt',
    'resultsVisibility',
    'asksDistrict',
    'districtIds',
    'seriesId',
    'wave',
    'assurance',
    'eligibilityListId',
    'minResponses',
  ]);

/** A stored response, as exports read it. */
export interface StoredResponseRow {
  id: string;
  submitted_at: Date;
  district_id: string | null;
}

/** A stored answer, as exports read it. */
export interface StoredAnswerRow {
  response_id: string;
  question_id: string;
  option_id: string | null;
  number: number | null;
  text: string | null;
}

/** Polls and their questions: editing, publishing, listing. Submissions and results live beside it. */
export class PollService {
  /** Submissions check answers against a poll's definition; caching it keeps that off the database. */
  private readonly definitions = new Map<string, { expires: number; value: Promise<PollDefinition | null> }>();

  constructor(
    private readonly db: DataSource,
    private readonly audit: AuditService,
    private readonly districts: DistrictService,
    /** Announces openings and closings to partner webhooks, inside the same transactions. */
    private readonly webhooks?: Pick<WebhookService, 'pollPublished' | 'pollClosed'>,
  ) {}

  async list(viewer: Viewer | null, args: { first: number; after?: string | null; filter?: PollFilter | null }): Promise<Page<Poll>> {
    const qb = this.db.getRepository(Poll).createQueryBuilder('p');
    const wanted = args.filter?.statuses?.length ? args.filter.statuses : null;
    if (viewer) {
      if (wanted) qb.andWhere(`(${wanted.map((s) => SQL_STATUS[s]).join(' OR ')})`);
    } else {
      // The public sees open polls and those closed in the last RECENTLY_CLOSED_DAYS days.
      const open = !wanted || wanted.includes(PollStatus.OPEN);
      const closed = !wanted || wanted.includes(PollStatus.CLOSED);
      const parts = [
        open ? SQL_STATUS[PollStatus.OPEN] : null,
        closed ? `(${SQL_STATUS[PollStatus.CLOSED]} AND ${SQL_CLOSED_SINCE} > now() - interval '${RECENTLY_CLOSED_DAYS} days')` : null,
      ].filter(Boolean);
      if (!parts.length) return toPage([], args.first, 0, () => []);
      qb.andWhere(`(${parts.join(' OR ')})`);
    }
    if (args.filter?.seriesId) {
      if (!isUuid(args.filter.seriesId)) return toPage([], args.first, 0, () => []);
      qb.andWhere('p.series_id = :seriesId', { seriesId: args.filter.seriesId });
    }
    if (args.filter?.districtId) {
      if (!isUuid(args.filter.districtId)) return toPage([], args.first, 0, () => []);
      qb.andWhere(':districtId = ANY(p.district_ids)', { districtId: args.filter.districtId });
    }
    const totalCount = await qb.getCount();
    if (args.after) {
      const [createdAt, id] = decodeCursor(args.after, ['instant', 'uuid']) as [string, string];
      qb.andWhere('(p.created_at, p.id) < (:createdAt, :id)', { createdAt, id });
    }
    const rows = await qb
      .orderBy('p.created_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .take(args.first + 1)
      .getMany();
    return toPage(rows, args.first, totalCount, (p) => [p.createdAt.toISOString(), p.id]);
  }

  findByIds(ids: readonly string[]): Promise<Array<Poll | null>> {
    return findByIdsInKeyOrder(this.db.getRepository(Poll), ids);
  }

  /** A poll the viewer may not see (a draft, to the public) is NOT_FOUND, like one that does not exist. */
  visibleOrNotFound(viewer: Viewer | null, poll: Poll | null): Poll {
    if (!poll || !canSeePoll(viewer, effectiveStatus(poll))) throw notFound('Poll');
    return poll;
  }

  /**
   * A page of a poll's responses after the keyset `after` = (submitted_at, id), in that order, with
   * their answers: exports stream a poll this way without holding it in memory.
   */
  async responsePage(
    pollId: string,
    after: [Date | string, string],
    limit: number,
  ): Promise<{ responses: StoredResponseRow[]; answers: StoredAnswerRow[] }> {
    const responses: StoredResponseRow[] = await this.db.query(
      `SELECT id, submitted_at, district_id FROM poll_response
       WHERE poll_id = $1 AND submitted_at >= $2::timestamptz AND (submitted_at, id) > ($2::timestamptz, $3::uuid)
       ORDER BY submitted_at, id LIMIT $4`,
      [pollId, after[0], after[1], limit],
    );
    if (!responses.length) return { responses, answers: [] };
    const answers: StoredAnswerRow[] = await this.db.query(
      'SELECT response_id, question_id, option_id, number, text FROM poll_answer WHERE response_id = ANY($1::uuid[])',
      [responses.map((r) => r.id)],
    );
    return { responses, answers };
  }

  /** Questions of many polls at once, in order (DataLoader batch). */
  async questionsByPollIds(pollIds: readonly string[]): Promise<PollQuestion[][]> {
    const rows = await this.db.getRepository(PollQuestion).find({ where: { pollId: In([...pollIds]) }, order: { position: 'ASC' } });
    return pollIds.map((id) => rows.filter((q) => q.pollId === id));
  }

  /** Options of many questions at once, in order (DataLoader batch). */
  async optionsByQuestionIds(questionIds: readonly string[]): Promise<PollOption[][]> {
    const rows = await this.db.getRepository(PollOption).find({ where: { questionId: In([...questionIds]) }, order: { position: 'ASC' } });
    return questionIds.map((id) => rows.filter((o) => o.questionId === id));
  }

  definition(pollId: string): Promise<PollDefinition | null> {
    const now = Date.now();
    const cached = this.definitions.get(pollId);
    if (cached && cached.expires > now) return cached.value;
    const value = this.loadDefinition(this.db.manager, pollId);
    this.definitions.set(pollId, { expires: now + DEFINITION_TTL_MS, value });
    value.catch(() => this.definitions.delete(pollId));
    if (this.definitions.size > 1000) this.definitions.delete(this.definitions.keys().next().value!);
    return value;
  }

  /** Whether `definition(pollId)` would answer from the cache, without reading the database. */
  hasCachedDefinition(pollId: string): boolean {
    const cached = this.definitions.get(pollId);
    return cached !== undefined && cached.expires > Date.now();
  }

  forgetDefinition(pollId: string): void {
    this.definitions.delete(pollId);
  }

  async create(actor: Actor, input: CreatePollInput): Promise<Poll> {
    validateQuestions(input.questions);
    if (input.questions.some((q) => q.id || q.options.some((o) => o.id)))
      throw badInput("A new poll's questions and options have no ids yet.", 'input.questions');
    this.validateSchedule(input.opensAt ?? null, input.closesAt ?? null);
    await this.validateDistricts(input.districtIds);
    await this.validateAssurance(input.assurance, input.eligibilityListId ?? null);
    validateVisibility(input.assurance, input.resultsVisibility);
    return this.db.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(Poll)
        .values({
          titleFa: input.titleFa.trim(),
          titleEn: input.titleEn?.trim() || null,
          descriptionFa: input.descriptionFa ?? null,
          descriptionEn: input.descriptionEn ?? null,
          resultsVisibility: input.resultsVisibility,
          asksDistrict: input.asksDistrict || input.districtIds.length > 0,
          districtIds: [...new Set(input.districtIds)],
          assurance: input.assurance,
          eligibilityListId: input.eligibilityListId ?? null,
          ...(input.minResponses != null ? { minResponses: input.minResponses } : {}),
          opensAt: input.opensAt ?? null,
          closesAt: input.closesAt ?? null,
          seriesId: () => 'gen_random_uuid()',
        })
        .returning(['id'])
        .execute();
      const id: string = inserted.identifiers[0].id;
      // The first wave's series is the poll itself.
      await m.update(Poll, { id }, { seriesId: id });
      await this.writeQuestions(m, id, [], input.questions);
      const poll = await m.findOneByOrFail(Poll, { id });
      return this.audit.recordCreation(m, actor, 'createPoll', 'Poll', poll, { ...snapshot(poll), questions: input.questions });
    });
  }

  async update(actor: Actor, input: UpdatePollInput): Promise<Poll> {
    if (input.titleFa === null) throw badInput('titleFa cannot be cleared.', 'input.titleFa');
    if (!isUuid(input.id)) throw notFound('Poll');
    if (input.questions) validateQuestions(input.questions);
    const result = await this.db.transaction(async (m) => {
      const before = await lockById(m, Poll, input.id, 'Poll');
      if (input.districtIds) await this.validateDistricts(input.districtIds, before.districtIds);
      const changes: Partial<Poll> = {};
      if (input.titleFa !== undefined) changes.titleFa = input.titleFa!.trim();
      if (input.titleEn !== undefined) changes.titleEn = input.titleEn?.trim() || null;
      if (input.descriptionFa !== undefined) changes.descriptionFa = input.descriptionFa;
      if (input.descriptionEn !== undefined) changes.descriptionEn = input.descriptionEn;
      if (input.resultsVisibility != null) changes.resultsVisibility = input.resultsVisibility;
      if (input.asksDistrict != null) changes.asksDistrict = input.asksDistrict;
      if (input.districtIds != null) changes.districtIds = [...new Set(input.districtIds)];
      if (input.assurance != null) changes.assurance = input.assurance;
      if (input.minResponses != null) changes.minResponses = input.minResponses;
      if (input.eligibilityListId !== undefined) changes.eligibilityListId = input.eligibilityListId;
      if (input.opensAt !== undefined) changes.opensAt = input.opensAt;
      if (input.closesAt !== undefined) changes.closesAt = input.closesAt;
      const next = { ...before, ...changes };
      if (next.districtIds.length) next.asksDistrict = changes.asksDistrict = true;
      this.validateSchedule(next.opensAt, next.closesAt);
      if (changes.assurance !== undefined || changes.resultsVisibility !== undefined)
        validateVisibility(next.assurance, next.resultsVisibility);
      if (changes.assurance !== undefined || changes.eligibilityListId !== undefined) {
        await this.validateAssurance(next.assurance, next.eligibilityListId, m);
        const [{ answered }] = await m.query('SELECT nabz_polls_answered(ARRAY[$1]::uuid[]) AS answered', [before.id]);
        if (answered && (next.assurance !== before.assurance || next.eligibilityListId !== before.eligibilityListId)) {
          throw pollHasResponses('its assurance and eligibility list are fixed once answers exist.');
        }
      }
      if (before.state === PollState.CLOSED && (input.opensAt !== undefined || input.closesAt !== undefined)) {
        throw badInput(
          'A closed poll cannot be rescheduled; start a new wave instead.',
          'input.closesAt',
          BadInputReason.CLOSED_POLL_RESCHEDULED,
        );
      }
      if (Object.keys(changes).length) await m.update(Poll, { id: before.id }, changes);
      if (input.questions) {
        const existing = (await this.loadDefinition(m, before.id))!.questions;
        // Waits for submission batches being written to this poll (they hold its answer lock
        // shared), so the check below sees their responses; later batches see these changes.
        await m.query('SELECT nabz_lock_poll_answers(ARRAY[$1]::uuid[], true)', [before.id]);
        const [{ answered }] = await m.query('SELECT nabz_polls_answered(ARRAY[$1]::uuid[]) AS answered', [before.id]);
        if (answered) assertCompatible(existing, input.questions);
        await this.writeQuestions(m, before.id, existing, input.questions);
      }
      const after = await m.findOneByOrFail(Poll, { id: before.id });
      await this.audit.recordBy(m, actor, {
        action: 'updatePoll',
        entityType: 'Poll',
        entityId: before.id,
        before: snapshot(before),
        after: { ...snapshot(after), ...(input.questions ? { questions: input.questions } : {}) },
      });
      return after;
    });
    this.forgetDefinition(input.id);
    return result;
  }

  async publish(actor: Actor, id: string): Promise<Poll> {
    return this.transition(
      actor,
      id,
      'publishPoll',
      (poll) => {
        if (poll.state !== PollState.DRAFT) throw badInput('Only a draft can be published.', 'input.id');
        if (poll.closesAt && poll.closesAt <= new Date())
          throw badInput('closesAt is in the past: reschedule before publishing.', 'input.id', BadInputReason.CLOSES_IN_PAST);
        return { state: PollState.PUBLISHED };
      },
      async (m, poll) => {
        await this.webhooks?.pollPublished(m, poll);
        // One wave of a survey takes answers at a time: the earlier ones stop when this one opens.
        for (const { before, after, closedNow } of await closeEarlierWaves(m, poll)) {
          const action = closedNow ? 'closePoll' : 'updatePoll';
          await this.audit.recordBy(m, actor, {
            action,
            entityType: 'Poll',
            entityId: after.id,
            before: snapshot(before),
            after: { ...snapshot(after), closedForWaveId: poll.id },
          });
          if (closedNow) await this.webhooks?.pollClosed(m, after);
          this.forgetDefinition(after.id);
        }
      },
    );
  }

  async close(actor: Actor, id: string): Promise<Poll> {
    return this.transition(
      actor,
      id,
      'closePoll',
      (poll) => {
        if (effectiveStatus(poll) === PollStatus.CLOSED) throw badInput('The poll is already closed.', 'input.id');
        if (poll.state === PollState.DRAFT) throw badInput('A draft cannot be closed; delete or publish it.', 'input.id');
        return { state: PollState.CLOSED, closedAt: new Date() };
      },
      (m, poll) => this.webhooks?.pollClosed(m, poll),
    );
  }

  async startWave(actor: Actor, input: StartPollWaveInput): Promise<Poll> {
    if (!isUuid(input.pollId)) throw notFound('Poll');
    this.validateSchedule(input.opensAt ?? null, input.closesAt ?? null);
    return this.db.transaction(async (m) => {
      const source = await this.loadDefinition(m, input.pollId);
      if (!source) throw notFound('Poll');
      const schedule = carriedSchedule(source.poll, input);
      const [{ wave }] = await m.query('SELECT max(wave) + 1 AS wave FROM poll WHERE series_id = $1', [source.poll.seriesId]);
      const { poll } = source;
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(Poll)
        .values({
          titleFa: poll.titleFa,
          titleEn: poll.titleEn,
          descriptionFa: poll.descriptionFa,
          descriptionEn: poll.descriptionEn,
          resultsVisibility: poll.resultsVisibility,
          asksDistrict: poll.asksDistrict,
          districtIds: poll.districtIds,
          assurance: poll.assurance,
          eligibilityListId: poll.eligibilityListId,
          minResponses: poll.minResponses,
          opensAt: schedule.opensAt,
          closesAt: schedule.closesAt,
          seriesId: poll.seriesId,
          wave,
        })
        .returning(['id'])
        .execute();
      const id: string = inserted.identifiers[0].id;
      await this.writeQuestions(
        m,
        id,
        [],
        source.questions.map((q) => ({ ...q, options: q.options.map((o) => ({ labelFa: o.labelFa, labelEn: o.labelEn })), id: undefined })),
      );
      const created = await m.findOneByOrFail(Poll, { id });
      await this.audit.recordBy(m, actor, {
        action: 'startPollWave',
        entityType: 'Poll',
        entityId: id,
        after: { ...snapshot(created), fromPollId: poll.id },
      });
      return created;
    });
  }

  private async transition(
    actor: Actor,
    id: string,
    action: string,
    change: (poll: Poll) => Partial<Poll>,
    changed?: (m: EntityManager, poll: Poll) => Promise<unknown> | undefined,
  ): Promise<Poll> {
    if (!isUuid(id)) throw notFound('Poll');
    const result = await this.db.transaction(async (m) => {
      const before = await lockById(m, Poll, id, 'Poll');
      await m.update(Poll, { id }, change(before));
      const after = await m.findOneByOrFail(Poll, { id });
      await this.audit.recordBy(m, actor, {
        action,
        entityType: 'Poll',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      await changed?.(m, after);
      return after;
    });
    this.forgetDefinition(id);
    return result;
  }

  /** RESIDENT_LIST needs an existing eligibility list; other levels take none. */
  private async validateAssurance(assurance: PollAssurance, listId: string | null, m: EntityManager = this.db.manager): Promise<void> {
    if (assurance !== PollAssurance.RESIDENT_LIST) {
      if (listId) throw badInput('Only a RESIDENT_LIST poll takes an eligibility list.', 'input.eligibilityListId');
      return;
    }
    if (!listId) throw badInput('A RESIDENT_LIST poll needs an eligibility list.', 'input.eligibilityListId');
    if (!isUuid(listId) || !(await m.query('SELECT 1 FROM eligibility_list WHERE id = $1', [listId])).length)
      throw badInput('No such eligibility list.', 'input.eligibilityListId');
  }

  private validateSchedule(opensAt: Date | null, closesAt: Date | null): void {
    if (opensAt && closesAt && closesAt <= opensAt)
      throw badInput('closesAt must be after opensAt.', 'input.closesAt', BadInputReason.CLOSES_BEFORE_OPENS);
  }

  /** A new poll may name only districts in use; a change may keep the retired ones the poll already had. */
  private async validateDistricts(ids: string[], had: readonly string[] = []): Promise<void> {
    const found = await this.districts.findByIds(ids);
    const missing = ids.findIndex((_, i) => !found[i]);
    if (missing >= 0) throw badInput('No such district.', `input.districtIds[${missing}]`);
    const retired = ids.findIndex((id, i) => found[i]!.retiredAt && !had.includes(id));
    if (retired >= 0) throw badInput('This district is retired: a poll cannot be newly limited to it.', `input.districtIds[${retired}]`);
  }

  /**
   * Writes the question list: keeps questions and options named by id (rewording them), adds the
   * new ones and deletes the rest. Positions are first moved out of the way so that reordering never
   * trips the (poll, position) uniqueness.
   */
  private async writeQuestions(
    m: EntityManager,
    pollId: string,
    existing: PollDefinition['questions'],
    next: PollQuestionInput[],
  ): Promise<void> {
    const existingIds = new Set(existing.map((q) => q.id));
    const existingOptions = new Map(existing.flatMap((q) => q.options.map((o) => [o.id, q.id] as const)));
    next.forEach((q, i) => {
      if (q.id && !existingIds.has(q.id)) throw badInput('No such question in this poll.', `input.questions[${i}].id`);
      q.options.forEach((o, j) => {
        if (o.id && existingOptions.get(o.id) !== q.id)
          throw badInput('No such option in this question.', `input.questions[${i}].options[${j}].id`);
      });
    });
    const keep = new Set(next.map((q) => q.id).filter(Boolean));
    const removed = existing.filter((q) => !keep.has(q.id)).map((q) => q.id);
    if (removed.length) await m.delete(PollQuestion, { id: In(removed) });
    if (existing.length) {
      await m.query('UPDATE poll_question SET position = -position WHERE poll_id = $1', [pollId]);
      await m.query('UPDATE poll_option SET position = -position WHERE question_id IN (SELECT id FROM poll_question WHERE poll_id = $1)', [
        pollId,
      ]);
    }
    for (const [i, q] of next.entries()) {
      const values = {
        pollId,
        position: i + 1,
        kind: q.kind,
        promptFa: q.promptFa.trim(),
        promptEn: q.promptEn?.trim() || null,
        required: q.required ?? true,
        maxChoices: q.maxChoices ?? null,
        maxLength: q.kind === 'FREE_TEXT' ? (q.maxLength ?? DEFAULT_TEXT_MAX_LENGTH) : null,
      };
      let questionId = q.id ?? undefined;
      if (questionId) await m.update(PollQuestion, { id: questionId }, values);
      else
        questionId = (await m.createQueryBuilder().insert().into(PollQuestion).values(values).returning(['id']).execute()).identifiers[0]
          .id as string;

      const keptOptions = new Set(q.options.map((o) => o.id).filter(Boolean));
      const dropped = (existing.find((e) => e.id === questionId)?.options ?? []).filter((o) => !keptOptions.has(o.id)).map((o) => o.id);
      if (dropped.length) {
        // An indicator goes with any option it counts; the foreign key covers only its first one.
        await m.query('DELETE FROM goal_indicator WHERE option_ids && $1::uuid[]', [dropped]);
        await m.delete(PollOption, { id: In(dropped) });
      }
      for (const [j, o] of q.options.entries()) {
        const option = { questionId, position: j + 1, labelFa: o.labelFa.trim(), labelEn: o.labelEn?.trim() || null };
        if (o.id) await m.update(PollOption, { id: o.id }, option);
        else await m.createQueryBuilder().insert().into(PollOption).values(option).execute();
      }
    }
  }

  private async loadDefinition(m: EntityManager, pollId: string): Promise<PollDefinition | null> {
    if (!isUuid(pollId)) return null;
    const poll = await m.findOne(Poll, { where: { id: pollId } });
    if (!poll) return null;
    const questions = await m.find(PollQuestion, { where: { pollId }, order: { position: 'ASC' } });
    const options = questions.length
      ? await m.find(PollOption, { where: { questionId: In(questions.map((q) => q.id)) }, order: { position: 'ASC' } })
      : [];
    return { poll, questions: questions.map((q) => Object.assign(q, { options: options.filter((o) => o.questionId === q.id) })) };
  }
}

/**
 * AFTER_RESPONSE results need to know the caller answered: an OPEN poll keeps a keyed hash of the
 * respondent token for that, a verified poll only its spent poll tokens, which nobody can show
 * again without the token itself (docs/privacy.md). So a verified poll's results are PUBLIC or
 * STAFF_ONLY.
 */
function validateVisibility(assurance: PollAssurance, visibility: ResultsVisibility): void {
  if (assurance !== PollAssurance.OPEN && visibility === ResultsVisibility.AFTER_RESPONSE) {
    throw badInput(
      'A VERIFIED_PHONE or RESIDENT_LIST poll cannot show its results only after answering (it keeps nothing that says who answered): choose PUBLIC or STAFF_ONLY.',
      'input.resultsVisibility',
      BadInputReason.AFTER_RESPONSE_NEEDS_OPEN,
    );
  }
}
