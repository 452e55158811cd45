import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { BilingualTextChanges, NewBilingualTexts } from '../../common/bilingual-texts';
import { IdInput, IsCleanText } from '../../common/validation';
import { Goal } from './goal.entity';
import { GoalCategory, GoalStatus } from './goal.enums';

const TITLE_MAX = 500;
const DESCRIPTION_MAX = 10_000;
export const POSITION_MAX = 10_000;

@InputType({ description: 'Which goals to list.' })
export class GoalFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Words to find in the title or description, in either language. Arabic ي/ك match Persian ی/ک; ZWNJ and diacritics are ignored.',
  })
  @IsOptional()
  @MaxLength(200)
  @IsCleanText()
  search?: string | null;

  @Field(() => GoalCategory, { nullable: true, description: 'Only goals of this category.' })
  @IsOptional()
  category?: GoalCategory | null;

  @Field(() => [GoalStatus], {
    nullable: true,
    description: 'Only goals in these statuses. Without a staff session only ACTIVE and COMPLETED goals are ever returned.',
  })
  @IsOptional()
  @ArrayMaxSize(4)
  statuses?: GoalStatus[] | null;
}

@InputType({ description: 'A new goal.' })
export class CreateGoalInput extends NewBilingualTexts({ title: TITLE_MAX, description: DESCRIPTION_MAX }) {
  @Field(() => GoalCategory, { description: 'The area of work.' })
  category: GoalCategory;

  @Field(() => Int, { nullable: true, description: `Display order, 1 to ${POSITION_MAX}; after the last goal when omitted.` })
  @IsOptional()
  @Min(1)
  @Max(POSITION_MAX)
  position?: number | null;

  @Field(() => GoalStatus, { nullable: true, description: 'Initial status; DRAFT when omitted.' })
  @IsOptional()
  status?: GoalStatus | null;
}

@InputType({ description: 'Changes to a goal. Omitted fields keep their value; null clears an optional field.' })
export class UpdateGoalInput extends BilingualTextChanges('goal', { title: TITLE_MAX, description: DESCRIPTION_MAX }) {
  @Field(() => GoalCategory, { nullable: true, description: 'The area of work; cannot be cleared.' })
  @IsOptional()
  category?: GoalCategory | null;

  @Field(() => Int, { nullable: true, description: `Display order, 1 to ${POSITION_MAX}; cannot be cleared.` })
  @IsOptional()
  @Min(1)
  @Max(POSITION_MAX)
  position?: number | null;

  @Field(() => GoalStatus, { nullable: true, description: 'New status; cannot be cleared.' })
  @IsOptional()
  status?: GoalStatus | null;
}

@InputType({ description: 'The goal to delete.' })
export class DeleteGoalInput {
  @IdInput({ description: 'The goal to delete.' })
  id: string;
}

@ObjectType({ description: 'The created goal.' })
export class CreateGoalPayload {
  @Field(() => Goal, { description: 'The goal as stored.' })
  goal: Goal;
}

@ObjectType({ description: 'The changed goal.' })
export class UpdateGoalPayload {
  @Field(() => Goal, { description: 'The goal as stored after the change.' })
  goal: Goal;
}

@ObjectType({ description: 'The result of deleting a goal.' })
export class DeleteGoalPayload {
  @Field(() => ID, { description: 'The id of the goal that was deleted.' })
  deletedGoalId: string;
}
