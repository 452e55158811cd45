import { type EnumValue, graphqlEnum } from '../../common/graphql-enum';

export const Role = graphqlEnum('Role', 'What a staff member may do.', {
  ADMIN: 'Everything, including staff users and API keys.',
  EDITOR: 'Edits public content: goals, events, polls.',
  ANALYST: 'Reads opinion data and site analytics.',
  MEDIA_OFFICER: 'Manages media contacts, interactions and press releases.',
});
export type Role = EnumValue<typeof Role>;
