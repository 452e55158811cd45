import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { conflict, unauthenticated } from '../../common/errors';
import { Public } from '../../graphql/access';
import { type Context } from '../../graphql/context';
import { type RequestMeta, type SignInResult, type Subject } from './auth.service';
import { Role } from './role';
import { signInIncomplete } from './sign-in-stage';
import { StaffUser } from './staff.entity';
import {
  ChangePasswordInput,
  ConfirmSecondFactorEnrolmentInput,
  ConfirmSecondFactorEnrolmentPayload,
  DisableSecondFactorPayload,
  RegenerateRecoveryCodesPayload,
  SecondFactorCodeInput,
  SignInPayload,
  SignInProgress,
  StartSecondFactorEnrolmentPayload,
  VerifySecondFactorInput,
} from './staff.inputs';
import { type Viewer } from './staff.policy';

/** The caller's own account, signed in or half-way through signing in. */
function subjectOf(ctx: Context): Subject {
  if (ctx.viewer) return { viewer: ctx.viewer };
  if (ctx.pending) return { pending: ctx.pending };
  throw unauthenticated();
}

/** The signed-in caller (a restricted session is told to finish signing in first). */
function signedIn(ctx: Context): Viewer {
  if (ctx.viewer) return ctx.viewer;
  if (ctx.pending) throw signInIncomplete(ctx.pending.state);
  throw unauthenticated();
}

const meta = (ctx: Context, deviceToken?: string | null): RequestMeta => ({
  clientKey: ctx.clientKey,
  requestId: ctx.requestId,
  deviceToken,
});

/** A new session replaces the caller's: the web's cookie (and a tool's bearer token) must follow. */
function keep(ctx: Context, result: SignInResult): SignInResult {
  ctx.sessionCookie.set(result.token, result.expiresAt);
  return result;
}

/**
 * The steps of signing in after the password and the account's own security (second factor,
 * recovery codes, password). These mutations are public in the access table because a restricted
 * session (viewer null) must reach them; each acts only on the caller's own account, and refuses a
 * caller without a session (UNAUTHENTICATED) or whose session is at another step (reason
 * SIGN_IN_INCOMPLETE).
 */
@Resolver(() => StaffUser)
export class SecondFactorResolver {
  @FieldResolver(() => Boolean, {
    nullable: true,
    description: 'Whether the account signs in with a second factor (TOTP). Null for anyone but the account itself and admins.',
  })
  async secondFactorEnabled(@Root() user: StaffUser, @Ctx() ctx: Context): Promise<boolean | null> {
    if (!ctx.viewer || (ctx.viewer.userId !== user.id && ctx.viewer.role !== Role.ADMIN)) return null;
    return (await ctx.loaders.secondFactorByUserId.load(user.id)).enabled;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description:
      'Whether the account must use a second factor (admins, where the server requires it: REQUIRE_ADMIN_2FA, on in production). Null for anyone but the account itself and admins.',
  })
  secondFactorRequired(@Root() user: StaffUser, @Ctx() ctx: Context): boolean | null {
    if (!ctx.viewer || (ctx.viewer.userId !== user.id && ctx.viewer.role !== Role.ADMIN)) return null;
    return ctx.services.auth.secondFactorRequired(user.role);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: 'Unused recovery codes of the second factor (0 without one). Null for anyone but the account itself.',
  })
  async recoveryCodesLeft(@Root() user: StaffUser, @Ctx() ctx: Context): Promise<number | null> {
    if (ctx.viewer?.userId !== user.id) return null;
    return (await ctx.loaders.secondFactorByUserId.load(user.id)).recoveryCodesLeft;
  }

  @Public()
  @Query(() => SignInProgress, {
    nullable: true,
    description: 'The step still ahead when this request carries a restricted session (half-way through signing in); null otherwise.',
  })
  signInProgress(@Ctx() ctx: Context): SignInProgress | null {
    return ctx.pending ? { state: ctx.pending.state, email: ctx.pending.email, expiresAt: ctx.pending.expiresAt } : null;
  }

  @Public()
  @Mutation(() => SignInPayload, {
    description:
      'The second-factor step of signing in (state SECOND_FACTOR_REQUIRED): a code of the authenticator app or a recovery code, each accepted once (a code of a 30-second step already used, or of an earlier one, is refused). Returns a new session that replaces the restricted one. A wrong code: BAD_USER_INPUT with reason INVALID_CODE; wrong codes count toward the sign-in limits, per client and for the account from every client together (RATE_LIMITED with retryAfter).',
  })
  async verifySecondFactor(
    @Arg('input', () => VerifySecondFactorInput, { description: 'The code.' }) input: VerifySecondFactorInput,
    @Ctx() ctx: Context,
  ): Promise<SignInResult> {
    if (!ctx.pending) {
      if (!ctx.viewer) throw unauthenticated();
      throw conflict('NO_SIGN_IN_STEP', 'This session is signed in already: no code is asked for.');
    }
    return keep(ctx, await ctx.services.auth.verifySecondFactor(ctx.pending, input.code, meta(ctx, input.deviceToken)));
  }

  @Public()
  @Mutation(() => SignInPayload, {
    description:
      "Replaces the caller's password: at the PASSWORD_CHANGE_REQUIRED step of signing in (after an administrator created the account or reset its password), or signed in with the current password (wrong: BAD_USER_INPUT reason WRONG_PASSWORD, counted like a failed sign-in). The new one must differ from the current one (reason SAME_PASSWORD). Every other session of the account ends; the caller gets a new session (the next step's, or a full one).",
  })
  async changePassword(
    @Arg('input', () => ChangePasswordInput, { description: 'Current and new password.' }) input: ChangePasswordInput,
    @Ctx() ctx: Context,
  ): Promise<SignInResult> {
    return keep(ctx, await ctx.services.auth.changePassword(subjectOf(ctx), input.currentPassword, input.newPassword, meta(ctx)));
  }

  @Public()
  @Mutation(() => StartSecondFactorEnrolmentPayload, {
    description:
      "Starts enrolling a second factor (TOTP) for the caller's account, signed in or at the SECOND_FACTOR_ENROLMENT_REQUIRED step: a new secret, shown this once (as text and as an otpauth:// URI for a QR code). Nothing changes until confirmSecondFactorEnrolment; starting again replaces the secret. CONFLICT with reason SECOND_FACTOR_ENABLED when the account has one.",
  })
  startSecondFactorEnrolment(@Ctx() ctx: Context): Promise<StartSecondFactorEnrolmentPayload> {
    return ctx.services.auth.startEnrolment(subjectOf(ctx));
  }

  @Public()
  @Mutation(() => ConfirmSecondFactorEnrolmentPayload, {
    description:
      'Turns the second factor on with a first code of the new secret, and returns ten recovery codes (shown this once). At the enrolment step of signing in it also completes the sign-in (`signIn`). A wrong code: BAD_USER_INPUT with reason INVALID_CODE (counted like a failed sign-in); nothing waiting: CONFLICT with reason NO_ENROLMENT. Audited.',
  })
  async confirmSecondFactorEnrolment(
    @Arg('input', () => ConfirmSecondFactorEnrolmentInput, { description: 'The code.' }) input: ConfirmSecondFactorEnrolmentInput,
    @Ctx() ctx: Context,
  ): Promise<ConfirmSecondFactorEnrolmentPayload> {
    const result = await ctx.services.auth.confirmEnrolment(subjectOf(ctx), input.code, meta(ctx));
    if (result.signIn) keep(ctx, result.signIn);
    return result;
  }

  @Public()
  @Mutation(() => DisableSecondFactorPayload, {
    description:
      "Turns the signed-in caller's second factor off, proven with a code of it (app or recovery code; wrong: BAD_USER_INPUT reason INVALID_CODE). Accounts that must use one cannot (CONFLICT with reason SECOND_FACTOR_REQUIRED); without a second factor: CONFLICT with reason NO_SECOND_FACTOR. Audited.",
  })
  async disableSecondFactor(
    @Arg('input', () => SecondFactorCodeInput, { description: 'A code of the second factor.' }) input: SecondFactorCodeInput,
    @Ctx() ctx: Context,
  ): Promise<DisableSecondFactorPayload> {
    return { staffUser: await ctx.services.auth.disableSecondFactor(signedIn(ctx), input.code, meta(ctx)) };
  }

  @Public()
  @Mutation(() => RegenerateRecoveryCodesPayload, {
    description:
      "Ten new recovery codes for the signed-in caller's second factor (shown this once); the earlier ones stop working. Proven with a code (wrong: BAD_USER_INPUT reason INVALID_CODE); without a second factor: CONFLICT with reason NO_SECOND_FACTOR. Audited.",
  })
  async regenerateRecoveryCodes(
    @Arg('input', () => SecondFactorCodeInput, { description: 'A code of the second factor.' }) input: SecondFactorCodeInput,
    @Ctx() ctx: Context,
  ): Promise<RegenerateRecoveryCodesPayload> {
    return { recoveryCodes: await ctx.services.auth.regenerateRecoveryCodes(signedIn(ctx), input.code, meta(ctx)) };
  }
}
