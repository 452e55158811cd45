// The ALTCHA widget (self-hosted: no third-party calls, no cookie), loaded only when a poll form
// shows it, so the poll page's first JavaScript stays small. The `external` build leaves out the
// inline blob workers the site's Content-Security-Policy would refuse; its SHA-256 worker is served
// as a file of this site instead (worker-src 'self'): public/altcha/sha-worker.js, a copy of
// altcha/dist/workers/sha.js (the bundler does not bundle workers; the e2e test checks the copy).
import 'altcha/external';
import 'altcha/i18n/fa';
import 'altcha/altcha.css';

globalThis.$altcha.algorithms.set('SHA-256', () => new Worker('/altcha/sha-worker.js'));

// The widget checks by itself as soon as the form is used; its stock label ("I'm not a robot" beside
// an empty box) asks people to do something first.
const { i18n } = globalThis.$altcha;
i18n.set('fa', { ...i18n.get('fa'), label: 'بررسی خودکار مرورگر؛ کاری لازم نیست' });
i18n.set('en', { ...i18n.get('en'), label: 'Automatic browser check: nothing to do' });

export {};
