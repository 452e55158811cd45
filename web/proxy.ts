import { NextResponse, type NextRequest } from "next/server";
import { defaultLocale } from "./lib/i18n/locales";
import { REQUEST_PATH_HEADER, splitLocale } from "./lib/i18n/routing";

// The pages live in app/[locale]/. Persian URLs carry no prefix, so they are rewritten to
// /fa/...; a /fa/... URL typed by hand redirects to its canonical unprefixed form.
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const { locale, path, prefixed } = splitLocale(pathname);

  if (prefixed && locale === defaultLocale) {
    const canonical = request.nextUrl.clone();
    canonical.pathname = path;
    return NextResponse.redirect(canonical, 308);
  }

  // Layouts cannot see the URL; they need it for the language switch and the current nav item.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_PATH_HEADER, pathname);

  if (prefixed) {
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  // Clone nextUrl rather than resolve against request.url: its origin is the one Next listens
  // on, so the rewrite stays internal whatever Host header the visitor sent.
  const rewritten = request.nextUrl.clone();
  rewritten.pathname = `/${defaultLocale}${pathname === "/" ? "" : pathname}`;
  return NextResponse.rewrite(rewritten, { request: { headers: requestHeaders } });
}

export const config = {
  // Everything except Next's own assets and files with an extension (icons, fonts).
  matcher: ["/((?!_next/|.*\\.[A-Za-z0-9]+$).*)"],
};
