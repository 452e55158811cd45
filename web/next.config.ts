import type { NextConfig } from 'next';

// On every response, pages and files alike (pages get their Content-Security-Policy and, over
// https, Strict-Transport-Security from proxy.ts): no MIME sniffing, no full URLs to other sites,
// no powerful features the site does not use, and no framing (for browsers that predate CSP).
const SECURITY_HEADERS = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  },
  { key: 'X-Frame-Options', value: 'DENY' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  async headers() {
    return [{ source: '/:path*', headers: SECURITY_HEADERS }];
  },
  // A second build folder lets two builds (e.g. two people's) run side by side: NEXT_DIST_DIR=.next-b.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  // Loaded by Node at run time rather than bundled: ws picks optional native helpers at start-up.
  serverExternalPackages: ['ws'],
  experimental: {
    // forbidden() (next/navigation): a staff page a role may not use answers 403 with the desk's
    // own explanation (staff/(desk)/forbidden.tsx) instead of a redirect to a page that answers 200.
    authInterrupts: true,
    // The stylesheet comes inside each page rather than as a file it must wait for: on a slow
    // mobile network that is a round trip less before anything can be shown, and the page can be
    // painted before the framework's scripts have arrived. The cost (a few kilobytes more per page,
    // not cached between pages) is the smaller one for citizens on phones. Content-Security-Policy
    // allows inline styles already (the charts set theirs).
    inlineCss: true,
    // Next's data cache keeps the API's public answers for seconds (lib/api/next-data-cache.ts): in
    // memory only (an LRU of 50 MB), not also in .next/cache/fetch-cache, which nothing prunes and
    // every distinct search would add a file to, and which would serve answers from before a restart.
    // No page is regenerated in the background (all are dynamic), so nothing else is kept there.
    isrFlushToDisk: false,
    // Staff image (10 MB) and PDF (20 MB) uploads go through a server action to the API's /uploads;
    // proxy.ts runs on those pages too, and would otherwise pass on only the first 10 MB of a body.
    serverActions: { bodySizeLimit: '21mb' },
    proxyClientMaxBodySize: '21mb',
  },
};

export default nextConfig;
