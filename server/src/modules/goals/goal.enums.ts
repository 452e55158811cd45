import { registerEnumType } from 'type-graphql';

export enum GoalCategory {
  AWARENESS = 'AWARENESS',
  REPUTATION = 'REPUTATION',
  CITIZEN_PARTICIPATION = 'CITIZEN_PARTICIPATION',
  PUBLIC_OPINION = 'PUBLIC_OPINION',
  MEDIA_RELATIONS = 'MEDIA_RELATIONS',
  INTERNAL_COMMUNICATION = 'INTERNAL_COMMUNICATION',
  EVENTS_AND_OCCASIONS = 'EVENTS_AND_OCCASIONS',
  CRISIS_MANAGEMENT = 'CRISIS_MANAGEMENT',
  MANAGEMENT_SUPPORT = 'MANAGEMENT_SUPPORT',
  CULTURE = 'CULTURE',
}
registerEnumType(GoalCategory, {
  name: 'GoalCategory',
  description: "The area of the PR office's work a goal belongs to.",
  valuesConfig: {
    AWARENESS: { description: 'Informing citizens about the municipality.' },
    REPUTATION: { description: 'Reputation, credibility and transparency.' },
    CITIZEN_PARTICIPATION: { description: 'Links with citizens and their participation.' },
    PUBLIC_OPINION: { description: 'Measuring satisfaction and public opinion.' },
    MEDIA_RELATIONS: { description: 'The spokesperson and relations with the media.' },
    INTERNAL_COMMUNICATION: { description: 'Communication among employees and managers.' },
    EVENTS_AND_OCCASIONS: { description: 'Events, public appearances and national and religious occasions.' },
    CRISIS_MANAGEMENT: { description: 'Crisis communication and special conditions.' },
    MANAGEMENT_SUPPORT: { description: 'Advice, planning and decision support for managers.' },
    CULTURE: { description: 'Building culture and spreading cultural topics.' },
  },
});

export enum GoalStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  ARCHIVED = 'ARCHIVED',
}
registerEnumType(GoalStatus, {
  name: 'GoalStatus',
  description: 'Where a goal stands. The public sees ACTIVE and COMPLETED goals only.',
  valuesConfig: {
    DRAFT: { description: 'Being written; staff only.' },
    ACTIVE: { description: 'Published and being pursued.' },
    COMPLETED: { description: 'Published and reached.' },
    ARCHIVED: { description: 'Withdrawn from the public site; staff only.' },
  },
});

export const PUBLIC_GOAL_STATUSES = [GoalStatus.ACTIVE, GoalStatus.COMPLETED];
