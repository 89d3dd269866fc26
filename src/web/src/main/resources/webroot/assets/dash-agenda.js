// The agenda: bookings across resources (or of one), by day or by week, in the provider's time zone. New bookings
// show up by themselves: the view reloads every few seconds while it is visible.

import { enc } from './api.js';
import {
  h, clear, errorBox, field, focusHeading,
} from './dom.js';
import { call, collect, session } from './dash-session.js';
import {
  addDays, formatDay, formatShortDay, formatTime, localDate, now, today, weekStart, zoneLabel,
} from './time.js';

const POLL_MS = 5000;
const STATUS_TEXT = { CONFIRMED: 'Confirmed', HELD: 'Held', CANCELLED: 'Cancelled', EXPIRED: 'Expired' };

export function agendaView(container) {
  const zone = session.me.timeZone || 'UTC';
  const state = { mode: 'day', date: today(zone), resourceId: '', timer: null, signature: null, confirming: false };
  const names = { resources: new Map(), types: new Map() };

  const heading = h('h1', { id: 'page-title', text: 'Agenda' });
  const dayButton = h('button', { type: 'button', id: 'view-day', onclick: () => setMode('day') }, 'Day');
  const weekButton = h('button', { type: 'button', id: 'view-week', onclick: () => setMode('week') }, 'Week');
  const dateField = field({ id: 'agenda-date', label: 'Date', type: 'date', value: state.date });
  dateField.control.addEventListener('change', () => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(dateField.control.value)) {
      state.date = dateField.control.value;
      load();
    }
  });
  const resourceField = field({
    id: 'agenda-resource', label: 'Resource', kind: 'select', options: [{ value: '', text: 'All resources' }],
  });
  resourceField.control.addEventListener('change', () => {
    state.resourceId = resourceField.control.value;
    load();
  });
  const rangeHeading = h('h2', { id: 'agenda-range' });
  const body = h('div', { id: 'agenda-body', 'aria-live': 'polite' });
  const note = h('p', { class: 'muted', id: 'agenda-zone', text: `Times in ${zoneLabel(zone)}, your provider time zone.` });

  clear(container,
    heading,
    h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Agenda controls' },
      h('div', { class: 'segmented', role: 'group', 'aria-label': 'View' }, dayButton, weekButton),
      h('button', { type: 'button', class: 'secondary', 'aria-label': 'Previous', onclick: () => shift(-1) }, '‹'),
      h('button', { type: 'button', class: 'secondary', onclick: () => { state.date = today(zone); load(); } }, 'Today'),
      h('button', { type: 'button', class: 'secondary', 'aria-label': 'Next', onclick: () => shift(1) }, '›'),
      dateField.wrapper,
      resourceField.wrapper,
      h('button', { type: 'button', class: 'secondary', id: 'agenda-refresh', onclick: () => load() }, 'Refresh')),
    note, rangeHeading, body);

  function setMode(mode) {
    state.mode = mode;
    load();
  }

  function shift(direction) {
    state.date = addDays(state.date, direction * (state.mode === 'week' ? 7 : 1));
    load();
  }

  function range() {
    if (state.mode === 'week') {
      const from = weekStart(state.date);
      return { from, to: addDays(from, 7) };
    }
    return { from: state.date, to: addDays(state.date, 1) };
  }

  async function loadNames() {
    const [resources, types] = await Promise.all([
      collect('/api/v1/resources', { maxPages: 5 }), collect('/api/v1/booking-types', { maxPages: 5 })]);
    resources.items.forEach((r) => names.resources.set(r.id, r.name));
    types.items.forEach((t) => names.types.set(t.id, t.name));
    const selected = resourceField.control.value;
    clear(resourceField.control, h('option', { value: '', text: 'All resources' }),
      resources.items.map((r) => h('option', { value: r.id, text: r.name })));
    resourceField.control.value = selected;
  }

  async function fetchRange({ from, to }) {
    // The server filters by UTC instants; a day either side covers every zone, the local dates are checked here.
    const query = new URLSearchParams({ from: `${addDays(from, -1)}T00:00:00Z`, to: `${addDays(to, 1)}T00:00:00Z` });
    if (state.resourceId) {
      query.set('resourceId', state.resourceId);
    }
    const path = `/api/v1/bookings?${query}`;
    const { items, complete } = await collect(path, { stop: (b) => localDate(b.start, zone) >= to });
    return { bookings: items.filter((b) => localDate(b.start, zone) >= from), complete };
  }

  async function load({ quiet = false } = {}) {
    const r = range();
    dayButton.setAttribute('aria-pressed', String(state.mode === 'day'));
    weekButton.setAttribute('aria-pressed', String(state.mode === 'week'));
    dateField.control.value = state.date;
    rangeHeading.textContent = state.mode === 'week'
      ? `Week of ${formatShortDay(r.from)} – ${formatShortDay(addDays(r.to, -1))}`
      : formatDay(r.from);
    if (!quiet) {
      body.setAttribute('aria-busy', 'true');
    }
    try {
      if (names.resources.size === 0 || !quiet) {
        await loadNames();
      }
      const { bookings, complete } = await fetchRange(r);
      const signature = JSON.stringify([r, state.resourceId, bookings.map((b) => [b.id, b.status, b.start])]);
      if (quiet && (signature === state.signature || state.confirming)) {
        return;
      }
      state.signature = signature;
      render(r, bookings, complete);
    } catch (e) {
      if (!quiet) {
        clear(body, errorBox(e, 'The agenda could not be loaded'));
      }
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  function render({ from, to }, bookings, complete) {
    const days = [];
    for (let d = from; d < to; d = addDays(d, 1)) {
      const ofDay = bookings.filter((b) => localDate(b.start, zone) === d);
      const week = state.mode === 'week';
      days.push(h('section', { class: 'agenda-day', 'aria-labelledby': week ? `day-${d}` : 'agenda-range' },
        week ? h('h3', { id: `day-${d}`, text: formatDay(d) }) : null,
        ofDay.length === 0
          ? h('p', { class: 'empty', text: 'No bookings.' })
          : h('ul', { class: 'agenda-list' }, ofDay.map(item))));
    }
    const active = bookings.filter((b) => b.status === 'CONFIRMED' || b.status === 'HELD').length;
    clear(body,
      h('p', { id: 'agenda-count', text: `${active} active booking${active === 1 ? '' : 's'} in this ${state.mode}.` }),
      complete ? null : h('p', { class: 'alert alert-warn', text: 'Only the first bookings are shown; narrow the view to one resource.' }),
      days);
  }

  function item(b) {
    const cancelled = b.status === 'CANCELLED' || b.status === 'EXPIRED';
    const actions = h('div', { class: 'item-actions' });
    const li = h('li', { class: `agenda-item${cancelled ? ' is-cancelled' : ''}`, 'data-booking-id': b.id },
      h('div', { class: 'item-head' },
        h('span', { class: 'item-title' },
          h('time', { datetime: b.start, text: `${formatTime(b.start, zone)} – ${formatTime(b.end, zone)}` }),
          ` · ${names.types.get(b.bookingTypeId) || b.bookingTypeId}`),
        h('span', { class: `status status-${b.status}`, text: STATUS_TEXT[b.status] || b.status })),
      h('span', { class: 'agenda-customer', text: `${b.customerName} <${b.customerEmail}>` }),
      h('span', { class: 'muted', text: `${names.resources.get(b.resourceId) || b.resourceId}${b.timeZone !== zone ? ` · customer in ${zoneLabel(b.timeZone)}` : ''}` }),
      actions);
    if (!cancelled && new Date(b.start).getTime() > now()) {
      actions.append(h('button', {
        type: 'button', class: 'link', onclick: () => askCancel(b, actions),
      }, 'Cancel booking'));
    }
    return li;
  }

  function askCancel(b, actions) {
    state.confirming = true;
    const question = h('p', { text: `Cancel ${b.customerName}'s booking? The customer's time becomes free again.` });
    clear(actions, question,
      h('div', { class: 'actions' },
        h('button', {
          type: 'button', class: 'danger', onclick: async (event) => {
            event.target.disabled = true;
            try {
              await call('POST', `/api/v1/bookings/${enc(b.id)}/cancel`);
              state.confirming = false;
              await load();
            } catch (e) {
              clear(actions, errorBox(e, 'The booking could not be cancelled'));
              state.confirming = false;
            }
          },
        }, 'Yes, cancel it'),
        h('button', {
          type: 'button', class: 'secondary', onclick: () => { state.confirming = false; load(); },
        }, 'Keep it')));
    focusHeading(question);
  }

  load();
  state.timer = window.setInterval(() => {
    if (document.visibilityState === 'visible') {
      load({ quiet: true });
    }
  }, POLL_MS);
  return { stop: () => window.clearInterval(state.timer) };
}
