import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsEmail, MaxLength, MinLength } from 'class-validator';
import { MIN_PASSWORD_LENGTH } from './password';
import { SignInState } from './sign-in-stage';
import { MAX_PASSWORD_LENGTH } from './staff-admin.policy';
import { StaffUser } from './staff.entity';

@InputType({ description: 'Credentials of a staff member.' })
export class SignInInput {
  @Field({ description: "The account's e-mail address (case does not matter)." })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Field({ description: "The account's password." })
  @MinLength(1)
  @MaxLength(256)
  password: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The deviceToken an earlier successful sign-in to this account returned on this device. With it, the device keeps getting through with the right password while failed attempts from other clients make those clients wait.',
  })
  @MaxLength(200)
  deviceToken?: string | null;
}

@ObjectType({ description: 'A new staff session.' })
export class SignInPayload {
  @Field(() => StaffUser, { description: 'Who signed in.' })
  user: StaffUser;

  @Field({
    description:
      'The session token. Browsers also receive it as an httpOnly cookie; other clients send it as `Authorization: Bearer <token>`. Shown once: it is stored only as a hash.',
  })
  token: string;

  @Field({ description: 'When the session ends; sign in again after it.' })
  expiresAt: Date;

  @Field({ description: 'Keep it on this device (for 180 days) and send it as `deviceToken` with later sign-ins to this account.' })
  deviceToken: string;

  @Field(() => SignInState, {
    description:
      'SIGNED_IN, or the step still ahead. Until it is done the session (a restricted one, for 15 minutes) can do only that step and sign out; every other operation answers UNAUTHENTICATED with reason SIGN_IN_INCOMPLETE.',
  })
  state: SignInState;
}

@ObjectType({
  description:
    'Failed sign-ins to an account and the waits they earned (per client: an address, or a device that signed in before). Admins.',
})
export class SignInLockState {
  @Field(() => Int, { description: 'Clients that must wait now before trying this account again.' })
  lockedClients: number;

  @Field(() => Date, { nullable: true, description: 'When the last of them may try again; null when none must wait.' })
  lockedUntil: Date | null;

  @Field(() => Int, { description: 'Failed sign-ins to the account in the last day, from every client.' })
  recentFailures: number;

  @Field(() => Date, {
    nullable: true,
    description:
      "When the account's own wait ends: after too many wrong passwords from every client together (SIGN_IN_FAILURES_PER_ACCOUNT), every client that is not a device of the account waits; after too many wrong second-factor codes, every client does. Null when there is none; lifting the locks ends it.",
  })
  accountLockedUntil: Date | null;
}

@ObjectType({ description: 'The result of signing out.' })
export class SignOutPayload {
  @Field({ description: 'True when a session was ended.' })
  signedOut: boolean;
}

@InputType({ description: "A one-time password link's token and the new password." })
export class SetPasswordWithTokenInput {
  @Field({ description: 'The `token` parameter of the one-time link (from `npm run admin:create` or an administrator).' })
  @MinLength(1)
  @MaxLength(200)
  token: string;

  // Its length is checked with the other password rules (BAD_USER_INPUT on `password`, as for every refused password here).
  @Field({ description: `The new password (${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters).` })
  password: string;
}

@ObjectType({ description: 'Result of setPasswordWithToken.' })
export class SetPasswordWithTokenPayload {
  @Field({ description: 'The e-mail address to sign in with from now on.' })
  email: string;
}

@ObjectType({ description: 'A sign-in half-way through: the step still ahead of the restricted session this request carries.' })
export class SignInProgress {
  @Field(() => SignInState, { description: 'The step still ahead.' })
  state: SignInState;

  @Field({ description: 'The account being signed in to.' })
  email: string;

  @Field({ description: 'When the restricted session ends; sign in again after it.' })
  expiresAt: Date;
}

@InputType({ description: 'The second-factor step of signing in.' })
export class VerifySecondFactorInput {
  @Field({
    description:
      'A 6-digit code of the authenticator app, or one of the recovery codes (spaces and dashes do not matter). Each works once.',
  })
  @MinLength(1)
  @MaxLength(32)
  code: string;

  @Field(() => String, { nullable: true, description: 'The deviceToken of an earlier sign-in on this device, as for signIn.' })
  @MaxLength(200)
  deviceToken?: string | null;
}

@InputType({ description: 'A new password chosen by its owner.' })
export class ChangePasswordInput {
  @Field(() => String, {
    nullable: true,
    description: 'The current password: required when signed in; may be left out at the PASSWORD_CHANGE_REQUIRED step of signing in.',
  })
  @MaxLength(256)
  currentPassword?: string | null;

  @Field({ description: 'The new password (12 to 200 characters), not the current one; in production never the demo password.' })
  @MinLength(1)
  @MaxLength(256)
  newPassword: string;
}

@ObjectType({ description: 'A new second factor waiting for its first code. The secret is shown this once and never again.' })
export class StartSecondFactorEnrolmentPayload {
  @Field({ description: 'The TOTP secret (base32), for typing into an authenticator app by hand.' })
  secret: string;

  @Field({ description: 'The otpauth:// URI an authenticator app reads from a QR code (SHA-1, 6 digits, 30 seconds).' })
  otpauthUri: string;

  @Field({ description: 'The account name the app shows (the e-mail address).' })
  accountName: string;
}

@InputType({ description: 'A code of the new second factor, proving the authenticator app has it.' })
export class ConfirmSecondFactorEnrolmentInput {
  @Field({ description: 'The 6-digit code the authenticator app shows now.' })
  @MinLength(1)
  @MaxLength(32)
  code: string;
}

@ObjectType({ description: 'The second factor is on.' })
export class ConfirmSecondFactorEnrolmentPayload {
  @Field(() => [String], {
    description: 'Ten recovery codes, each good for one sign-in without the phone. Shown this once: only their hashes are kept.',
  })
  recoveryCodes: string[];

  @Field(() => SignInPayload, {
    nullable: true,
    description: 'At the enrolment step of signing in: the new session that replaces the restricted one. Null when already signed in.',
  })
  signIn: SignInPayload | null;
}

@InputType({ description: 'A code of the second factor, proving its owner asks.' })
export class SecondFactorCodeInput {
  @Field({ description: 'A 6-digit code of the authenticator app, or a recovery code. Each works once.' })
  @MinLength(1)
  @MaxLength(32)
  code: string;
}

@ObjectType({ description: 'The account whose second factor was turned off.' })
export class DisableSecondFactorPayload {
  @Field(() => StaffUser, { description: 'The account.' })
  staffUser: StaffUser;
}

@ObjectType({ description: 'New recovery codes; the earlier ones no longer work.' })
export class RegenerateRecoveryCodesPayload {
  @Field(() => [String], { description: 'Ten recovery codes, shown this once: only their hashes are kept.' })
  recoveryCodes: string[];
}
