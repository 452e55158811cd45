import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { notFound } from '../../../common/errors';
import { ApiScope } from '../../partners/api-key.enums';
import { CurrentActor, Public, StaffOnly } from '../../../graphql/access';
import { type Context } from '../../../graphql/context';
import { hasRole, type Actor } from '../../staff/staff.policy';
import { Poll } from '../poll.entity';
import { PollAssurance, ResponseAssurance } from '../poll.enums';
import { POLL_ANALYSTS, POLL_EDITORS } from '../poll.policy';
import { PollResults } from '../poll.types';
import { EligibilityList, type PollQuarantine } from './participation.entity';
import {
  AddEligibilityEntriesInput,
  AssuranceCount,
  PollAbuseSignals,
  PollQuarantinePayload,
  type PollQuarantineView,
  QuarantinePollAnswersInput,
  ReleasePollQuarantineInput,
  CreateEligibilityListInput,
  EligibilityListPayload,
  IssuePollTokenInput,
  IssuePollTokenPayload,
  PollTokenKey,
  ProofOfWorkChallenge,
  RequestVerificationCodeInput,
  RequestVerificationCodePayload,
} from './participation.types';
import { TOKEN_ALGORITHM } from './poll-tokens';

function quarantineView(q: PollQuarantine): PollQuarantineView {
  return {
    id: q.id,
    windowFrom: q.windowFrom,
    windowTo: q.windowTo,
    clusterId: q.clusterKey ? Buffer.from(q.clusterKey).toString('base64url') : null,
    reason: q.reason,
    responses: q.responses,
    createdAt: q.createdAt,
    releasedAt: q.releasedAt,
  };
}

function tokenKey(der: Buffer): PollTokenKey {
  const base64 = der.toString('base64');
  return {
    algorithm: TOKEN_ALGORITHM,
    publicKey: der.toString('base64url'),
    publicKeyPem: `-----BEGIN PUBLIC KEY-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END PUBLIC KEY-----\n`,
  };
}

@Resolver()
export class ParticipationResolver {
  @Public({ apiScope: ApiScope.SUBMIT_RESPONSES })
  @Query(() => ProofOfWorkChallenge, {
    description:
      "A new proof-of-work challenge for an OPEN poll's answer (`submitPollResponse`'s `challenge`). Self-hosted ALTCHA; nothing is stored until it is spent.",
  })
  async altchaChallenge(@Ctx() ctx: Context): Promise<ProofOfWorkChallenge> {
    const challenge = await ctx.services.pollSubmissions.challenge();
    return { json: JSON.stringify(challenge), expiresAt: new Date((challenge.parameters.expiresAt ?? 0) * 1000) };
  }

  @Public({ apiScope: ApiScope.SUBMIT_RESPONSES })
  @Mutation(() => RequestVerificationCodePayload, {
    description:
      'Texts a one-time code to a mobile number, for a VERIFIED_PHONE poll. The code works for 2 minutes and 5 tries. Limited per number and per address (RATE_LIMITED). SMS gateway down: SERVICE_UNAVAILABLE, nothing sent or stored. Whether the number already took part is not said here.',
  })
  async requestVerificationCode(
    @Arg('input', () => RequestVerificationCodeInput, { description: 'The poll and the number.' }) input: RequestVerificationCodeInput,
    @Ctx() ctx: Context,
  ): Promise<RequestVerificationCodePayload> {
    const sent = await ctx.services.participation.requestCode(input.pollId, input.phone, ctx.clientKey);
    return { pollId: input.pollId, ...sent };
  }

  @Public({ apiScope: ApiScope.SUBMIT_RESPONSES })
  @Mutation(() => IssuePollTokenPayload, {
    description:
      "Checks a verified identity (VERIFIED_PHONE: phone and code; RESIDENT_LIST: residentId) and blindly signs the caller's blinded message: the poll token, once finalized, answers the poll once (`submitPollResponse` `pollToken`). One token per identity per poll: TOKEN_ALREADY_ISSUED. Errors: CODE_INVALID (with attemptsLeft), CODE_EXPIRED, NOT_ELIGIBLE, WRONG_ASSURANCE, BAD_USER_INPUT.",
  })
  async issuePollToken(
    @Arg('input', () => IssuePollTokenInput, { description: 'The identity proof and the blinded message.' }) input: IssuePollTokenInput,
    @Ctx() ctx: Context,
  ): Promise<IssuePollTokenPayload> {
    const issued = await ctx.services.participation.issueToken(input, ctx.clientKey);
    return { pollId: input.pollId, blindSignature: issued.blindSignature.toString('base64url'), tokenKey: tokenKey(issued.publicKey) };
  }

  @StaffOnly(...POLL_ANALYSTS)
  @Query(() => PollAbuseSignals, {
    description:
      'Signs of stuffing for a poll: answers by assurance, bursts against its typical minute, clusters from one network and browser family, and quarantines. Analysts, editors and admins.',
  })
  async pollAbuseSignals(
    @Arg('pollId', () => ID, { description: 'The poll.' }) pollId: string,
    @Ctx() ctx: Context,
  ): Promise<PollAbuseSignals> {
    const poll = await ctx.loaders.pollById.load(pollId);
    if (!poll) throw notFound('Poll');
    const signals = ctx.services.abuseSignals;
    const [assuranceCounts, quarantinedCount, { baseline, bursts }, clusters, quarantines] = await Promise.all([
      ctx.loaders.assuranceCountsByPollId.load(poll.id),
      signals.quarantinedCount(poll.id),
      signals.bursts(poll.id),
      signals.clustersOf(poll.id),
      signals.quarantines(poll.id),
    ]);
    return {
      pollId: poll.id,
      assuranceCounts,
      quarantinedCount,
      baselinePerMinute: baseline,
      bursts,
      clusters,
      quarantines: quarantines.map(quarantineView),
    };
  }

  @StaffOnly(...POLL_ANALYSTS)
  @Mutation(() => PollQuarantinePayload, {
    description:
      "Holds a cluster's or a time window's answers out of every result of a poll (public results, insights, exports of results, live results, goal indicators), keeping them stored. Audited; undo with releasePollQuarantine. Analysts, editors and admins.",
  })
  async quarantinePollAnswers(
    @Arg('input', () => QuarantinePollAnswersInput, { description: 'What to hold out.' }) input: QuarantinePollAnswersInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<PollQuarantinePayload> {
    return { quarantine: quarantineView(await ctx.services.abuseSignals.quarantine(actor, input)) };
  }

  @StaffOnly(...POLL_ANALYSTS)
  @Mutation(() => PollQuarantinePayload, {
    description: "Puts a quarantine's answers back into the results. Audited. Analysts, editors and admins.",
  })
  async releasePollQuarantine(
    @Arg('input', () => ReleasePollQuarantineInput, { description: 'The quarantine.' }) input: ReleasePollQuarantineInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<PollQuarantinePayload> {
    return { quarantine: quarantineView(await ctx.services.abuseSignals.release(actor, input.id)) };
  }

  @StaffOnly(...POLL_EDITORS)
  @Query(() => [EligibilityList], {
    description: 'Eligibility lists for RESIDENT_LIST polls, newest first (at most 200). Editors and admins.',
  })
  eligibilityLists(@Ctx() ctx: Context): Promise<EligibilityList[]> {
    return ctx.services.participation.lists();
  }

  @StaffOnly(...POLL_EDITORS)
  @Mutation(() => EligibilityListPayload, {
    description:
      'Creates an eligibility list from identifiers (only keyed hashes are stored). Bad lines refuse the upload (BAD_USER_INPUT with `extensions.rows`). Editors and admins.',
  })
  async createEligibilityList(
    @Arg('input', () => CreateEligibilityListInput, { description: 'The list.' }) input: CreateEligibilityListInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<EligibilityListPayload> {
    return ctx.services.participation.createList(actor, input);
  }

  @StaffOnly(...POLL_EDITORS)
  @Mutation(() => EligibilityListPayload, {
    description: 'Adds identifiers to an eligibility list (repeats are ignored). Editors and admins.',
  })
  async addEligibilityEntries(
    @Arg('input', () => AddEligibilityEntriesInput, { description: 'The list and the identifiers.' }) input: AddEligibilityEntriesInput,
    @CurrentActor() actor: Actor,
    @Ctx() ctx: Context,
  ): Promise<EligibilityListPayload> {
    return ctx.services.participation.addToList(actor, input);
  }
}

@Resolver(() => Poll)
export class PollParticipationFieldsResolver {
  @FieldResolver(() => PollTokenKey, {
    nullable: true,
    description:
      'VERIFIED_PHONE and RESIDENT_LIST polls: the public key poll tokens are blindly signed with (one key per poll). Null for OPEN polls.',
  })
  async tokenKey(@Root() poll: Poll, @Ctx() ctx: Context): Promise<PollTokenKey | null> {
    if (poll.assurance === PollAssurance.OPEN) return null;
    return tokenKey(await ctx.services.participation.publicKey(poll.id));
  }

  @FieldResolver(() => EligibilityList, {
    nullable: true,
    description: 'RESIDENT_LIST polls: the eligibility list. Staff (editors, analysts, admins) only; null for others.',
  })
  async eligibilityList(@Root() poll: Poll, @Ctx() ctx: Context): Promise<EligibilityList | null> {
    if (!poll.eligibilityListId || !hasRole(ctx.viewer, POLL_ANALYSTS)) return null;
    return ctx.services.participation.list(poll.eligibilityListId);
  }
}

@Resolver(() => PollResults)
export class PollResultsAssuranceResolver {
  @FieldResolver(() => [AssuranceCount], {
    description: 'The responses counted in these results by what they proved (challenged, unchallenged, phone, resident list).',
  })
  assuranceCounts(@Root() results: PollResults, @Ctx() ctx: Context): Promise<AssuranceCount[]> {
    return ctx.loaders.assuranceCountsByPollId.load(results.poll.id);
  }

  @FieldResolver(() => Int, { description: "Responses verified as one person's only answer (PHONE or RESIDENT)." })
  async verifiedCount(@Root() results: PollResults, @Ctx() ctx: Context): Promise<number> {
    const counts = await ctx.loaders.assuranceCountsByPollId.load(results.poll.id);
    return counts
      .filter((c) => c.assurance === ResponseAssurance.PHONE || c.assurance === ResponseAssurance.RESIDENT)
      .reduce((s, c) => s + c.count, 0);
  }

  @FieldResolver(() => Int, { description: 'Stored responses held out of these results by a staff quarantine (suspected stuffing).' })
  quarantinedCount(@Root() results: PollResults, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.abuseSignals.quarantinedCount(results.poll.id);
  }

  @FieldResolver(() => Int, {
    description:
      'Answers received but not yet counted: they wait in the answer mix until a shuffled batch of at least 10 can be moved (docs/privacy.md).',
  })
  waitingCount(@Root() results: PollResults, @Ctx() ctx: Context): Promise<number> {
    return ctx.services.answerMix.waiting(results.poll.id);
  }
}
