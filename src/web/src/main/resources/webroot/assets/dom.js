// Small DOM helpers. Everything is built with createElement and textContent: no HTML strings, so data can never
// become markup, and nothing inline that the Content-Security-Policy would block.

import { t } from './i18n.js';

export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  let value;
  for (const [key, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) {
      continue;
    }
    if (key === 'class') {
      el.className = v;
    } else if (key === 'text') {
      el.textContent = v;
    } else if (key === 'value') {
      value = v;
    } else if (key === 'checked') {
      el.checked = Boolean(v);
    } else if (key.startsWith('on') && typeof v === 'function') {
      el.addEventListener(key.slice(2), v);
    } else if (v === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(v));
    }
  }
  append(el, children);
  if (value !== undefined) {
    el.value = value;
  }
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) {
      continue;
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** An alert that says what went wrong, with the server's problem detail. */
export function errorBox(error, heading = t('error.heading')) {
  const detail = error && error.message ? error.message : String(error);
  return h('div', { class: 'alert alert-error', role: 'alert' },
    h('h2', { text: heading }),
    h('p', { class: 'problem-detail', text: detail }));
}

export function okBox(heading, ...body) {
  return h('div', { class: 'alert alert-ok', role: 'status' }, h('h2', { text: heading }), ...body);
}

let nextId = 0;

export function uid(prefix) {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/**
 * A labelled form field: label, optional hint, the control, and an error line tied to it with aria-describedby.
 * kind: 'input' (with type), 'select' (with options [{value, text}]) or 'textarea'.
 */
export function field({ id, label, kind = 'input', type = 'text', hint, options = [], value, attrs = {} }) {
  const hintId = hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  let control;
  if (kind === 'select') {
    control = h('select', { id, name: id, 'aria-describedby': describedBy, ...attrs },
      options.map((o) => h('option', { value: o.value, text: o.text })));
    if (value !== undefined && value !== null) {
      control.value = value;
    }
  } else if (kind === 'textarea') {
    control = h('textarea', { id, name: id, 'aria-describedby': describedBy, ...attrs });
    control.value = value || '';
  } else {
    control = h('input', { id, name: id, type, 'aria-describedby': describedBy, ...attrs });
    if (value !== undefined && value !== null) {
      control.value = value;
    }
  }
  const error = h('p', { id: errorId, class: 'field-error', hidden: true });
  control.addEventListener('input', () => {
    if (!error.hidden) {
      setFieldError({ control, error }, null);
    }
  });
  const wrapper = h('div', { class: 'field' },
    h('label', { for: id, text: label }),
    hint ? h('span', { id: hintId, class: 'hint', text: hint }) : null,
    control,
    error);
  return { wrapper, control, error };
}

export function checkbox({ id, label, checked }) {
  const control = h('input', { id, name: id, type: 'checkbox', checked });
  const wrapper = h('div', { class: 'check' }, control, h('label', { for: id, text: label }));
  return { wrapper, control };
}

export function setFieldError(f, message) {
  if (message) {
    f.error.textContent = message;
    f.error.hidden = false;
    f.control.setAttribute('aria-invalid', 'true');
  } else {
    f.error.textContent = '';
    f.error.hidden = true;
    f.control.removeAttribute('aria-invalid');
  }
}

/** Shows the errors of a form (list of [field, message]); focuses the first invalid field. Returns true if valid. */
export function reportErrors(fields, errors) {
  fields.forEach((f) => setFieldError(f, null));
  errors.forEach(([f, message]) => setFieldError(f, message));
  if (errors.length > 0) {
    errors[0][0].control.focus();
    return false;
  }
  return true;
}

/** Moves focus to a heading after a view change, so keyboard and screen reader users land on the new content. */
export function focusHeading(node) {
  if (!node) {
    return;
  }
  node.setAttribute('tabindex', '-1');
  node.focus({ preventScroll: false });
}
