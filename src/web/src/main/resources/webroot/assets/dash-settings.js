// Settings, /dashboard#settings: the provider's display name and time zone (PATCH /api/v1/me), its brand (dash-brand.js), the provider page's
// share panel, the sites that may embed the booking pages (PUT /api/v1/embed-settings, ADR 45), and the account
// password (PUT /api/v1/me/password, with the current one). The handle and e-mail address are shown, not editable.

import { ApiError } from './api.js';
import {
  h, clear, errorBox, okBox, field, reportErrors,
} from './dom.js';
import { call, session } from './dash-session.js';
import { allZones, zoneLabel } from './time.js';
import { MIN_PASSWORD, passwordProblem } from './password-rules.js';
import { embedSettings, rememberEmbedSettings, sharePanel } from './dash-share.js';
import { brandSection } from './dash-brand.js';

const MAX_ORIGINS = 10;

function profileForm() {
  const me = session.me;
  const name = field({
    id: 'settings-name', label: 'Display name', hint: 'Customers see it on your booking pages and in their mail.',
    value: me.displayName, attrs: { required: true, maxlength: '100', autocomplete: 'organization' },
  });
  const zone = field({
    id: 'settings-zone', label: 'Time zone', kind: 'select', value: me.timeZone,
    hint: 'Times in your notification mail are shown in it. Each resource keeps its own zone.',
    options: allZones(me.timeZone).map((z) => ({ value: z, text: zoneLabel(z) })),
  });
  const result = h('div', { id: 'settings-profile-result', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', id: 'settings-profile-save' }, 'Save');
  return h('form', {
    id: 'settings-profile',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const displayName = name.control.value.trim();
      if (!reportErrors([name, zone], displayName ? [] : [[name, 'Enter the name customers should see.']])) {
        return;
      }
      save.disabled = true;
      try {
        session.me = await call('PATCH', '/api/v1/me', { displayName, timeZone: zone.control.value });
        const who = document.getElementById('who');
        if (who) {
          who.textContent = session.me.displayName;
        }
        clear(result, okBox('Saved', h('p', { text: `${session.me.displayName} · ${zoneLabel(session.me.timeZone)}` })));
      } catch (e) {
        clear(result, errorBox(e, 'Could not save'));
      } finally {
        save.disabled = false;
      }
    },
  }, h('h2', { text: 'Profile' }),
  h('dl', { class: 'details' },
    h('dt', { text: 'Booking link' }), h('dd', {}, h('a', { href: `/book/${me.providerId}` }, `/book/${me.providerId}`)),
    h('dt', { text: 'E-mail' }), h('dd', { text: me.email })),
  sharePanel({ title: `Book with ${me.displayName}` }),
  name.wrapper, zone.wrapper, result, h('div', { class: 'actions' }, save));
}

function embeddingForm() {
  const origins = field({
    id: 'settings-embed-origins', label: 'Sites that may show your booking pages', kind: 'textarea',
    hint: `One per line, up to ${MAX_ORIGINS}, like https://www.example.com or https://shop.example.com:8443 `
      + '(no path). Leave empty to allow no site.',
    attrs: { rows: '4', spellcheck: 'false', autocomplete: 'off' },
  });
  const result = h('div', { id: 'settings-embed-result', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', id: 'settings-embed-save' }, 'Save sites');
  embedSettings().then((s) => {
    origins.control.value = s.allowedOrigins.join('\n');
  }, (e) => clear(result, errorBox(e, 'The embedding settings could not be loaded')));
  return h('form', {
    id: 'settings-embed',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const list = origins.control.value.split(/\s+/).filter(Boolean);
      if (!reportErrors([origins], list.length > MAX_ORIGINS
        ? [[origins, `List at most ${MAX_ORIGINS} sites.`]] : [])) {
        return;
      }
      save.disabled = true;
      clear(result);
      try {
        const saved = await call('PUT', '/api/v1/embed-settings', { allowedOrigins: list });
        rememberEmbedSettings(saved);
        origins.control.value = saved.allowedOrigins.join('\n');
        clear(result, okBox('Saved', h('p', {
          text: saved.allowedOrigins.length
            ? `Your booking pages may be shown on ${saved.allowedOrigins.join(', ')}.`
            : 'No other site may show your booking pages.',
        })));
      } catch (e) {
        if (e instanceof ApiError && e.status === 400) {
          reportErrors([origins], [[origins, e.message]]);
        } else {
          clear(result, errorBox(e, 'Could not save the sites'));
        }
      } finally {
        save.disabled = false;
      }
    },
  }, h('h2', { text: 'Embedding' }),
  h('p', {
    class: 'muted',
    text: 'Your provider, booking and confirmation pages can be shown inside these sites (the Share and embed panels '
      + 'give the code). Every other site is refused by the browser.',
  }),
  origins.wrapper, result, h('div', { class: 'actions' }, save));
}

function passwordForm() {
  const current = field({
    id: 'settings-current-password', label: 'Current password', type: 'password',
    attrs: { autocomplete: 'current-password', required: true, maxlength: '200' },
  });
  const next = field({
    id: 'settings-new-password', label: 'New password', type: 'password', hint: `At least ${MIN_PASSWORD} characters.`,
    attrs: { autocomplete: 'new-password', required: true, maxlength: '200' },
  });
  const result = h('div', { id: 'settings-password-result', 'aria-live': 'polite' });
  const save = h('button', { type: 'submit', id: 'settings-password-save' }, 'Change password');
  return h('form', {
    id: 'settings-password',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const errors = [];
      if (!current.control.value) {
        errors.push([current, 'Enter your current password.']);
      }
      const weak = passwordProblem(next.control.value);
      if (weak) {
        errors.push([next, weak]);
      }
      if (!reportErrors([current, next], errors)) {
        return;
      }
      save.disabled = true;
      clear(result);
      try {
        await call('PUT', '/api/v1/me/password', {
          currentPassword: current.control.value, newPassword: next.control.value,
        });
        current.control.value = '';
        next.control.value = '';
        clear(result, okBox('Password changed', h('p', { text: 'Use the new one next time you log in.' })));
      } catch (e) {
        if (e instanceof ApiError && e.type === 'current-password-wrong') {
          reportErrors([current, next], [[current, 'This is not your current password.']]);
        } else {
          clear(result, errorBox(e, 'Could not change the password'));
        }
      } finally {
        save.disabled = false;
      }
    },
  }, h('h2', { text: 'Password' }),
  h('p', { class: 'muted', text: 'Changing it also voids every password-reset link sent before.' }),
  current.wrapper, next.wrapper, result, h('div', { class: 'actions' }, save));
}

export function settingsView(container) {
  clear(container, h('h1', { text: 'Settings' }), profileForm(), brandSection(), embeddingForm(), passwordForm());
}
