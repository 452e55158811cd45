import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../common/pagination';
import { StaffUser } from './staff.entity';

export const StaffUserConnection = Connection(StaffUser, 'StaffUser');

@ObjectType({ description: 'The created staff user.' })
export class CreateStaffUserPayload {
  @Field(() => StaffUser, { description: 'The user as stored.' })
  staffUser: StaffUser;
}

@ObjectType({ description: 'The changed staff user.' })
export class UpdateStaffUserPayload {
  @Field(() => StaffUser, { description: 'The user as stored after the change.' })
  staffUser: StaffUser;

  @Field(() => Int, { description: "How many of the user's sessions the change ended (a new role or deactivation ends them all)." })
  endedSessionCount: number;
}

@ObjectType({ description: 'The staff user whose password was replaced.' })
export class ResetStaffPasswordPayload {
  @Field(() => StaffUser, { description: 'The user.' })
  staffUser: StaffUser;

  @Field(() => Int, { description: "How many of the user's sessions ended." })
  endedSessionCount: number;
}

@ObjectType({ description: 'The staff user whose sign-in locks were lifted.' })
export class LiftSignInLockPayload {
  @Field(() => StaffUser, { description: 'The user.' })
  staffUser: StaffUser;

  @Field(() => Int, { description: 'How many clients were waiting and may now try again at once.' })
  liftedCount: number;
}

@ObjectType({ description: 'The staff user whose second factor was reset.' })
export class ResetStaffSecondFactorPayload {
  @Field(() => StaffUser, { description: 'The user.' })
  staffUser: StaffUser;

  @Field({ description: 'Whether they had a second factor (false: nothing was removed, the sessions still ended).' })
  hadSecondFactor: boolean;

  @Field(() => Int, { description: "How many of the user's sessions ended." })
  endedSessionCount: number;
}
