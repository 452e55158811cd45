import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { IdInput, TextInput } from '../../../common/validation';
import { EligibilityKind, ResponseAssurance } from '../poll.enums';
import { EligibilityList } from './participation.entity';

@ObjectType({ description: "A proof-of-work challenge (ALTCHA) for an OPEN poll's answer." })
export class ProofOfWorkChallenge {
  @Field({
    description: "The challenge as JSON text, as the ALTCHA widget (`challenge` attribute) and altcha-lib's `solveChallenge` take it.",
  })
  json: string;

  @Field({ description: 'After this instant the challenge is no longer accepted.' })
  expiresAt: Date;
}

@ObjectType({ description: "A verified poll's public key for blind signatures (RFC 9474). Anyone can check a token with it." })
export class PollTokenKey {
  @Field({ description: 'The RFC 9474 variant: RSABSSA-SHA384-PSS-Randomized (RSA-2048).' })
  algorithm: string;

  @Field({ description: 'SubjectPublicKeyInfo (DER), base64url: import it with WebCrypto as `spki` for RSA-PSS / SHA-384.' })
  publicKey: string;

  @Field({ description: 'The same key in PEM.' })
  publicKeyPem: string;
}

@ObjectType({ description: 'How many stored responses proved what.' })
export class AssuranceCount {
  @Field(() => ResponseAssurance, { description: 'What they proved.' })
  assurance: ResponseAssurance;

  @Field(() => Int, { description: 'How many responses.' })
  count: number;
}

@InputType({ description: 'A mobile number to text a one-time code to, for a VERIFIED_PHONE poll.' })
export class RequestVerificationCodeInput {
  @IdInput({ description: 'The poll to answer.' })
  pollId: string;

  @Field({ description: 'An Iranian mobile number: 09…, +989… or 00989…, in Persian, Arabic or Latin digits.' })
  @MaxLength(32)
  phone: string;
}

@ObjectType({ description: 'A code was texted.' })
export class RequestVerificationCodePayload {
  @Field(() => ID, { description: 'The poll.' })
  pollId: string;

  @Field({ description: 'The number the code went to, with its middle hidden (0912***4567).' })
  maskedPhone: string;

  @Field({ description: 'When the code stops working (2 minutes after sending). Five wrong tries also end it.' })
  expiresAt: Date;
}

@InputType({ description: 'A verified identity and a blinded message to sign: one token per person per poll.' })
export class IssuePollTokenInput {
  @IdInput({ description: 'The poll to answer.' })
  pollId: string;

  @Field({ description: "The blinded message (RFC 9474 `blind` output, 256 bytes), base64url. Made with the poll's `tokenKey`." })
  @MaxLength(400)
  blindedMessage: string;

  @Field(() => String, { nullable: true, description: 'VERIFIED_PHONE: the mobile number the code was texted to.' })
  @IsOptional()
  @MaxLength(32)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'VERIFIED_PHONE: the 6-digit code (Persian, Arabic or Latin digits).' })
  @IsOptional()
  @MaxLength(16)
  code?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "RESIDENT_LIST: the identifier on the poll's eligibility list (a national code, or a member number).",
  })
  @IsOptional()
  @MaxLength(40)
  residentId?: string | null;
}

@ObjectType({ description: 'The blind signature: finalize it with the blinding inverse to get the poll token.' })
export class IssuePollTokenPayload {
  @Field(() => ID, { description: 'The poll.' })
  pollId: string;

  @Field({ description: 'The blind signature (256 bytes), base64url.' })
  blindSignature: string;

  @Field(() => PollTokenKey, { description: "The key that signed it (the poll's `tokenKey`)." })
  tokenKey: PollTokenKey;
}

@InputType({ description: 'A new eligibility list and its first identifiers.' })
export class CreateEligibilityListInput {
  @TextInput({ description: 'A name staff recognise.', max: 200 })
  name: string;

  @Field(() => EligibilityKind, { description: 'Which identifiers it holds.' })
  kind: EligibilityKind;

  @Field({
    description:
      "Identifiers, one per line (a CSV's first column works; blank lines are skipped), at most 5,000 a call. Any bad line refuses the whole upload, listed by line in `extensions.rows`.",
  })
  @MaxLength(200_000)
  entries: string;
}

@InputType({ description: 'More identifiers for an eligibility list.' })
export class AddEligibilityEntriesInput {
  @IdInput({ description: 'The list.' })
  listId: string;

  @Field({ description: 'Identifiers, one per line, at most 5,000 a call; any bad line refuses the whole call.' })
  @MaxLength(200_000)
  entries: string;
}

@ObjectType({ description: 'The list after the change.' })
export class EligibilityListPayload {
  @Field(() => EligibilityList, { description: 'The list as stored.' })
  list: EligibilityList;

  @Field(() => Int, { description: 'Identifiers added by this call (repeats of ones already on the list are not counted).' })
  added: number;
}

@ObjectType({ description: "A minute with far more answers than the poll's typical minute." })
export class AnswerBurst {
  @Field({ description: 'The minute (UTC).' })
  minute: Date;

  @Field(() => Int, { description: 'Answers accepted in it.' })
  answers: number;

  @Field(() => Float, { description: "The poll's typical minute (the median of its minutes with answers)." })
  baseline: number;
}

@ObjectType({
  description:
    "Answers from one network prefix and browser family within ten minutes (5 or more). The id is a keyed hash under the day's salt, deleted after a day: no one can later tell which network it was.",
})
export class AnswerCluster {
  @Field({ description: 'Opaque; pass it to `quarantinePollAnswers`.' })
  id: string;

  @Field({ description: 'Start of the ten-minute window.' })
  windowStart: Date;

  @Field(() => Int, { description: 'Answers accepted from it in the window.' })
  answers: number;

  @Field({ description: 'Whether an active quarantine holds its answers.' })
  quarantined: boolean;
}

@ObjectType('PollQuarantine', {
  description: 'Answers of a time window or a cluster held out of every result (still stored). Reversible; both acts are in the audit log.',
})
export class PollQuarantineView {
  @Field(() => ID, { description: 'Opaque identifier.' })
  id: string;

  @Field(() => Date, { nullable: true, description: 'Window start (whole hours: responses keep the hour they were counted).' })
  windowFrom: Date | null;

  @Field(() => Date, { nullable: true, description: 'Window end (exclusive).' })
  windowTo: Date | null;

  @Field(() => String, { nullable: true, description: 'The cluster, when it holds one.' })
  clusterId: string | null;

  @Field({ description: "Why (staff's words)." })
  reason: string;

  @Field(() => Int, { description: 'Responses it held out when made.' })
  responses: number;

  @Field({ description: 'When it was made.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was released; null while active.' })
  releasedAt: Date | null;
}

@ObjectType({ description: 'Signs of stuffing for one poll, for analysts.' })
export class PollAbuseSignals {
  @Field(() => ID, { description: 'The poll.' })
  pollId: string;

  @Field(() => [AssuranceCount], { description: 'Counted responses by what they proved (challenged, unchallenged, verified).' })
  assuranceCounts: AssuranceCount[];

  @Field(() => Int, { description: 'Responses a quarantine holds out of the results.' })
  quarantinedCount: number;

  @Field(() => Float, { description: "The poll's typical minute: the median of answers per minute over its minutes with answers." })
  baselinePerMinute: number;

  @Field(() => [AnswerBurst], { description: 'Minutes with at least 10 answers and 4 × the typical minute, newest first (at most 50).' })
  bursts: AnswerBurst[];

  @Field(() => [AnswerCluster], { description: 'Clusters of 5 or more answers, largest first (at most 50).' })
  clusters: AnswerCluster[];

  @Field(() => [PollQuarantineView], { description: 'Quarantines of this poll, newest first.' })
  quarantines: PollQuarantineView[];
}

@InputType({ description: 'What to hold out of the results: a cluster, or a time window.' })
export class QuarantinePollAnswersInput {
  @IdInput({ description: 'The poll.' })
  pollId: string;

  @Field(() => String, { nullable: true, description: 'A cluster id from `pollAbuseSignals`.' })
  @IsOptional()
  @MaxLength(64)
  clusterId?: string | null;

  @Field(() => Date, { nullable: true, description: 'Window start; widened to the whole hour.' })
  @IsOptional()
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Window end; widened to the whole hour.' })
  @IsOptional()
  to?: Date | null;

  @TextInput({ description: 'Why, for the audit log.', max: 500 })
  reason: string;
}

@InputType({ description: 'The quarantine to release.' })
export class ReleasePollQuarantineInput {
  @IdInput({ description: 'The quarantine.' })
  id: string;
}

@ObjectType({ description: 'The quarantine after the change.' })
export class PollQuarantinePayload {
  @Field(() => PollQuarantineView, { description: 'The quarantine.' })
  quarantine: PollQuarantineView;
}
