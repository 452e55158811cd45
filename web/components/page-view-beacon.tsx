import { config } from '@/lib/config';
import { cspNonce } from '@/lib/csp';

/**
 * Reports the page view to the API's analytics beacon (POST /collect): the path without its query,
 * the referrer, a screen class, the browser's language and the page's title (none for a page with a
 * query string, whose title can echo what the reader searched for); no cookie, nothing that
 * identifies the reader. An inline script rather than a client component: every page is a full page load, so it
 * runs once per view and adds nothing to the JavaScript bundle.
 */
export async function PageViewBeacon() {
  // Sent once the page has painted: reading the window's width while the page is still being read
  // would make the browser lay the page out there and then, delaying its first paint.
  const script = `requestAnimationFrame(function(){setTimeout(function(){try{var w=innerWidth;navigator.sendBeacon&&navigator.sendBeacon(${JSON.stringify(
    config.beaconUrl,
  )},JSON.stringify({path:location.pathname,referrer:document.referrer,screen:w<768?"mobile":w<1024?"tablet":"desktop",language:navigator.language,title:location.search?void 0:document.title}))}catch(e){}})})`;
  // The page's Content-Security-Policy runs inline scripts only with its nonce.
  return <script nonce={await cspNonce()} dangerouslySetInnerHTML={{ __html: script }} />;
}
