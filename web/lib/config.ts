// The one place the web app reads its environment; everything else imports `config`.
const DEFAULT_GRAPHQL_URL = "http://localhost:4000/graphql";

function readGraphqlUrl(): string {
  const raw = process.env.GRAPHQL_URL || DEFAULT_GRAPHQL_URL;
  try {
    return new URL(raw).toString();
  } catch {
    // Fail at start-up with the reason rather than on the first page view.
    throw new Error(`GRAPHQL_URL must be an absolute URL (got "${raw}")`);
  }
}

export const config = {
  graphqlUrl: readGraphqlUrl(),
  /** A page gives up on the API after this long and shows the error state. */
  graphqlTimeoutMs: 10_000,
} as const;
