// The sign-up page, /signup: a new provider with its first account (POST /api/v1/providers), then straight into the
// dashboard (POST /api/v1/auth/login). The shell says the hub's sign-up policy (data-signup: open, invite, closed) and
// carries an invitation from the invitation link (data-invite); the API applies the policy again.

import { api, ApiError } from './api.js';
import {
  h, clear, errorBox, field, reportErrors,
} from './dom.js';
import { allZones, detectedZone, zoneLabel } from './time.js';
import { MIN_PASSWORD, passwordProblem } from './password-rules.js';

const app = document.getElementById('app');
const mode = document.body.dataset.signup;

/** A handle from a name: lower case a-z, 0-9 and '-', 2 to 63 characters, or '' when nothing usable is left. */
export function handleFrom(name) {
  const slug = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return slug.length >= 2 ? slug : '';
}

function form() {
  const name = field({
    id: 'display-name', label: 'Business or your name', hint: 'Customers see it on your booking pages.',
    attrs: { autocomplete: 'organization', required: true, maxlength: '100' },
  });
  const handle = field({
    id: 'handle', label: 'Booking link', hint: 'Your pages will be at /book/<this>: a-z, 0-9 and -, at least 2.',
    attrs: { required: true, maxlength: '63', autocapitalize: 'none', spellcheck: 'false' },
  });
  const email = field({
    id: 'email', label: 'E-mail', type: 'email', hint: 'You log in with it; booking mail goes here.',
    attrs: { autocomplete: 'email', required: true, maxlength: '254' },
  });
  const password = field({
    id: 'new-password', label: 'Password', type: 'password', hint: `At least ${MIN_PASSWORD} characters.`,
    attrs: { autocomplete: 'new-password', required: true, minlength: String(MIN_PASSWORD), maxlength: '200' },
  });
  const zone = field({
    id: 'time-zone', label: 'Time zone', kind: 'select', value: detectedZone(),
    options: allZones(detectedZone()).map((z) => ({ value: z, text: zoneLabel(z) })),
  });
  const invite = mode === 'invite' ? field({
    id: 'invite', label: 'Invitation', hint: 'The code from your invitation mail.',
    value: document.body.dataset.invite || '', attrs: { required: true, maxlength: '1024', spellcheck: 'false' },
  }) : null;
  let handleEdited = false;
  handle.control.addEventListener('input', () => { handleEdited = true; });
  name.control.addEventListener('input', () => {
    if (!handleEdited) {
      handle.control.value = handleFrom(name.control.value);
    }
  });
  const fields = [name, handle, email, password, zone, invite].filter(Boolean);
  const failure = h('div', { id: 'signup-failure' });
  const submit = h('button', { type: 'submit', id: 'signup-button' }, 'Create account');

  async function send(event) {
    event.preventDefault();
    const values = {
      displayName: name.control.value.trim(),
      handle: handle.control.value.trim(),
      email: email.control.value.trim(),
      password: password.control.value,
      timeZone: zone.control.value,
    };
    const errors = [];
    if (!values.displayName) {
      errors.push([name, 'Enter the name customers should see.']);
    }
    if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(values.handle)) {
      errors.push([handle, 'Use 2 to 63 characters: a-z, 0-9 and -, starting with a letter or digit.']);
    }
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(values.email)) {
      errors.push([email, 'Enter an e-mail address like name@example.com.']);
    }
    const weak = passwordProblem(values.password);
    if (weak) {
      errors.push([password, weak]);
    }
    if (invite) {
      values.invite = invite.control.value.trim();
      if (!values.invite) {
        errors.push([invite, 'Paste the invitation code from your mail.']);
      }
    }
    if (!reportErrors(fields, errors)) {
      return;
    }
    submit.disabled = true;
    clear(failure);
    try {
      await api('POST', '/api/v1/providers', values);
    } catch (e) {
      submit.disabled = false;
      if (e instanceof ApiError && e.status === 409) {
        reportErrors(fields, [[handle, `The booking link /book/${values.handle} is taken: choose another.`]]);
      } else {
        clear(failure, errorBox(e, e.status === 403 ? 'Sign-up refused' : 'Could not sign up'));
      }
      return;
    }
    try {
      await api('POST', '/api/v1/auth/login', { login: values.email, password: values.password });
      window.location.assign('/dashboard');
    } catch (e) {
      clear(failure, h('div', { class: 'alert alert-warn', role: 'alert' },
        h('h2', { text: 'Signed up, but not logged in' }),
        h('p', { text: 'If this e-mail address already had an account, log in with its password or reset it.' }),
        h('p', {}, h('a', { href: '/dashboard' }, 'Log in'), ' · ', h('a', { href: '/forgot-password' },
          'Forgot password'))));
    }
  }

  return h('form', { id: 'signup-form', novalidate: true, onsubmit: send },
    fields.map((f) => f.wrapper), failure, h('div', { class: 'actions' }, submit));
}

if (mode === 'open' || mode === 'invite') {
  clear(app, form());
}
