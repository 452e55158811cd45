import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  findBreakingChanges,
  isEnumType,
  isInputObjectType,
  isIntrospectionType,
  isObjectType,
  isScalarType,
  type GraphQLSchema,
} from 'graphql';
import { getSchema, printContract } from '../../server/src/graphql/schema';

const CONTRACT = path.resolve(__dirname, '../../schema/schema.graphql');
const INTENDED_BREAKS = path.resolve(__dirname, '../../schema/intended-breaking-changes.json');
const ROOT = path.resolve(__dirname, '../..');

/**
 * The previous committed contract: the newest committed version of schema/schema.graphql that
 * differs from the one in the working tree (HEAD's when the file has uncommitted changes).
 */
function previousContract(current: string): { commit: string; sdl: string } | null {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  for (const commit of git('log', '--format=%H', '--', 'schema/schema.graphql').split('\n').filter(Boolean)) {
    const sdl = git('show', `${commit}:schema/schema.graphql`);
    if (sdl !== current) return { commit, sdl };
  }
  return null;
}

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await getSchema();
});

describe('the schema contract', () => {
  it('matches the committed schema/schema.graphql (run `npm run schema` and review the diff)', () => {
    expect(printContract(schema)).toBe(fs.readFileSync(CONTRACT, 'utf8'));
  });

  it('makes no breaking change against the previous committed schema unless it is listed as intended', () => {
    const current = fs.readFileSync(CONTRACT, 'utf8');
    const previous = previousContract(current);
    if (!previous) return; // the first version of the contract: nothing to break
    const intended = (JSON.parse(fs.readFileSync(INTENDED_BREAKS, 'utf8')) as Array<{ change: string; reason: string }>).map(
      (c) => c.change,
    );
    const breaking = findBreakingChanges(buildSchema(previous.sdl), buildSchema(current)).map((c) => `${c.type}: ${c.description}`);
    // Remove a field by deprecating it first (`deprecationReason`), never outright; an intended
    // break goes into schema/intended-breaking-changes.json with its reason.
    expect({ against: previous.commit.slice(0, 10), breaking: breaking.filter((b) => !intended.includes(b)) }).toEqual({
      against: previous.commit.slice(0, 10),
      breaking: [],
    });
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
