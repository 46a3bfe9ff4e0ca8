// The console's shell: sign-in, navigation and the pages, routed by the part of the URL after '#'
// (#/runs, #/runs/{id}, #/deliveries, #/lead-sync, #/live, #/connections). Credentials never appear there.
import { api, ApiError, session } from './api.js';
import { connectionsPage } from './connections.js';
import { deliveriesPage } from './deliveries.js';
import { field, fill, focusHeading, h, message, problemText } from './dom.js';
import { leadSyncPage } from './leadsync.js';
import { livePage } from './live.js';
import { runPage, runsPage } from './runs.js';

const PAGES = [
  { path: 'runs', label: 'Runs', needs: 'key' },
  { path: 'deliveries', label: 'Deliveries', needs: 'key' },
  { path: 'lead-sync', label: 'Lead sync', needs: 'key' },
  { path: 'live', label: 'Live', needs: 'key' },
  { path: 'connections', label: 'Connections', needs: 'admin' },
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const signOut = document.getElementById('sign-out');
let timers = [];
let notice = null;

/** What a page gets: its timers (stopped when the page is left) and a way out when its credential is refused. */
function context() {
  return {
    every(millis, work) {
      timers.push(setInterval(work, millis));
    },
    go(hash) {
      location.hash = hash;
    },
    /** Shows an API error; a refused credential is forgotten and the person is asked to sign in again. */
    fail(error, where) {
      if (error instanceof ApiError && error.status === 401) {
        const kind = where === 'admin' ? 'admin' : 'key';
        session.forget(kind);
        notice = kind === 'admin' ? 'The admin token was refused: sign in again.' : 'The API key was refused: sign in again.';
        location.hash = '#/sign-in';
        return null;
      }
      return message('error', problemText(error));
    },
  };
}

function parseHash() {
  const raw = location.hash.startsWith('#/') ? location.hash.slice(2) : 'runs';
  const [path, search] = raw.split('?');
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(search || '') };
}

function renderNav(current) {
  const items = PAGES.filter((page) => (page.needs === 'admin' ? session.adminToken : session.apiKey));
  fill(
    nav,
    items.map((page) =>
      h('li', {}, h('a', { href: `#/${page.path}`, 'aria-current': page.path === current ? 'page' : null }, page.label)),
    ),
    h('li', {}, h('a', { href: '#/sign-in', 'aria-current': current === 'sign-in' ? 'page' : null }, 'Sign in')),
  );
  signOut.hidden = !session.apiKey && !session.adminToken;
}

async function route() {
  timers.forEach(clearInterval);
  timers = [];
  const { parts, params } = parseHash();
  const page = parts[0] || 'runs';
  const known = PAGES.find((p) => p.path === page);
  if (page !== 'sign-in' && (!known || (known.needs === 'admin' ? !session.adminToken : !session.apiKey))) {
    if (known) {
      notice = notice || (known.needs === 'admin'
        ? 'The connections page needs the admin token.'
        : 'Sign in with a connection\'s API key first.');
    }
    location.replace('#/sign-in');
    return;
  }
  renderNav(page);
  const ctx = context();
  fill(main);
  if (page === 'sign-in') {
    signInPage(main);
  } else if (page === 'runs' && parts[1]) {
    await runPage(main, parts[1], ctx);
  } else if (page === 'runs') {
    await runsPage(main, params, ctx);
  } else if (page === 'deliveries') {
    await deliveriesPage(main, params, ctx);
  } else if (page === 'lead-sync') {
    await leadSyncPage(main, ctx);
  } else if (page === 'live') {
    await livePage(main, ctx);
  } else if (page === 'connections') {
    await connectionsPage(main, ctx);
  }
  focusHeading(main);
}

function signInPage(root) {
  const shown = notice;
  notice = null;
  fill(
    root,
    h('h1', {}, 'Sign in'),
    shown ? message('info', shown) : null,
    h(
      'p',
      {},
      'The credential stays in this browser tab only (its session storage) and is sent in the Authorization header; ',
      'closing the tab forgets it.',
    ),
    signInForm({
      kind: 'key',
      title: 'A connection\'s API key',
      label: 'API key',
      help: 'Runs, deliveries, subscriptions, lead sync and the live view of that connection.',
      id: 'api-key',
      check: (token) => api('/v1/runs?limit=1', { token }),
      next: '#/runs',
      refused: { 401: 'The bridge does not know this API key.' },
    }),
    signInForm({
      kind: 'admin',
      title: 'The admin token',
      label: 'Admin token',
      help: 'The connections page (BRIDGE_ADMIN_TOKEN).',
      id: 'admin-token',
      check: (token) => api('/v1/admin/connections', { token }),
      next: '#/connections',
      refused: {
        401: 'This is not the admin token.',
        404: 'The admin API is off: the bridge has no BRIDGE_ADMIN_TOKEN.',
      },
    }),
  );
}

function signInForm({ kind, title, label, help, id, check, next, refused }) {
  const input = h('input', { id, type: 'password', autocomplete: 'off', spellcheck: 'false', required: true });
  const result = h('div', {});
  const form = h(
    'form',
    { class: 'card', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, title),
    field(label, input, help),
    h('button', { type: 'submit', class: 'primary' }, kind === 'admin' ? 'Sign in as admin' : 'Sign in'),
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const token = input.value.trim();
    if (!token) {
      return;
    }
    try {
      await check(token);
      session.set(kind, token);
      input.value = '';
      location.hash = next;
    } catch (error) {
      const text = error instanceof ApiError && refused[error.status] ? refused[error.status] : problemText(error);
      fill(result, message('error', text));
      input.focus();
    }
  });
  return form;
}

signOut.addEventListener('click', () => {
  session.clear();
  notice = 'Signed out: this tab forgot its credentials.';
  if (location.hash === '#/sign-in') {
    route();
  } else {
    location.hash = '#/sign-in';
  }
});

window.addEventListener('hashchange', route);
route();
