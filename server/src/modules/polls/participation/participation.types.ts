import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, MaxLength } from 'class-validator';
import { TextInput } from '../../../common/validation';
import { EligibilityKind, ResponseAssurance } from '../poll.enums';
import { EligibilityList } from './participation.entity';

@ObjectType({ description: 'A proof-of-work challenge (ALTCHA) for an OPEN poll\'s answer.' })
export class ProofOfWorkChallenge {
  @Field({ description: 'The challenge as JSON text, as the ALTCHA widget (`challenge` attribute) and altcha-lib\'s `solveChallenge` take it.' })
  json: string;

  @Field({ description: 'After this instant the challenge is no longer accepted.' })
  expiresAt: Date;
}

@ObjectType({ description: 'A verified poll\'s public key for blind signatures (RFC 9474). Anyone can check a token with it.' })
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
  @Field(() => ID, { description: 'The poll to answer.' })
  @MaxLength(64)
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
  @Field(() => ID, { description: 'The poll to answer.' })
  @MaxLength(64)
  pollId: string;

  @Field({ description: 'The blinded message (RFC 9474 `blind` output, 256 bytes), base64url. Made with the poll\'s `tokenKey`.' })
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

  @Field(() => String, { nullable: true, description: 'RESIDENT_LIST: the identifier on the poll\'s eligibility list (a national code, or a member number).' })
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

  @Field(() => PollTokenKey, { description: 'The key that signed it (the poll\'s `tokenKey`).' })
  tokenKey: PollTokenKey;
}

@InputType({ description: 'A new eligibility list and its first identifiers.' })
export class CreateEligibilityListInput {
  @TextInput({ description: 'A name staff recognise.', max: 200 })
  name: string;

  @Field(() => EligibilityKind, { description: 'Which identifiers it holds.' })
  kind: EligibilityKind;

  @Field({ description: 'Identifiers, one per line (a CSV\'s first column works; blank lines are skipped), at most 5,000 a call. Any bad line refuses the whole upload, listed by line in `extensions.rows`.' })
  @MaxLength(200_000)
  entries: string;
}

@InputType({ description: 'More identifiers for an eligibility list.' })
export class AddEligibilityEntriesInput {
  @Field(() => ID, { description: 'The list.' })
  @MaxLength(64)
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
