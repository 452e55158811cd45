import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // A second build folder lets two builds (e.g. two people's) run side by side: NEXT_DIST_DIR=.next-b.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // Loaded by Node at run time rather than bundled: ws picks optional native helpers at start-up.
  serverExternalPackages: ["ws"],
};

export default nextConfig;
