import { gql, type TypedDocumentNode } from "@apollo/client";
import { DISTRICT_LIST_FIELDS, type DistrictListFields } from "@/components/district-list";
import { GOAL_CARD_FIELDS, type GoalCardFields } from "@/components/goal-card";
import type { GraphqlLocale } from "@/lib/api/schema";

interface HomePageData {
  goals: { totalCount: number; edges: { node: GoalCardFields }[] };
  districts: DistrictListFields[];
}

type HomePageVariables = {
  locale: GraphqlLocale;
  goalCount: number;
}

export const HOME_PAGE_QUERY: TypedDocumentNode<HomePageData, HomePageVariables> = gql`
  query HomePage($locale: Locale!, $goalCount: Int!) {
    goals(first: $goalCount) {
      totalCount
      edges {
        node {
          ...GoalCardFields
        }
      }
    }
    districts {
      ...DistrictListFields
    }
  }
  ${GOAL_CARD_FIELDS}
  ${DISTRICT_LIST_FIELDS}
`;
