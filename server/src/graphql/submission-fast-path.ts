import { createHash } from 'node:crypto';
import { type FastifyReply, type FastifyRequest } from 'fastify';
import {
  GraphQLError,
  Kind,
  locatedError,
  parse,
  specifiedRules,
  validate,
  type FieldNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
} from 'graphql';
import { AppError, ErrorCode } from '../common/errors';
import { hashKey } from '../common/rate-limit';
import { type Logger } from '../logger';
import { type AnswerInput, type SubmitPollResponseInput } from '../modules/polls/poll.inputs';
import { type PollSubmissionService, type PreparedSubmission } from '../modules/polls/poll-submission.service';
import { ApiScope } from '../modules/partners/api-key.enums';
import { type ApiKeyService } from '../modules/partners/api-key.service';
import { API_KEY_HEADER, RESPONDENT_COOKIE, SESSION_COOKIE } from './context';
import { formatError, logUnexpectedError, stampRequestId } from './error-format';
import { respondentSetCookie } from './respondent-cookie';
import { type TrustedDocuments } from './trusted-documents';

/** The payload fields a compiled submission may select: plain values known once the write commits. */
const PAYLOAD_FIELDS = new Set(['pollId', 'respondentToken', '__typename']);
const INPUT_KEYS = new Set(['pollId', 'respondentToken', 'districtId', 'answers']);
const ANSWER_KEYS = new Set(['questionId', 'optionIds', 'number', 'text']);
const BODY_KEYS = new Set(['query', 'variables', 'operationName']);
const INT_MIN = -(2 ** 31);
const INT_MAX = 2 ** 31 - 1;
/** How many query texts' verdicts are remembered (partners send a handful; a flood of new texts only resets the memo). */
const MEMO_MAX = 1_000;

/** A submission document in the one shape this path answers, with what it needs to answer it. */
interface CompiledSubmission {
  operationName: string | undefined;
  variable: string;
  /** The response key of `submitPollResponse` (its alias, if any). */
  key: string;
  /** The selected payload fields: [response key, field name], in document order. */
  fields: Array<[string, string]>;
  /** Where the field is in the document, for errors (as graphql-js reports them). */
  field: FieldNode;
  /** Anonymous callers may send it (always, unless trusted documents are enforced and it is not one). */
  trusted: boolean;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const optionalString = (value: unknown) => value == null || typeof value === 'string';

/**
 * The variable `input`, if it is exactly what GraphQL's input coercion would accept as a
 * SubmitPollResponseInput without converting anything (strings for IDs and text, whole numbers in
 * Int's range, lists as arrays, no unknown fields). Anything else — a number for an ID, a single
 * answer instead of a list, an unknown field — returns null and is left to the general path, whose
 * coercion accepts or refuses it with GraphQL's own messages.
 */
export function plainSubmissionInput(value: unknown): SubmitPollResponseInput | null {
  if (!isObject(value)) return null;
  for (const key in value) if (!INPUT_KEYS.has(key)) return null;
  const { pollId, respondentToken, districtId, answers } = value;
  if (typeof pollId !== 'string' || !optionalString(respondentToken) || !optionalString(districtId) || !Array.isArray(answers)) return null;
  const plain: AnswerInput[] = [];
  for (const answer of answers) {
    if (!isObject(answer)) return null;
    for (const key in answer) if (!ANSWER_KEYS.has(key)) return null;
    const { questionId, optionIds, number, text } = answer;
    if (typeof questionId !== 'string' || !optionalString(text)) return null;
    if (optionIds != null && !(Array.isArray(optionIds) && optionIds.every((id) => typeof id === 'string'))) return null;
    if (number != null && !(typeof number === 'number' && Number.isInteger(number) && number >= INT_MIN && number <= INT_MAX)) return null;
    plain.push({ questionId, optionIds: optionIds as string[] | null | undefined, number: number as number | null | undefined, text: text as string | null | undefined });
  }
  return { pollId, respondentToken: respondentToken as string | null | undefined, districtId: districtId as string | null | undefined, answers: plain };
}

/**
 * The fast path of citizens' submissions. `submitPollResponse` is the one operation the city's
 * busiest moments are made of (a poll shared on the news: thousands of answers a minute), and the
 * general GraphQL pipeline spent about four times the work of the write itself on parsing the
 * request into Apollo's form, coercing the variables, converting them into classes and running
 * the plugins. This path answers the common case directly: a POST to /graphql, from an anonymous
 * caller (no staff session; a trusted document where those are enforced) or with an API key this
 * instance already knows whose scopes include SUBMIT_RESPONSES, whose document is exactly
 *
 *   mutation [Name]($input: SubmitPollResponseInput!) { [alias:] submitPollResponse(input: $input) { pollId respondentToken __typename } }
 *
 * (any of those three fields, aliased or not) and whose variables need no coercion. It runs the
 * same service calls as the resolver (the same checks, the same per-address limit, the same
 * batched write, the same cookie) and formats errors with the same formatError, so the answer is
 * byte for byte the general path's (tests/integration/submission-fast-path.test.ts compares
 * the two). Everything else — other documents, `results` selected, staff, unknown keys, variables
 * that need coercion, and every submission the checks refuse — goes to Apollo Server unchanged:
 * the checks change nothing, so Apollo runs them again and gives its own answer.
 */
export class SubmissionFastPath {
  /** Requests this path answered (tests read it to know which path ran). */
  answered = 0;
  private readonly memo = new Map<string, CompiledSubmission | null>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly submissions: PollSubmissionService,
    private readonly apiKeys: ApiKeyService,
    private readonly options: { parseOptions: ParseOptions; trusted?: TrustedDocuments; cookieSecure: boolean; log: Logger },
  ) {}

  /**
   * Answers the request and returns true, or returns false having touched nothing. Only for
   * requests whose answer is application/json (graphqlResponseMediaType; app.ts checks): this
   * path writes no other media type.
   */
  async handle(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const { headers } = request;
    if (headers.authorization !== undefined) return false;
    // A partner's key: only one this instance knows already (cached) and whose scopes allow submitting.
    const keyHeader = headers[API_KEY_HEADER];
    if (keyHeader !== undefined && (typeof keyHeader !== 'string' || !this.apiKeys.peek(keyHeader)?.scopes.includes(ApiScope.SUBMIT_RESPONSES))) return false;
    // A key acts for no one (a staff cookie beside it is ignored); without one, a staff session goes to the general path.
    if (keyHeader === undefined && request.cookies[SESSION_COOKIE] !== undefined) return false;
    const body = request.body;
    if (!isObject(body) || typeof body.query !== 'string') return false;
    for (const key in body) if (!BODY_KEYS.has(key)) return false;
    const compiled = this.compiled(body.query, keyHeader === undefined);
    if (!compiled) return false;
    if (body.operationName != null && body.operationName !== compiled.operationName) return false;
    if (!isObject(body.variables)) return false;
    const input = plainSubmissionInput(body.variables[compiled.variable]);
    if (!input) return false;

    // Only for a poll whose definition is cached: checking another would read the database before
    // the per-address limit is spent (the general path limits first), and a limited client could
    // still make it work. The general path's first submission caches it.
    if (!this.submissions.isPrepared(input.pollId)) return false;
    const cookieToken = request.cookies[RESPONDENT_COOKIE];
    let prepared: PreparedSubmission;
    try {
      prepared = await this.submissions.prepare(input, cookieToken);
    } catch {
      return false; // refused by a check that changed nothing: the general path answers it, with the same error
    }

    this.answered++;
    if (keyHeader !== undefined) {
      try {
        await this.apiKeys.authenticate(keyHeader); // counts the request and spends the key's limit
      } catch (err) {
        // As Apollo Server answers a context that could not be built: the error alone, no data.
        const { status, error: formatted } = this.formatted(err, null, request.id);
        void reply.code(status).header('content-type', 'application/json; charset=utf-8').send(`${JSON.stringify({ errors: [formatted] })}\n`);
        return true;
      }
    }
    let text: string;
    try {
      await this.submissions.admit(hashKey(`client:${request.ip}`));
      const result = await this.submissions.write(prepared);
      if (result.respondentToken !== cookieToken) void reply.header('set-cookie', respondentSetCookie(result.respondentToken, this.options.cookieSecure));
      const values: Record<string, string> = { pollId: result.pollId, respondentToken: result.respondentToken, __typename: 'SubmitPollResponsePayload' };
      const payload: Record<string, string> = {};
      for (const [key, field] of compiled.fields) payload[key] = values[field];
      text = JSON.stringify({ data: { [compiled.key]: payload } });
    } catch (err) {
      const { status, error } = this.formatted(err, compiled, request.id);
      void reply.code(status);
      text = JSON.stringify({ errors: [error], data: null });
    }
    void reply.header('content-type', 'application/json; charset=utf-8').send(`${text}\n`);
    return true;
  }

  /** An error as Apollo Server shows it: a field's located at the field, a context's (compiled null) alone; through formatError, logged when unexpected. */
  private formatted(err: unknown, compiled: CompiledSubmission | null, requestId: string): { status: number; error: GraphQLFormattedError } {
    const located = compiled ? locatedError(err, [compiled.field], [compiled.key]) : err instanceof GraphQLError ? err : new GraphQLError(`Context creation failed: ${(err as Error).message}`, { originalError: err as Error });
    logUnexpectedError(this.options.log, located, requestId);
    const formatted = located.toJSON();
    const error = formatError({ ...formatted, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...formatted.extensions } }, located);
    stampRequestId(error, requestId);
    const http = err instanceof AppError ? (err.extensions.http as { status?: number } | undefined) : undefined;
    return { status: http?.status ?? (compiled ? 200 : 500), error };
  }

  /** The compiled document, or null; `anonymous` callers also need it trusted where that is enforced. */
  private compiled(query: string, anonymous: boolean): CompiledSubmission | null {
    let entry = this.memo.get(query);
    if (entry === undefined) {
      entry = this.compile(query);
      if (this.memo.size >= MEMO_MAX) this.memo.clear();
      this.memo.set(query, entry);
    }
    return entry && (!anonymous || entry.trusted) ? entry : null;
  }

  /** The document as a CompiledSubmission (noting whether anonymous callers may send it), or null when it is anything but the one shape. */
  private compile(query: string): CompiledSubmission | null {
    let document;
    try {
      document = parse(query, this.options.parseOptions);
    } catch {
      return null;
    }
    if (document.definitions.length !== 1) return null;
    const operation = document.definitions[0];
    if (operation.kind !== Kind.OPERATION_DEFINITION || operation.operation !== 'mutation' || operation.directives?.length) return null;
    const variables = operation.variableDefinitions ?? [];
    if (variables.length !== 1) return null;
    const [definition] = variables;
    const type = definition.type;
    if (definition.defaultValue || definition.directives?.length || type.kind !== Kind.NON_NULL_TYPE || type.type.kind !== Kind.NAMED_TYPE || type.type.name.value !== 'SubmitPollResponseInput') return null;
    const variable = definition.variable.name.value;

    const selections = operation.selectionSet.selections;
    if (selections.length !== 1 || selections[0].kind !== Kind.FIELD) return null;
    const field = selections[0];
    const args = field.arguments ?? [];
    if (field.name.value !== 'submitPollResponse' || field.directives?.length || args.length !== 1) return null;
    const [arg] = args;
    if (arg.name.value !== 'input' || arg.value.kind !== Kind.VARIABLE || arg.value.name.value !== variable) return null;

    const fields: Array<[string, string]> = [];
    const keys = new Set<string>();
    for (const selection of field.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length || selection.selectionSet) return null;
      const key = selection.alias?.value ?? selection.name.value;
      if (!PAYLOAD_FIELDS.has(selection.name.value) || keys.has(key)) return null;
      keys.add(key);
      fields.push([key, selection.name.value]);
    }
    if (!fields.length) return null;
    // The shape above is valid by construction; graphql-js confirms it against the schema.
    if (validate(this.schema, document, specifiedRules).length) return null;
    const trusted = !this.options.trusted || this.options.trusted.allows(createHash('sha256').update(query).digest('hex'), document);
    return { operationName: operation.name?.value, variable, key: field.alias?.value ?? field.name.value, fields, field, trusted };
  }
}
