import fs from 'node:fs';
import path from 'node:path';
import { isEnumType, isInputObjectType, isIntrospectionType, isObjectType, isScalarType, type GraphQLSchema } from 'graphql';
import { getSchema, printContract } from '../../server/src/graphql/schema';

const CONTRACT = path.resolve(__dirname, '../../schema/schema.graphql');

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

describe('the schema contract', () => {
  it('matches the committed schema/schema.graphql (run `npm run schema` and review the diff)', () => {
    expect(printContract(schema)).toBe(fs.readFileSync(CONTRACT, 'utf8'));
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || (isScalarType(type) && ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name))) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps the names promised to partner apps', () => {
    const query = schema.getQueryType()!.getFields();
    const mutation = schema.getMutationType()!.getFields();
    for (const name of ['districts', 'goals', 'goal', 'me']) expect(query[name]).toBeDefined();
    for (const name of ['signIn', 'signOut']) expect(mutation[name]).toBeDefined();
    expect(query.goal.args.map((a) => a.name)).toEqual(['id']);
    expect(query.goals.args.map((a) => a.name).sort()).toEqual(['after', 'filter', 'first']);
  });
});
