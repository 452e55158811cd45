import { Field, InputType, ObjectType } from 'type-graphql';
import { IsEmail, MaxLength, MinLength } from 'class-validator';
import { StaffUser } from './staff.entity';

@InputType({ description: 'Credentials of a staff member.' })
export class SignInInput {
  @Field({ description: 'The account\'s e-mail address (case does not matter).' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'The account\'s password.' })
  @MinLength(1)
  @MaxLength(256)
  password: string;
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
}

@ObjectType({ description: 'The result of signing out.' })
export class SignOutPayload {
  @Field({ description: 'True when a session was ended.' })
  signedOut: boolean;
}
