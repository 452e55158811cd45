import { ApiScope } from '../partners/api-key.enums';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CurrentActor, Public, StaffOnly } from '../../graphql/access';
import { type Actor } from '../staff/staff.policy';
import { type Context } from '../../graphql/context';
import { Locale, LocalizedText, pick } from '../../common/locale';
import { Connection, PageArgs } from '../../common/pagination';
import { District } from '../districts/district.entity';
import { Poll, PollOption, PollQuestion } from './poll.entity';
import { PollStatus } from './poll.enums';
import {
  ClosePollInput,
  CreatePollInput,
  PollFilter,
  PublishPollInput,
  StartPollWaveInput,
  SubmitPollResponseInput,
  UpdatePollInput,
} from './poll.inputs';
import { canReadResults, POLL_EDITORS } from './poll.policy';
import { closedSince, effectiveStatus } from './poll-status';
import {
  ClosePollPayload,
  CreatePollPayload,
  PollResults,
  PublishPollPayload,
  StartPollWavePayload,
  SubmitPollResponsePayload,
  UpdatePollPayload,
} from './poll.types';

export const PollConnection = Connection(Poll, 'Poll');
const localeArg = { nullable: true, description: 'Overrides the request language.' } as const;

@Resolver(() => Poll)
export class PollResolver {
  @Public()
  @Query(() => PollConnection, {
    description: 'Polls and surveys, newest first: open ones and those closed in the last 30 days (staff: all, drafts included).',
  })
  polls(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PollFilter, { nullable: true, description: 'Narrows the list.' }) filter: PollFilter | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.services.polls.list(ctx.viewer, { first: page.first, after: page.after, filter });
  }

  @Public()
  @Query(() => Poll, { nullable: true, description: 'One poll. Null, with a NOT_FOUND error, when there is none the caller may see.' })
  async poll(@Arg('id', () => ID, { description: "The poll's id." }) id: string, @Ctx() ctx: Context): Promise<Poll> {
    return ctx.services.polls.visibleOrNotFound(ctx.viewer, await ctx.loaders.pollById.load(id));
  }

  @Public()
  @Query(() => PollResults, {
    nullable: true,
    description:
      "A poll's results, when its visibility allows: PUBLIC to anyone, AFTER_RESPONSE to staff and to a respondent who answered (by cookie or `respondentToken`), STAFF_ONLY to staff. Otherwise FORBIDDEN.",
  })
  async pollResults(
    @Arg('pollId', () => ID, { description: 'The poll.' }) pollId: string,
    @Arg('respondentToken', () => String, { nullable: true, description: 'The token a partner app received when its user answered.' })
    respondentToken: string | null,
    @Ctx() ctx: Context,
  ): Promise<PollResults> {
    const poll = ctx.services.polls.visibleOrNotFound(ctx.viewer, await ctx.loaders.pollById.load(pollId));
    await ctx.services.pollResultsAccess.assertMayReadResults(ctx.viewer, poll, respondentToken ?? ctx.respondentCookie.token);
    return ctx.services.pollResults.results(poll.id);
  }

  @Public({ apiScope: ApiScope.SUBMIT_RESPONSES })
  @Mutation(() => SubmitPollResponsePayload, {
    description:
      'Answers a poll, anonymously. Every answer is checked and nothing is stored when one is wrong (BAD_USER_INPUT with `field`). One response per respondent per poll: ALREADY_RESPONDED. Closed: POLL_CLOSED; not yet open: POLL_NOT_OPEN; limited to other districts: DISTRICT_NOT_ELIGIBLE; too many from one address: RATE_LIMITED. OPEN polls take an optional solved `challenge` (CHALLENGE_FAILED, CHALLENGE_REUSED); verified polls require a `pollToken` (TOKEN_REQUIRED, TOKEN_INVALID). An accepted answer is stored at once but counted in the results only when a shuffled batch of at least 10 moves out of the answer mix (docs/privacy.md).',
  })
  async submitPollResponse(
    @Arg('input', () => SubmitPollResponseInput, {
      description: 'The poll and the answers.',
      // The hot path: toAnswerRows checks every answer against the poll itself (membership, counts,
      // ranges, lengths, clean text), which covers every class-validator rule on this input.
      validate: false,
    })
    input: SubmitPollResponseInput,
    @Ctx() ctx: Context,
  ): Promise<SubmitPollResponsePayload> {
    const result = await ctx.services.pollSubmissions.submit(input, {
      clientKey: ctx.clientKey,
      cookieToken: ctx.respondentCookie.token,
      client: ctx.client,
    });
    ctx.respondentCookie.set(result.respondentToken);
    const poll = (await ctx.services.polls.definition(result.pollId))!.poll;
    return {
      pollId: result.pollId,
      respondentToken: result.respondentToken,
      assurance: result.assurance,
      resultsVisible: canReadResults(ctx.viewer, poll.resultsVisibility, true),
    };
  }

  @StaffOnly(...POLL_EDITORS)
  @Mutation(() => CreatePollPayload, { description: 'Creates a poll or survey as a draft. Editors and admins.' })
  async createPoll(
    @Arg('input', () => CreatePollInput, { description: 'The poll and its questions.' }) input: CreatePollInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<CreatePollPayload> {
    return { poll: await ctx.services.polls.create(actor, input) };
  }

  @StaffOnly(...POLL_EDITORS)
  @Mutation(() => UpdatePollPayload, {
    description:
      'Changes a poll. Once it has responses, questions and options can be reworded and added, not removed (POLL_HAS_RESPONSES). Editors and admins.',
  })
  async updatePoll(
    @Arg('input', () => UpdatePollInput, { description: 'The poll and the changes.' }) input: UpdatePollInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<UpdatePollPayload> {
    return { poll: await ctx.services.polls.update(actor, input) };
  }

  @StaffOnly(...POLL_EDITORS)
  @Mutation(() => PublishPollPayload, { description: 'Publishes a draft: it opens now, or at `opensAt`. Editors and admins.' })
  async publishPoll(
    @Arg('input', () => PublishPollInput, { description: 'The poll.' }) input: PublishPollInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<PublishPollPayload> {
    return { poll: await ctx.services.polls.publish(actor, input.id) };
  }

  @StaffOnly(...POLL_EDITORS)
  @Mutation(() => ClosePollPayload, { description: 'Closes a poll now. Editors and admins.' })
  async closePoll(
    @Arg('input', () => ClosePollInput, { description: 'The poll.' }) input: ClosePollInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<ClosePollPayload> {
    return { poll: await ctx.services.polls.close(actor, input.id) };
  }

  @StaffOnly(...POLL_EDITORS)
  @Mutation(() => StartPollWavePayload, {
    description: 'Runs a survey again as a new wave (a draft with the same questions, in the same series). Editors and admins.',
  })
  async startPollWave(
    @Arg('input', () => StartPollWaveInput, { description: 'The survey and the new schedule.' }) input: StartPollWaveInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<StartPollWavePayload> {
    return { poll: await ctx.services.polls.startWave(actor, input) };
  }

  @FieldResolver(() => String, { description: 'The title in the requested language.' })
  title(@Root() poll: Poll, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return pick({ fa: poll.titleFa, en: poll.titleEn }, locale ?? ctx.locale) ?? poll.titleFa;
  }

  @FieldResolver(() => String, { nullable: true, description: 'The introduction in the requested language.' })
  description(@Root() poll: Poll, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string | null {
    return pick({ fa: poll.descriptionFa, en: poll.descriptionEn }, locale ?? ctx.locale);
  }

  @FieldResolver(() => LocalizedText, { description: 'The title in both languages.' })
  titleTranslations(@Root() poll: Poll): LocalizedText {
    return { fa: poll.titleFa, en: poll.titleEn };
  }

  @FieldResolver(() => PollStatus, { description: 'Where the poll stands now.' })
  status(@Root() poll: Poll): PollStatus {
    return effectiveStatus(poll);
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: 'When the poll closed: by hand, or at `closesAt` when it closed by itself. Null while it is not closed.',
  })
  closedAt(@Root() poll: Poll): Date | null {
    return closedSince(poll);
  }

  @FieldResolver(() => [PollQuestion], { description: 'The questions, in order.' })
  questions(@Root() poll: Poll, @Ctx() ctx: Context): Promise<PollQuestion[]> {
    return ctx.loaders.questionsByPollId.load(poll.id);
  }

  @FieldResolver(() => [District], { description: 'The districts the poll is limited to; empty for the whole city.' })
  async districts(@Root() poll: Poll, @Ctx() ctx: Context): Promise<District[]> {
    // load, not loadMany: a failed load rejects instead of leaving an Error in the list to filter out
    // (dropping it would show a district-limited poll as open to the whole city).
    const found = await Promise.all(poll.districtIds.map((id) => ctx.loaders.districtById.load(id)));
    return found.filter((d): d is District => d !== null);
  }
}

@Resolver(() => PollQuestion)
export class PollQuestionResolver {
  @FieldResolver(() => String, { description: 'The question in the requested language.' })
  prompt(@Root() question: PollQuestion, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return pick({ fa: question.promptFa, en: question.promptEn }, locale ?? ctx.locale) ?? question.promptFa;
  }

  @FieldResolver(() => LocalizedText, { description: 'The question in both languages.' })
  promptTranslations(@Root() question: PollQuestion): LocalizedText {
    return { fa: question.promptFa, en: question.promptEn };
  }

  @FieldResolver(() => [PollOption], { description: 'Choice questions: the options, in order. Empty for other kinds.' })
  options(@Root() question: PollQuestion, @Ctx() ctx: Context): Promise<PollOption[]> {
    return ctx.loaders.optionsByQuestionId.load(question.id);
  }
}

@Resolver(() => PollOption)
export class PollOptionResolver {
  @FieldResolver(() => String, { description: 'The label in the requested language.' })
  label(@Root() option: PollOption, @Ctx() ctx: Context, @Arg('locale', () => Locale, localeArg) locale?: Locale): string {
    return pick({ fa: option.labelFa, en: option.labelEn }, locale ?? ctx.locale) ?? option.labelFa;
  }

  @FieldResolver(() => LocalizedText, { description: 'The label in both languages.' })
  labelTranslations(@Root() option: PollOption): LocalizedText {
    return { fa: option.labelFa, en: option.labelEn };
  }
}

@Resolver(() => SubmitPollResponsePayload)
export class SubmitPollResponsePayloadResolver {
  // A field resolver, so a submission that does not ask for the results does not pay for them.
  @FieldResolver(() => PollResults, {
    nullable: true,
    description: "The results, when the poll's visibility lets the respondent see them now.",
  })
  results(@Root() payload: SubmitPollResponsePayload, @Ctx() ctx: Context): Promise<PollResults> | null {
    return payload.resultsVisible ? ctx.services.pollResults.results(payload.pollId) : null;
  }
}
