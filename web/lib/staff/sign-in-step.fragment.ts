// What every step of signing in answers with (a SignInPayload): the session's new token, when it
// ends, and the step still ahead. The sign-in and account security actions spread it into their
// mutations and keep the token in place of the old one.
export const SIGN_IN_STEP_FIELDS = /* GraphQL */ `
  fragment SignInStepFields on SignInPayload {
    token
    expiresAt
    state
  }
`;
