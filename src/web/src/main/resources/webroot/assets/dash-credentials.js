// API tokens (integrators) and CalDAV app passwords: create (the secret is shown once), list, revoke.

import { enc } from './api.js';
import {
  h, clear, checkbox, errorBox, field, reportErrors, focusHeading,
} from './dom.js';
import { call } from './dash-session.js';
import { PagedList } from './dash-list.js';
import { formatDateTime } from './time.js';
import { copyable } from './dash-share.js';

function section(container, { kind, path, title, intro, createLabel, secretNote, details }) {
  const headingId = `${kind}-heading`;
  const label = field({ id: `${kind}-label`, label: 'Label', hint: 'What it is for, e.g. "Booking widget" or "iPhone".', attrs: { maxlength: '100', required: true } });
  const result = h('div', { id: `${kind}-result`, 'aria-live': 'polite' });
  const create = h('button', { type: 'submit', id: `${kind}-create` }, createLabel);
  const list = new PagedList({
    path,
    id: `${kind}-list`,
    empty: 'None yet.',
    renderItem: (c) => {
      const actions = h('span');
      const revoke = h('button', {
        type: 'button', class: 'secondary', 'aria-label': `Revoke ${c.label}`, onclick: () => {
          clear(actions, h('span', { text: 'Revoke? Clients using it stop working at once. ' }),
            h('button', {
              type: 'button', class: 'danger', onclick: async () => {
                try {
                  await call('DELETE', `${path}/${enc(c.id)}`);
                  clear(result, h('div', { class: 'alert alert-ok', role: 'status' }, h('p', { text: `Revoked "${c.label}".` })));
                  list.reload();
                } catch (e) {
                  clear(result, errorBox(e, 'Could not revoke'));
                }
              },
            }, 'Yes, revoke'),
            h('button', { type: 'button', class: 'link', onclick: () => clear(actions, revoke) }, 'Keep'));
        },
      }, 'Revoke');
      actions.append(revoke);
      return h('li', { class: 'item', 'data-credential-id': c.id },
        h('div', { class: 'item-head' }, h('span', { class: 'item-title', text: c.label }), actions),
        h('span', { class: 'muted', text: `Created ${formatDateTime(c.createdAt, Intl.DateTimeFormat().resolvedOptions().timeZone)}` }));
    },
  });
  const form = h('form', {
    id: `${kind}-form`,
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const text = label.control.value.trim();
      if (!reportErrors([label], text ? [] : [[label, 'Give it a label.']])) {
        return;
      }
      create.disabled = true;
      try {
        const issued = await call('POST', path, { label: text });
        label.control.value = '';
        const heading = h('h3', { text: `"${issued.label}" created` });
        clear(result, h('div', { class: 'alert alert-ok', role: 'status' }, heading,
          h('p', { text: secretNote }),
          h('code', { class: 'secret', id: `${kind}-secret`, text: issued.secret }),
          h('p', { class: 'muted', text: 'It is shown only this once. Store it somewhere safe now.' })));
        focusHeading(heading);
        list.reload();
      } catch (e) {
        clear(result, errorBox(e, 'Could not create it'));
      } finally {
        create.disabled = false;
      }
    },
  }, label.wrapper, h('div', { class: 'actions' }, create));
  container.append(h('section', { 'aria-labelledby': headingId, class: 'card' },
    h('h2', { id: headingId, text: title }), h('p', { text: intro }), details || null, form, result, list.element));
  list.reload();
}

/** Where a calendar app logs in: the hub's server address (its public URL) and the user name, each with Copy. */
function serverDetails(login) {
  return [copyable({ label: 'Server address', text: login.serverUrl, name: 'caldav-server' }),
    copyable({ label: 'User name', text: login.login, name: 'caldav-login' }),
    h('p', { class: 'hint' }, 'Each resource\'s own address, the read-only feed and how-tos per app: ',
      h('a', { href: '#subscribe' }, 'Subscribe'), '.')];
}

// Whether calendar apps may log in with the account password, or only with app passwords; where they log in.
async function calDavLoginSection(container, serverSlot) {
  const allowed = checkbox({ id: 'caldav-password-login', label: 'Calendar apps may also log in with my account password' });
  const status = h('div', { id: 'caldav-login-status', 'aria-live': 'polite' });
  const card = h('section', { 'aria-labelledby': 'caldav-login-heading', class: 'card' },
    h('h2', { id: 'caldav-login-heading', text: 'Account password in calendar apps' }),
    h('p', { text: 'Turn this off to require an app password from every calendar app; your dashboard log-in is not affected.' }),
    allowed.wrapper, status);
  container.append(card);
  try {
    const login = await call('GET', '/api/v1/caldav-login');
    allowed.control.checked = login.accountPasswordAllowed;
    serverSlot.replaceChildren(...serverDetails(login));
  } catch (e) {
    clear(status, errorBox(e, 'Could not read the setting'));
  }
  allowed.control.addEventListener('change', async () => {
    allowed.control.disabled = true;
    try {
      const saved = await call('PUT', '/api/v1/caldav-login', { accountPasswordAllowed: allowed.control.checked });
      allowed.control.checked = saved.accountPasswordAllowed;
      clear(status, h('p', {
        class: 'muted',
        role: 'status',
        text: saved.accountPasswordAllowed ? 'Saved: your account password works in calendar apps.'
          : 'Saved: calendar apps need an app password.',
      }));
    } catch (e) {
      allowed.control.checked = !allowed.control.checked;
      clear(status, errorBox(e, 'Could not save the setting'));
    } finally {
      allowed.control.disabled = false;
    }
  });
}

export function credentialsView(container) {
  clear(container, h('h1', { id: 'page-title', text: 'API tokens and app passwords' }));
  section(container, {
    kind: 'token',
    path: '/api/v1/api-tokens',
    title: 'API tokens',
    intro: 'For other systems that use the REST API: send the token as "Authorization: Bearer <token>".',
    createLabel: 'Create token',
    secretNote: 'Your new API token:',
  });
  const serverSlot = h('div', { id: 'caldav-server-details' });
  section(container, {
    kind: 'app-password',
    details: serverSlot,
    path: '/api/v1/app-passwords',
    title: 'CalDAV app passwords',
    intro: 'For calendar apps (Apple Calendar, Thunderbird, DAVx5): give them this server address, your user name and an app password.',
    createLabel: 'Create app password',
    secretNote: 'Your new app password:',
  });
  calDavLoginSection(container, serverSlot);
}
