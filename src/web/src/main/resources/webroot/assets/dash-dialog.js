// A side panel as a modal dialog: focus moves into it, Tab stays inside, Escape or "Close" closes it and gives focus
// back to what opened it. One at a time.

import { h, clear } from './dom.js';

let open = null;

export function closeDialog() {
  if (!open) {
    return;
  }
  const { root, returnTo, onClose } = open;
  open = null;
  root.remove();
  document.removeEventListener('keydown', onKey, true);
  if (onClose) {
    onClose();
  }
  if (returnTo && document.contains(returnTo)) {
    returnTo.focus();
  }
}

function onKey(event) {
  if (!open) {
    return;
  }
  if (event.key === 'Escape') {
    event.preventDefault();
    closeDialog();
    return;
  }
  if (event.key === 'Tab') {
    const focusable = [...open.root.querySelectorAll('button, [href], input, select, textarea, [tabindex="0"]')]
      .filter((el) => !el.disabled && el.offsetParent !== null);
    if (focusable.length === 0) {
      return;
    }
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }
}

/** Opens a dialog titled `title`; returns its body element to fill. */
export function openDialog({ id, title, returnTo, onClose }) {
  closeDialog();
  const heading = h('h2', { id: `${id}-title`, text: title, tabindex: '-1' });
  const body = h('div', { class: 'panel-body' });
  const panel = h('div', {
    id, class: 'panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': `${id}-title`,
  },
  h('div', { class: 'panel-head' }, heading,
    h('button', { type: 'button', class: 'secondary', id: `${id}-close`, onclick: closeDialog }, 'Close')),
  body);
  const root = h('div', { class: 'panel-backdrop' }, panel);
  root.addEventListener('click', (event) => {
    if (event.target === root) {
      closeDialog();
    }
  });
  document.body.append(root);
  open = { root, returnTo, onClose };
  document.addEventListener('keydown', onKey, true);
  heading.focus();
  return { body, heading, set: (...children) => clear(body, ...children) };
}

export function dialogOpen() {
  return open !== null;
}
