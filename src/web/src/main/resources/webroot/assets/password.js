// The forgotten-password pages. /forgot-password asks for a reset link by mail (POST
// /api/v1/auth/password-reset-request: the same answer whether the address has an account). /reset-password#<token>
// sets a new password with the link's token (POST /api/v1/auth/password-reset); the token stays in the fragment, so it
// never reaches a server log or a Referer header.

import { api, ApiError } from './api.js';
import {
  h, clear, errorBox, okBox, field, reportErrors,
} from './dom.js';
import { MIN_PASSWORD, passwordProblem } from './password-rules.js';

const app = document.getElementById('app');

function forgotForm() {
  const email = field({
    id: 'email', label: 'E-mail', type: 'email', hint: 'The address you log in with.',
    attrs: { autocomplete: 'email', required: true, maxlength: '254' },
  });
  const result = h('div', { id: 'forgot-result' });
  const submit = h('button', { type: 'submit', id: 'forgot-button' }, 'Send reset link');
  return h('form', {
    id: 'forgot-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const value = email.control.value.trim();
      if (!reportErrors([email], /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? []
        : [[email, 'Enter an e-mail address like name@example.com.']])) {
        return;
      }
      submit.disabled = true;
      clear(result);
      try {
        await api('POST', '/api/v1/auth/password-reset-request', { email: value });
        clear(result, okBox('Check your mail',
          h('p', { text: `If ${value} has an account here, a reset link is on its way. It works for one hour.` })));
      } catch (e) {
        clear(result, errorBox(e, 'Could not send the link'));
      } finally {
        submit.disabled = false;
      }
    },
  }, h('p', { text: 'Enter your e-mail address and we send you a link to choose a new password.' }),
  email.wrapper, result, h('div', { class: 'actions' }, submit));
}

function resetForm(token) {
  const password = field({
    id: 'new-password', label: 'New password', type: 'password', hint: `At least ${MIN_PASSWORD} characters.`,
    attrs: { autocomplete: 'new-password', required: true, maxlength: '200' },
  });
  const result = h('div', { id: 'reset-result' });
  const submit = h('button', { type: 'submit', id: 'reset-button' }, 'Set password');
  const form = h('form', {
    id: 'reset-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const problem = passwordProblem(password.control.value);
      if (!reportErrors([password], problem ? [[password, problem]] : [])) {
        return;
      }
      submit.disabled = true;
      clear(result);
      try {
        await api('POST', '/api/v1/auth/password-reset', { token, password: password.control.value });
        history.replaceState(null, '', '/reset-password');
        clear(app, okBox('Your password is set',
          h('p', {}, 'Log in with it now: ', h('a', { href: '/dashboard', id: 'reset-login' }, 'Log in'))));
      } catch (e) {
        submit.disabled = false;
        clear(result, errorBox(e, e instanceof ApiError && e.type === 'reset-link-invalid'
          ? 'This link cannot be used' : 'Could not set the password'),
        h('p', {}, h('a', { href: '/forgot-password' }, 'Ask for a new link')));
      }
    },
  }, password.wrapper, result, h('div', { class: 'actions' }, submit));
  return form;
}

if (document.body.dataset.view === 'forgot') {
  clear(app, forgotForm());
} else {
  const token = decodeURIComponent(window.location.hash.slice(1));
  clear(app, token ? resetForm(token) : errorBox(new Error('Open the link from the reset mail, or ask for a new one.'),
    'This page needs the link from the mail'));
}
