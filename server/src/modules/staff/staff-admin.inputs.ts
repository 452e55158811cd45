import { IsEmail, IsOptional, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IdInput, IsCleanText, TextInput } from '../../common/validation';
import { MIN_PASSWORD_LENGTH } from './password';
import { Role } from './role';
import { DISPLAY_NAME_MAX, EMAIL_MAX, MAX_PASSWORD_LENGTH } from './staff-admin.policy';

const PASSWORD_RULE = `${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters`;

@InputType({ description: 'Which staff users to list.' })
export class StaffUserFilter {
  @Field(() => Role, { nullable: true, description: 'Only users with this role.' })
  @IsOptional()
  role?: Role | null;

  @Field(() => Boolean, { nullable: true, description: 'Only active (true) or only deactivated (false) users.' })
  @IsOptional()
  active?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Words to find in the display name or e-mail address. Arabic ي/ك match Persian ی/ک; case, ZWNJ and diacritics are ignored.',
  })
  @IsOptional()
  @MaxLength(200)
  @IsCleanText()
  search?: string | null;
}

@InputType({ description: 'A new staff user.' })
export class CreateStaffUserInput {
  @Field({ description: 'Sign-in e-mail address; stored lower-case, and unique whatever its case.' })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(EMAIL_MAX)
  email: string;

  @TextInput({
    description: `Name shown to colleagues, at most ${DISPLAY_NAME_MAX} characters; the e-mail address's local part when omitted.`,
    max: DISPLAY_NAME_MAX,
    optional: true,
  })
  displayName?: string | null;

  @Field(() => Role, { description: 'What the user may do.' })
  role: Role;

  @Field({ description: `The initial password, ${PASSWORD_RULE}; stored only as an argon2id hash. Give it to the user by a safe channel.` })
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

@InputType({ description: 'Changes to a staff user. Omitted fields keep their value; none can be cleared.' })
export class UpdateStaffUserInput {
  @IdInput({ description: 'The staff user to change.' })
  id: string;

  @Field(() => Role, {
    nullable: true,
    description: "New role. A change ends all of the user's sessions. You cannot take ADMIN from yourself or from the last active admin.",
  })
  @IsOptional()
  role?: Role | null;

  @TextInput({ description: `New display name, at most ${DISPLAY_NAME_MAX} characters.`, max: DISPLAY_NAME_MAX, optional: true })
  displayName?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'False deactivates the user: all their sessions end at once and they cannot sign in. True lets them sign in again. You cannot deactivate yourself or the last active admin.',
  })
  @IsOptional()
  active?: boolean | null;
}

@InputType({ description: 'A new password for a staff user.' })
export class ResetStaffPasswordInput {
  @IdInput({ description: 'The staff user.' })
  id: string;

  @Field({ description: `The new password, ${PASSWORD_RULE}. All of the user's sessions end (yours too, when it is your own).` })
  @MinLength(MIN_PASSWORD_LENGTH)
  @MaxLength(MAX_PASSWORD_LENGTH)
  password: string;
}

@InputType({ description: 'The staff user whose sign-in locks to lift.' })
export class LiftSignInLockInput {
  @IdInput({ description: 'The staff user.' })
  id: string;
}

@InputType({ description: 'The staff member whose second factor to reset (a lost phone).' })
export class ResetStaffSecondFactorInput {
  @IdInput({ description: 'The staff user; not yourself.' })
  id: string;
}
