// The agenda's time grid: one column per day and resource, hours down the side, in one display zone. Open time is
// shaded light and closed time dark; bookings, holds (with their expiry) and busy time from calendars (by source only)
// are blocks placed by their wall-clock time in the zone. Every block is focusable; Enter or a click on a booking
// opens its panel. Positions are CSS custom properties set through the CSSOM (no inline style attributes, ADR 9).

import { h } from './dom.js';
import {
  addDays, formatShortDay, formatTime, localDate, wallHours,
} from './time.js';

export const SOURCE_TEXT = {
  caldav: 'CalDAV', google: 'Google Calendar', outlook: 'Outlook', external: 'External calendar',
};
const STATUS_TEXT = { CONFIRMED: 'Confirmed', HELD: 'Held' };
const CLASH_TEXT = { OVERLAP: 'Clash: overlaps other busy time', OUTSIDE_HOURS: 'Clash: outside opening hours' };

/** The part of [start, end) that falls on local date `day` in `zone`, as wall-clock hours, or null. */
export function onDay(start, end, day, zone) {
  const first = localDate(start, zone);
  const last = localDate(new Date(Date.parse(end) - 1).toISOString(), zone);
  if (day < first || day > last) {
    return null;
  }
  const from = first < day ? 0 : wallHours(start, zone);
  const to = last > day ? 24 : (wallHours(end, zone) || 24);
  return to > from ? { from, to } : null;
}

function hourRange(columns, zone) {
  let first = 8;
  let last = 18;
  for (const c of columns) {
    for (const item of [...c.open, ...c.blocks]) {
      const part = onDay(item.start, item.end, c.day, zone);
      if (part) {
        first = Math.min(first, Math.floor(part.from));
        last = Math.max(last, Math.ceil(part.to));
      }
    }
  }
  return { first, last };
}

function place(el, part, lane = 0, lanes = 1) {
  el.style.setProperty('--from', String(part.from));
  el.style.setProperty('--len', String(part.to - part.from));
  el.style.setProperty('--lane', String(lane));
  el.style.setProperty('--lanes', String(lanes));
  el.dataset.from = part.from.toFixed(2);
  el.dataset.to = part.to.toFixed(2);
  return el;
}

/** Side by side where blocks overlap (a clash): greedy lanes in start order. */
function lanesOf(parts) {
  const ends = [];
  const lanes = parts.map((p) => {
    let lane = ends.findIndex((end) => end <= p.from);
    if (lane < 0) {
      lane = ends.length;
      ends.push(p.to);
    } else {
      ends[lane] = p.to;
    }
    return lane;
  });
  return { lanes, count: Math.max(1, ends.length) };
}

function blockOf(block, part, zone, names, onOpen) {
  const time = `${formatTime(block.start, zone)} – ${formatTime(block.end, zone)}`;
  const clash = block.clash ? h('span', { class: 'cal-clash', text: CLASH_TEXT[block.clash] }) : null;
  if (block.kind === 'BUSY') {
    return h('div', {
      class: `cal-block cal-busy${block.clash ? ' is-clash' : ''}`, tabindex: '0', 'data-source': block.source,
    },
    h('span', { class: 'cal-time', text: time }),
    h('span', { class: 'cal-title', text: `Busy · ${SOURCE_TEXT[block.source] || block.source}` }), clash);
  }
  const b = block.booking;
  const hold = block.kind === 'HOLD';
  const el = h('button', {
    type: 'button',
    class: `cal-block cal-booking${hold ? ' cal-hold' : ''}${block.clash ? ' is-clash' : ''}`,
    'data-booking-id': b.id,
    'aria-haspopup': 'dialog',
    onclick: () => onOpen(b, el),
  },
  h('span', { class: 'cal-time', text: time }),
  h('span', { class: 'cal-title', text: b.customerName }),
  h('span', {
    class: 'cal-meta',
    text: `${names.types.get(b.bookingTypeId) || b.bookingTypeId} · ${hold
      ? `Held until ${formatTime(b.holdExpiresAt, zone)}` : STATUS_TEXT[b.status] || b.status}`,
  }),
  clash);
  return el;
}

/**
 * The grid of `days` (local dates) × `resources` ({resourceId, name, open, blocks}) in `zone`. A block is
 * {kind: BOOKING|HOLD|BUSY, start, end, booking?, source?, clash?}.
 */
export function timeGrid({ days, resources, zone, names, onOpen, onAdd, label }) {
  const columns = [];
  for (const day of days) {
    for (const r of resources) {
      columns.push({ day, resource: r, open: r.open, blocks: r.blocks });
    }
  }
  const { first, last } = hourRange(columns, zone);
  const table = h('div', { class: 'cal-table' });
  table.style.setProperty('--cols', String(Math.max(1, columns.length)));
  table.style.setProperty('--first', String(first));
  table.style.setProperty('--hours', String(last - first));

  table.append(h('div', { class: 'cal-corner', 'aria-hidden': 'true' }));
  for (const c of columns) {
    table.append(h('div', { class: 'cal-head' },
      h('span', { class: 'cal-day', text: formatShortDay(c.day) }),
      resources.length > 1 ? h('span', { class: 'cal-resource', text: c.resource.name }) : null));
  }
  const axis = h('div', { class: 'cal-axis', 'aria-hidden': 'true' });
  for (let hour = first; hour < last; hour += 1) {
    axis.append(place(h('span', { class: 'cal-hour', text: `${String(hour).padStart(2, '0')}:00` }),
      { from: hour, to: hour + 1 }));
  }
  table.append(axis);

  for (const c of columns) {
    const col = h('div', {
      class: 'cal-col',
      role: 'group',
      'aria-label': `${formatShortDay(c.day)}${resources.length > 1 ? `, ${c.resource.name}` : ''}`,
      'data-date': c.day,
      'data-resource-id': c.resource.resourceId,
    });
    for (const o of c.open) {
      const part = onDay(o.start, o.end, c.day, zone);
      if (part) {
        // A click on open time starts "Add booking" on that day (the toolbar's button is the keyboard's way).
        col.append(place(h('div', {
          class: 'cal-open', 'aria-hidden': 'true', title: 'Add a booking on this day', onclick: () => onAdd(c.day),
        }), part));
      }
    }
    const shown = c.blocks
      .map((b) => ({ b, part: onDay(b.start, b.end, c.day, zone) }))
      .filter((x) => x.part)
      .sort((x, y) => x.part.from - y.part.from);
    const { lanes, count } = lanesOf(shown.map((x) => x.part));
    shown.forEach((x, i) => col.append(place(blockOf(x.b, x.part, zone, names, onOpen), x.part, lanes[i], count)));
    if (shown.length === 0) {
      col.append(h('span', { class: 'visually-hidden', text: 'Nothing booked.' }));
    }
    table.append(col);
  }
  return h('div', { class: 'cal', role: 'region', 'aria-label': label, tabindex: '-1' },
    h('div', { class: 'cal-scroll' }, table));
}

/** The local dates from `from` (inclusive) to `to` (exclusive). */
export function datesBetween(from, to) {
  const days = [];
  for (let d = from; d < to; d = addDays(d, 1)) {
    days.push(d);
  }
  return days;
}
