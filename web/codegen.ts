// GraphQL Code Generator: the types of the web's operations, from the schema the server emits
// (schema/schema.graphql) and every gql`…` document in the web. `npm run codegen -w web` writes
// lib/api/graphql.generated.ts; the web's type check fails when a schema change breaks a page.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}', '!lib/api/graphql.generated.ts'],
  generates: {
    'lib/api/graphql.generated.ts': {
      plugins: ['typescript-operations'],
      config: {
        enumType: 'string-literal',
        scalars: { ID: 'string', DateTimeISO: 'string', JSON: 'unknown', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
