// The provider dashboard, /dashboard: log in (session cookie + CSRF token), then the agenda, resources with their
// availability, booking types, credentials, notifications, calendar connections, webhook endpoints and settings, one
// view per #hash. Every call goes through the JSON API.

import { api, ApiError, setCsrfToken } from './api.js';
import {
  h, clear, errorBox, field, reportErrors, focusHeading,
} from './dom.js';
import { call, refreshCsrf, session } from './dash-session.js';
import { agendaView } from './dash-agenda.js';
import { resourcesView } from './dash-resources.js';
import { typesView } from './dash-types.js';
import { credentialsView } from './dash-credentials.js';
import { subscribeView } from './dash-subscribe.js';
import { notificationsView } from './dash-notifications.js';
import { calendarsView } from './dash-calendars.js';
import { webhooksView } from './dash-webhooks.js';
import { settingsView } from './dash-settings.js';
import { insightsView } from './dash-insights.js';
import { showChecklist } from './dash-checklist.js';

const app = document.getElementById('app');
const nav = document.getElementById('nav');

const VIEWS = [
  { hash: '#agenda', label: 'Agenda', view: agendaView },
  { hash: '#resources', label: 'Resources', view: resourcesView },
  { hash: '#types', label: 'Booking types', view: typesView },
  { hash: '#credentials', label: 'Tokens & passwords', view: credentialsView },
  { hash: '#subscribe', label: 'Subscribe', view: subscribeView },
  { hash: '#notifications', label: 'Notifications', view: notificationsView },
  { hash: '#calendars', label: 'Calendars', view: calendarsView },
  { hash: '#insights', label: 'Insights', view: insightsView },
  { hash: '#webhooks', label: 'Webhooks', view: webhooksView },
  { hash: '#settings', label: 'Settings', view: settingsView },
];

let current = null;

session.onSignedOut = (message) => showLogin(message);

async function boot() {
  if (document.body.dataset.signedIn === 'true') {
    try {
      await refreshCsrf();
      await signedIn();
      return;
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) {
        clear(app, errorBox(e, 'The dashboard could not be loaded'));
        return;
      }
    }
  }
  showLogin();
}

function showLogin(message) {
  stopView();
  nav.hidden = true;
  clear(nav);
  const loginField = field({
    id: 'login', label: 'E-mail or handle', attrs: { autocomplete: 'username', required: true, maxlength: '254' },
  });
  const passwordField = field({
    id: 'password', label: 'Password', type: 'password', attrs: { autocomplete: 'current-password', required: true, maxlength: '200' },
  });
  const error = h('div', { id: 'login-failure' });
  const submit = h('button', { type: 'submit', id: 'login-button' }, 'Log in');
  const heading = h('h1', { id: 'page-title', text: 'Log in' });
  const form = h('form', {
    id: 'login-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const login = loginField.control.value.trim();
      const password = passwordField.control.value;
      const errors = [];
      if (!login) {
        errors.push([loginField, 'Enter your e-mail address or provider handle.']);
      }
      if (!password) {
        errors.push([passwordField, 'Enter your password.']);
      }
      if (!reportErrors([loginField, passwordField], errors)) {
        return;
      }
      submit.disabled = true;
      clear(error);
      try {
        const answer = await api('POST', '/api/v1/auth/login', { login, password });
        setCsrfToken(answer.csrfToken);
        await signedIn();
      } catch (e) {
        submit.disabled = false;
        clear(error, e.status === 401
          ? errorBox(new Error('Check the e-mail address or handle and the password, then try again.'),
            'Wrong e-mail, handle or password')
          : errorBox(e, 'Could not log in'));
        passwordField.control.focus();
      }
    },
  }, loginField.wrapper, passwordField.wrapper, error, h('div', { class: 'actions' }, submit));
  document.title = 'Log in · Dovetail';
  clear(app, h('section', { class: 'login', 'aria-labelledby': 'page-title' },
    heading,
    message ? h('div', { class: 'alert alert-warn', role: 'status' }, h('p', { text: message })) : null,
    h('p', { class: 'muted', text: 'Providers log in here to manage resources, booking types and bookings.' }),
    form,
    h('p', { class: 'login-links' },
      h('a', { href: '/forgot-password', id: 'forgot-link' }, 'Forgot your password?'),
      document.body.dataset.signup === 'closed' ? null
        : [' · ', h('a', { href: '/signup', id: 'signup-link' }, 'New here? Sign up')])));
  loginField.control.focus();
}

async function signedIn() {
  session.me = await call('GET', '/api/v1/me');
  buildNav();
  window.addEventListener('hashchange', route);
  route();
}

// On phones the menu is one "Menu" button (naming the current view) that opens the links; wider, the links show.
function buildNav() {
  const links = VIEWS.map((v) => h('a', { href: v.hash, 'data-view': v.hash, onclick: () => toggleNav(false) }, v.label));
  const toggle = h('button', {
    type: 'button', class: 'nav-toggle', id: 'nav-toggle', 'aria-expanded': 'false', 'aria-controls': 'nav-links',
    onclick: () => toggleNav(nav.classList.contains('is-open') === false),
  }, 'Menu');
  clear(nav,
    toggle,
    h('div', { class: 'nav-links', id: 'nav-links' },
      links,
      h('span', { class: 'nav-who nav-end', id: 'who', text: session.me.displayName }),
      h('button', { type: 'button', id: 'logout-button', onclick: logout }, 'Log out')));
  nav.hidden = false;
}

function toggleNav(open) {
  nav.classList.toggle('is-open', open);
  const toggle = document.getElementById('nav-toggle');
  if (toggle) {
    toggle.setAttribute('aria-expanded', String(open));
  }
}

function route() {
  if (!session.me) {
    return;
  }
  const entry = VIEWS.find((v) => window.location.hash.startsWith(v.hash)) || VIEWS[0];
  for (const link of nav.querySelectorAll('a[data-view]')) {
    if (link.dataset.view === entry.hash) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  stopView();
  const container = h('div', { id: `view-${entry.hash.slice(1)}` });
  // The first-run checklist sits above the agenda until every step is done.
  const checklist = entry.hash === '#agenda' ? h('div', { id: 'checklist-slot' }) : null;
  clear(app, checklist, container);
  if (checklist) {
    showChecklist(checklist).catch(() => clear(checklist));
  }
  const toggle = document.getElementById('nav-toggle');
  if (toggle) {
    toggle.textContent = `Menu · ${entry.label}`;
  }
  document.title = `${entry.label} · Dovetail`;
  current = entry.view(container) || null;
  focusHeading(container.querySelector('h1'));
}

function stopView() {
  if (current && typeof current.stop === 'function') {
    current.stop();
  }
  current = null;
}

async function logout() {
  try {
    await call('POST', '/api/v1/auth/logout');
  } catch (e) {
    // Logged out either way: the session is gone or unusable.
  }
  session.me = null;
  setCsrfToken(null);
  window.removeEventListener('hashchange', route);
  history.replaceState(null, '', '/dashboard');
  showLogin('You are logged out.');
}

boot();
