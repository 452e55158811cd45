import { NextResponse, type NextRequest } from "next/server";
import { defaultLocale } from "./lib/i18n/locales";
import { REQUEST_PATH_HEADER, splitLocale } from "./lib/i18n/routing";

// The pages live in app/[locale]/. Persian URLs carry no prefix, so they are rewritten to
// /fa/...; a /fa/... URL typed by hand redirects to its canonical unprefixed form.
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const { locale, path, prefixed } = splitLocale(pathname);

  if (prefixed && locale === defaultLocale) {
    return NextResponse.redirect(new URL(path + search, request.url), 308);
  }

  // Layouts cannot see the URL; they need it for the language switch and the current nav item.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(REQUEST_PATH_HEADER, pathname);

  if (prefixed) {
    return NextResponse.next({ request: { headers: requestHeaders } });
  }
  const rewritten = new URL(`/${defaultLocale}${pathname === "/" ? "" : pathname}${search}`, request.url);
  return NextResponse.rewrite(rewritten, { request: { headers: requestHeaders } });
}

export const config = {
  // Everything except Next's own assets and files with an extension (icons, fonts).
  matcher: ["/((?!_next/|.*\\.[A-Za-z0-9]+$).*)"],
};
