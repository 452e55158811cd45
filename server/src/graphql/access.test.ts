import { buildSchema } from 'graphql';
import { assertAccessDeclared } from './access';

describe('assertAccessDeclared', () => {
  it('refuses a schema with an operation that declares no access, naming it', () => {
    const schema = buildSchema('type Query { open: Int } type Mutation { forgotten: Int }');
    schema.getQueryType()!.getFields().open.extensions = { access: { public: true } };
    expect(() => assertAccessDeclared(schema)).toThrow(/Mutation\.forgotten/);
  });
});
