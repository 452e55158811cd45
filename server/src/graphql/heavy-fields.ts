import { type ApolloServerPlugin } from '@apollo/server';
import { Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { AppError } from '../common/errors';

/**
 * Fields whose one execution may read a poll's whole breakdown, a district or day table and its
 * suppression, or every free-text answer (PollInsights, and a poll's public results by district). One request may select at most one of them
 * (issue 14 item 4: fifteen aliased wordFrequency fields held every pooled connection while a
 * trivial public query waited 7–10 s). Counted as executed: each alias, and each place a fragment
 * is spread, counts again.
 */
export const HEAVY_FIELDS: ReadonlySet<string> = new Set(['wordFrequency', 'crosstab', 'byDistrict', 'weightedResults', 'freeTextAnswers']);
export const MAX_HEAVY_FIELDS = 1;
export const QUERY_TOO_EXPENSIVE = 'QUERY_TOO_EXPENSIVE';

/** How many times heavy fields would execute: every alias and every spread of a fragment counted. */
export function heavyFieldCount(
  selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  inFragments: string[] = [],
): number {
  let n = 0;
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) {
      if (HEAVY_FIELDS.has(s.name.value)) n++;
      if (s.selectionSet) n += heavyFieldCount(s.selectionSet, fragments, inFragments);
    } else if (s.kind === Kind.INLINE_FRAGMENT) {
      n += heavyFieldCount(s.selectionSet, fragments, inFragments);
    } else if (fragments[s.name.value] && !inFragments.includes(s.name.value)) {
      // A fragment spread inside itself is a validation error anyway; the guard only keeps this finite.
      n += heavyFieldCount(fragments[s.name.value].selectionSet, fragments, [...inFragments, s.name.value]);
    }
  }
  return n;
}

/** Refuses, before anything executes (no SQL runs), an operation that selects more than one heavy field. */
export function heavyFieldPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document }) {
          if (!operation) return;
          const fragments = Object.fromEntries(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          const count = heavyFieldCount((operation as OperationDefinitionNode).selectionSet, fragments);
          if (count > MAX_HEAVY_FIELDS) {
            throw new AppError(
              QUERY_TOO_EXPENSIVE,
              `This request asks for ${count} expensive fields (${[...HEAVY_FIELDS].join(', ')}); one request may ask for ${MAX_HEAVY_FIELDS}. Send one request per field.`,
              { maxHeavyFields: MAX_HEAVY_FIELDS, http: { status: 400 } },
            );
          }
        },
      };
    },
  };
}
