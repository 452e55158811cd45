import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';

export const GoalCategory = graphqlEnum('GoalCategory', "The area of the PR office's work a goal belongs to.", {
  AWARENESS: 'Informing citizens about the municipality.',
  REPUTATION: 'Reputation, credibility and transparency.',
  CITIZEN_PARTICIPATION: 'Links with citizens and their participation.',
  PUBLIC_OPINION: 'Measuring satisfaction and public opinion.',
  MEDIA_RELATIONS: 'The spokesperson and relations with the media.',
  INTERNAL_COMMUNICATION: 'Communication among employees and managers.',
  EVENTS_AND_OCCASIONS: 'Events, public appearances and national and religious occasions.',
  CRISIS_MANAGEMENT: 'Crisis communication and special conditions.',
  MANAGEMENT_SUPPORT: 'Advice, planning and decision support for managers.',
  CULTURE: 'Building culture and spreading cultural topics.',
});
export type GoalCategory = EnumValue<typeof GoalCategory>;

export const GoalStatus = graphqlEnum('GoalStatus', 'Where a goal stands. The public sees ACTIVE and COMPLETED goals only.', {
  DRAFT: 'Being written; staff only.',
  ACTIVE: 'Published and being pursued.',
  COMPLETED: 'Published and reached.',
  ARCHIVED: 'Withdrawn from the public site; staff only.',
});
export type GoalStatus = EnumValue<typeof GoalStatus>;

export const PUBLIC_GOAL_STATUSES = [GoalStatus.ACTIVE, GoalStatus.COMPLETED];
