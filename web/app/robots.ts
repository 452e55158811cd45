import type { MetadataRoute } from 'next';
import { siteOrigin } from '@/lib/site';

export const dynamic = 'force-dynamic';

export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = await siteOrigin();
  return {
    // The staff area is behind sign-in and of no use to search engines.
    rules: { userAgent: '*', allow: '/', disallow: ['/staff', '/en/staff'] },
    sitemap: `${origin}/sitemap.xml`,
  };
}
