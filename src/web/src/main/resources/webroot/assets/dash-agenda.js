// The agenda: day and week time-grids of one resource or all side by side, in the provider's time zone or another
// one picked here. Bookings and holds come from the bookings list; opening hours, busy time from calendars and clashes
// from the schedule (GET /api/v1/schedule). A booking opens a panel with its actions; "Add booking" takes one for a
// customer (by phone). The view reloads every few seconds while it is visible and no panel is open.

import {
  h, clear, errorBox, field, okBox,
} from './dom.js';
import { collect, call, session } from './dash-session.js';
import { datesBetween, timeGrid } from './dash-grid.js';
import { openBookingPanel } from './dash-booking-panel.js';
import { openAddBooking } from './dash-add-booking.js';
import { dialogOpen } from './dash-dialog.js';
import {
  addDays, detectedZone, formatDay, formatShortDay, localDate, now, today, weekStart, zoneLabel,
} from './time.js';

const POLL_MS = 5000;

export function agendaView(container) {
  const providerZone = session.me.timeZone || 'UTC';
  const state = {
    mode: 'day', zone: providerZone, date: today(providerZone), resourceId: '', timer: null, signature: null,
  };
  const names = { resources: new Map(), types: new Map(), typeList: [] };

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
  const zones = [...new Set([providerZone, detectedZone(), 'UTC'])];
  const zoneField = field({
    id: 'agenda-zone-select',
    label: 'Time zone',
    kind: 'select',
    options: zones.map((z) => ({ value: z, text: z === providerZone ? `${zoneLabel(z)} (yours)` : zoneLabel(z) })),
    value: state.zone,
  });
  zoneField.control.addEventListener('change', () => {
    state.zone = zoneField.control.value;
    load();
  });
  const rangeHeading = h('h2', { id: 'agenda-range' });
  const message = h('div', { id: 'agenda-message', 'aria-live': 'polite' });
  const body = h('div', { id: 'agenda-body', 'aria-live': 'polite' });
  const note = h('p', { class: 'muted', id: 'agenda-zone' });
  const addButton = h('button', { type: 'button', id: 'add-booking', onclick: () => addBooking(addButton) },
    'Add booking');

  clear(container,
    heading,
    h('div', { class: 'toolbar', role: 'group', 'aria-label': 'Agenda controls' },
      h('div', { class: 'segmented', role: 'group', 'aria-label': 'View' }, dayButton, weekButton),
      h('button', { type: 'button', class: 'secondary', 'aria-label': 'Previous', onclick: () => shift(-1) }, '‹'),
      h('button', { type: 'button', class: 'secondary', onclick: () => { state.date = today(state.zone); load(); } },
        'Today'),
      h('button', { type: 'button', class: 'secondary', 'aria-label': 'Next', onclick: () => shift(1) }, '›'),
      dateField.wrapper,
      resourceField.wrapper,
      zoneField.wrapper,
      addButton,
      h('button', { type: 'button', class: 'secondary', id: 'agenda-refresh', onclick: () => load() }, 'Refresh')),
    note, message, rangeHeading, body);

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
    names.typeList = types.items;
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
    const [list, schedule] = await Promise.all([
      collect(`/api/v1/bookings?${query}`, { stop: (b) => localDate(b.start, state.zone) >= to }),
      call('GET', `/api/v1/schedule?${query}`)]);
    const bookings = list.items.filter((b) => localDate(b.end, state.zone) >= from);
    return { bookings, schedule, complete: list.complete && schedule.complete };
  }

  /** Per resource of the schedule: its open time, busy time, and the live bookings and holds that block it. */
  function columnsOf(schedule, bookings) {
    const live = bookings.filter((b) => b.status === 'CONFIRMED'
      || (b.status === 'HELD' && Date.parse(b.holdExpiresAt) > now()));
    return schedule.resources.map((r) => {
      const clashes = new Map(r.entries.filter((e) => e.bookingId).map((e) => [e.bookingId, e.clash]));
      const blocks = r.entries.filter((e) => e.kind === 'BUSY')
        .map((e) => ({ kind: 'BUSY', start: e.start, end: e.end, source: e.source, clash: e.clash }));
      for (const b of live.filter((x) => (x.resourceIds || [x.resourceId]).includes(r.resourceId))) {
        blocks.push({
          kind: b.status === 'HELD' ? 'HOLD' : 'BOOKING', start: b.start, end: b.end, booking: b,
          clash: clashes.get(b.id) || null,
        });
      }
      return { resourceId: r.resourceId, name: r.name, open: r.open, blocks };
    });
  }

  async function load({ quiet = false } = {}) {
    const r = range();
    dayButton.setAttribute('aria-pressed', String(state.mode === 'day'));
    weekButton.setAttribute('aria-pressed', String(state.mode === 'week'));
    dateField.control.value = state.date;
    note.textContent = state.zone === providerZone
      ? `Times in ${zoneLabel(state.zone)}, your provider time zone.`
      : `Times in ${zoneLabel(state.zone)} (your provider time zone is ${zoneLabel(providerZone)}).`;
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
      const { bookings, schedule, complete } = await fetchRange(r);
      const signature = JSON.stringify([r, state.zone, state.resourceId, bookings.map((b) => [b.id, b.status, b.start]),
        schedule.resources.map((x) => x.entries.map((e) => [e.kind, e.start, e.end, e.clash]))]);
      if (quiet && (signature === state.signature || dialogOpen())) {
        return;
      }
      state.signature = signature;
      render(r, columnsOf(schedule, bookings), complete);
    } catch (e) {
      if (!quiet) {
        clear(body, errorBox(e, 'The agenda could not be loaded'));
      }
    } finally {
      body.removeAttribute('aria-busy');
    }
  }

  function render({ from, to }, columns, complete) {
    const days = datesBetween(from, to);
    const active = new Set(columns.flatMap((c) => c.blocks.filter((b) => b.booking)
      .filter((b) => days.includes(localDate(b.start, state.zone))).map((b) => b.booking.id))).size;
    clear(body,
      h('p', { id: 'agenda-count', text: `${active} active booking${active === 1 ? '' : 's'} in this ${state.mode}.` }),
      complete ? null : h('p', { class: 'alert alert-warn', text: 'Only the first resources or bookings are shown; pick one resource.' }),
      h('ul', { class: 'cal-legend', 'aria-label': 'Legend' },
        h('li', { class: 'legend-open', text: 'Open' }), h('li', { class: 'legend-closed', text: 'Closed' }),
        h('li', { class: 'legend-booking', text: 'Booking' }), h('li', { class: 'legend-hold', text: 'Hold' }),
        h('li', { class: 'legend-busy', text: 'Busy in a calendar' }), h('li', { class: 'legend-clash', text: 'Clash' })),
      columns.length === 0
        ? h('p', { class: 'empty', text: 'No resources yet: add one under Resources.' })
        : timeGrid({
          days, resources: columns, zone: state.zone, names, label: rangeHeading.textContent, onOpen: openPanel,
          onAdd: (day) => addBooking(addButton, day),
        }));
  }

  function openPanel(booking, returnTo) {
    openBookingPanel({
      booking, zone: state.zone, names, returnTo, onChanged: (text) => changed(text),
    });
  }

  function addBooking(returnTo, day = state.date) {
    openAddBooking({
      types: names.typeList, names, zone: state.zone, date: day, returnTo, onChanged: (text) => changed(text),
    });
  }

  async function changed(text) {
    clear(message, okBox(text));
    await load();
  }

  load();
  state.timer = window.setInterval(() => {
    if (document.visibilityState === 'visible') {
      load({ quiet: true });
    }
  }, POLL_MS);
  return { stop: () => window.clearInterval(state.timer) };
}
