import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { IsEmail, MaxLength, MinLength } from 'class-validator';
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

  @Field({ description: 'The new password (12 to 256 characters).' })
  @MinLength(1)
  @MaxLength(256)
  password: string;
}

@ObjectType({ description: 'Result of setPasswordWithToken.' })
export class SetPasswordWithTokenPayload {
  @Field({ description: 'The e-mail address to sign in with from now on.' })
  email: string;
}
