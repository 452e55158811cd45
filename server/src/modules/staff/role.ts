import { registerEnumType } from 'type-graphql';

export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  ANALYST = 'ANALYST',
  MEDIA_OFFICER = 'MEDIA_OFFICER',
}
registerEnumType(Role, {
  name: 'Role',
  description: 'What a staff member may do.',
  valuesConfig: {
    ADMIN: { description: 'Everything, including staff users and API keys.' },
    EDITOR: { description: 'Edits public content: goals, events, polls.' },
    ANALYST: { description: 'Reads opinion data and site analytics.' },
    MEDIA_OFFICER: { description: 'Manages media contacts, interactions and press releases.' },
  },
});
