// The first-run checklist above the agenda: resource -> opening hours -> booking type -> share the link -> connect a
// calendar. Every tick comes from the provider's real state through the API, so it stays right whatever was done
// where (dashboard, API, CalDAV); the list disappears once all five are done.

import { h, clear } from './dom.js';
import { call, session } from './dash-session.js';

function hasHours(resource) {
  const weekly = (resource.availability && resource.availability.weeklyHours) || {};
  return Object.values(weekly).some((windows) => Array.isArray(windows) && windows.length > 0);
}

/** The five steps, each { id, title, done, detail, action: a node (link or share box) }. */
export function steps(state, bookingUrl) {
  return [
    {
      id: 'resource', title: 'Add a resource', done: state.resources.length > 0,
      detail: 'A room, a person, a table or a piece of equipment that customers book time with.',
      action: h('a', { href: '#resources' }, 'Resources'),
    },
    {
      id: 'hours', title: 'Set its opening hours', done: state.resources.some(hasHours),
      detail: 'The weekly hours in which it can be booked.',
      action: h('a', { href: '#resources' }, 'Opening hours'),
    },
    {
      id: 'type', title: 'Create a booking type', done: state.types.length > 0,
      detail: 'What customers book: its length, price and rules.',
      action: h('a', { href: '#types' }, 'Booking types'),
    },
    {
      id: 'share', title: 'Share your booking link', done: state.bookings.length > 0,
      detail: 'Put it on your website or send it to customers. Ticked when the first booking comes in.',
      action: shareBox(bookingUrl),
    },
    {
      id: 'calendar', title: 'Connect a calendar', done: state.connections.length > 0 || state.appPasswords.length > 0,
      detail: 'Connect Google or Outlook, or add an app password for Apple Calendar, Thunderbird or DAVx5.',
      action: h('a', { href: '#calendars' }, 'Calendars'),
    },
  ];
}

function shareBox(url) {
  const input = h('input', {
    id: 'checklist-link', type: 'text', readonly: true, value: url, 'aria-label': 'Your booking link',
  });
  const status = h('span', { class: 'muted', 'aria-live': 'polite' });
  const copy = h('button', {
    type: 'button', class: 'secondary', id: 'checklist-copy',
    onclick: async () => {
      input.select();
      try {
        await navigator.clipboard.writeText(url);
        status.textContent = 'Copied.';
      } catch (e) {
        status.textContent = 'Selected: press Ctrl+C or ⌘C to copy.';
      }
    },
  }, 'Copy link');
  return h('div', { class: 'share-box' }, input, copy, h('a', { href: url }, 'Open'), status);
}

async function readState() {
  const list = (path) => call('GET', path).then((answer) => answer.items).catch(() => []);
  const [resources, types, bookings, connections, appPasswords] = await Promise.all([
    list('/api/v1/resources?limit=200'), list('/api/v1/booking-types?limit=1'), list('/api/v1/bookings?limit=1'),
    list('/api/v1/calendar-connections'), list('/api/v1/app-passwords?limit=1')]);
  return {
    resources, types, bookings, connections, appPasswords,
  };
}

/** Fills `slot` with the checklist, or leaves it empty when every step is done. */
export async function showChecklist(slot) {
  const state = await readState();
  const url = `${window.location.origin}/book/${encodeURIComponent(session.me.providerId)}`;
  const all = steps(state, url);
  const done = all.filter((s) => s.done).length;
  if (done === all.length) {
    clear(slot);
    return;
  }
  clear(slot, h('section', { class: 'checklist card', id: 'checklist', 'aria-labelledby': 'checklist-heading' },
    h('h2', { id: 'checklist-heading', text: 'Get started' }),
    h('p', { class: 'muted', id: 'checklist-progress', text: `${done} of ${all.length} done` }),
    h('ol', { class: 'checklist-steps' }, all.map((s) => h('li', {
      class: s.done ? 'step step-done' : 'step', 'data-step': s.id, 'data-done': String(s.done),
    },
    h('span', { class: 'step-mark', 'aria-hidden': 'true', text: s.done ? '✓' : '' }),
    h('div', { class: 'step-body' },
      h('span', { class: 'step-title' }, s.title, h('span', { class: 'visually-hidden', text: s.done ? ' (done)' : ' (to do)' })),
      s.done ? null : h('p', { class: 'muted', text: s.detail }),
      s.done ? null : s.action))))));
}
