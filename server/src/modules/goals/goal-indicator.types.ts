import { Field, ID, ObjectType } from 'type-graphql';
import { Goal } from './goal.entity';
import { GoalIndicator } from './goal-indicator.entity';

@ObjectType({ description: 'The added indicator.' })
export class AddGoalIndicatorPayload {
  @Field(() => GoalIndicator, { description: 'The indicator as stored.' })
  indicator: GoalIndicator;

  @Field(() => Goal, { description: 'The goal it measures.' })
  goal: Goal;
}

@ObjectType({ description: 'The changed indicator.' })
export class UpdateGoalIndicatorPayload {
  @Field(() => GoalIndicator, { description: 'The indicator as stored after the change.' })
  indicator: GoalIndicator;

  @Field(() => Goal, { description: 'The goal it measures.' })
  goal: Goal;
}

@ObjectType({ description: 'The result of removing an indicator.' })
export class RemoveGoalIndicatorPayload {
  @Field(() => ID, { description: 'The id of the indicator that was removed.' })
  removedIndicatorId: string;

  @Field(() => Goal, { description: 'The goal it measured.' })
  goal: Goal;
}
