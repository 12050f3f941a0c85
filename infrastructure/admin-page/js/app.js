// The admin page: sign-in, then a hash router over the screens. No inline script or style anywhere (CSP).
import { h, show } from './dom.js';
import { t, language, setLanguage, onLanguageChange, label } from './i18n.js';
import { loadConfig } from './config.js';
import { signIn, signOut, currentSession, isExpired, SignInError } from './auth.js';
import { configureApi, get, ApiError } from './api.js';
import { errorBox } from './ui.js';
import { queueScreen } from './screens/queue.js';
import { detailScreen } from './screens/detail.js';
import { bulkScreen } from './screens/bulk.js';
import { exportScreen } from './screens/export.js';
import { incidentsScreen } from './screens/incidents.js';
import { dashboardScreen } from './screens/dashboard.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const signOutButton = document.getElementById('sign-out');
const languageSelect = document.getElementById('lang');

const NAV = [['queue', 'nav.queue'], ['dashboard', 'nav.dashboard'], ['bulk', 'nav.bulk'], ['incidents', 'nav.incidents'], ['exports', 'nav.exports']];

let config = null;
let me = null; // {userId, username, role, decisionLimitKrw}
let expiryTimer = null;
let screenCleanup = null;

/** What a screen gets: where to draw, the route's parts, who is signed in. */
function context(parts, query) {
  return { main, parts, query, me, navigate };
}

function navigate(route) {
  if (location.hash === `#/${route}`) {
    route_();
  } else {
    location.hash = `#/${route}`;
  }
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, search = ''] = raw.split('?');
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  return { parts, query: Object.fromEntries(new URLSearchParams(search)) };
}

async function route_() {
  screenCleanup?.();
  screenCleanup = null;
  const session = currentSession();
  if (!session || isExpired(session)) {
    signedOut(session ? 'expired' : null);
    return;
  }
  if (!me) {
    try {
      me = await get('/v1/admin/me');
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        return; // already back on the sign-in screen
      }
      signOut();
      renderSignIn(error instanceof ApiError && error.status === 403 ? t('signIn.noRole') : errorBox(error).textContent);
      return;
    }
    scheduleExpiry(session);
  }
  renderChrome();
  const { parts, query } = parseHash();
  const screen = parts[0] || 'queue';
  const screens = {
    queue: queueScreen,
    reports: parts[1] ? detailScreen : queueScreen,
    dashboard: dashboardScreen,
    bulk: bulkScreen,
    exports: exportScreen,
    incidents: incidentsScreen,
  };
  const render = screens[screen] || queueScreen;
  document.body.dataset.screen = render === detailScreen ? 'detail' : (screens[screen] ? screen : 'queue');
  for (const anchor of nav.querySelectorAll('a')) {
    anchor.classList.toggle('active', anchor.dataset.route === (screen === 'reports' ? 'queue' : screen));
  }
  try {
    screenCleanup = await render(context(parts, query)) || null;
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) {
      show(main, errorBox(error));
    }
  }
}

function scheduleExpiry(session) {
  clearTimeout(expiryTimer);
  const remaining = session.expiresAt - 30_000 - Date.now();
  // setTimeout holds at most ~24.8 days; a token lives hours.
  expiryTimer = setTimeout(() => signedOut('expired'), Math.max(0, Math.min(remaining, 2 ** 31 - 1)));
}

/** Back to the sign-in screen; `reason` is 'expired', 'refused', 'signed-out' or null. */
function signedOut(reason) {
  clearTimeout(expiryTimer);
  screenCleanup?.();
  screenCleanup = null;
  signOut();
  me = null;
  const messages = { expired: t('signIn.expired'), refused: t('signIn.refused'), 'signed-out': t('signIn.signedOut') };
  renderSignIn(messages[reason] || null);
}

function renderChrome() {
  show(nav, NAV.map(([route, key]) => h('a', { href: `#/${route}`, id: `nav-${route}`, dataset: { route } }, t(key))));
  const signInName = currentSession()?.signInName;
  who.textContent = t('who', { username: signInName || me.username || me.userId || '', role: label('role', me.role) });
  who.dataset.role = me.role;
  signOutButton.textContent = t('nav.signOut');
  nav.hidden = false;
  who.hidden = false;
  signOutButton.hidden = false;
}

function renderSignIn(message) {
  document.body.dataset.screen = 'sign-in';
  nav.hidden = true;
  who.hidden = true;
  signOutButton.hidden = true;
  const username = h('input', { id: 'username', name: 'username', type: 'email', autocomplete: 'username', required: true });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', id: 'sign-in' }, t('signIn.submit'));
  const status = h('p', { id: 'sign-in-message', class: message ? 'notice' : 'notice empty', role: 'status' }, message || '');
  const form = h('form', { id: 'sign-in-form', class: 'sign-in' },
    h('h1', {}, t('signIn.title')), status,
    h('label', { class: 'field' }, h('span', {}, t('signIn.username')), username),
    h('label', { class: 'field' }, h('span', {}, t('signIn.password')), password),
    h('div', { class: 'buttons' }, submit));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    submit.textContent = t('signIn.busy');
    try {
      await signIn(config, username.value.trim(), password.value);
      me = null;
      if (!location.hash || location.hash === '#/' || location.hash === '#') {
        location.hash = '#/queue';
      }
      await route_();
    } catch (error) {
      const kind = error instanceof SignInError ? error.kind : 'unreachable';
      status.className = 'error';
      status.textContent = t(`signIn.${kind}`, { challenge: error.detail ?? '' });
      submit.disabled = false;
      submit.textContent = t('signIn.submit');
    }
  });
  show(main, form);
  username.focus();
}

async function boot() {
  document.documentElement.lang = language();
  languageSelect.value = language();
  languageSelect.addEventListener('change', () => setLanguage(languageSelect.value));
  onLanguageChange(() => {
    document.title = t('app.title');
    if (me) {
      route_();
    } else if (document.body.dataset.screen === 'sign-in') {
      renderSignIn(null);
    }
  });
  document.title = t('app.title');
  signOutButton.addEventListener('click', () => signedOut('signed-out'));
  try {
    config = await loadConfig();
  } catch (error) {
    show(main, h('p', { class: 'error', role: 'alert', id: 'config-error' }, t('config.failed')));
    return;
  }
  configureApi(config.adminApiBaseUrl, (reason) => signedOut(reason));
  window.addEventListener('hashchange', () => route_());
  await route_();
}

boot();
