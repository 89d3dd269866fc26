// Insights: the provider's figures over a range of its days (GET /api/v1/insights, ADR 48) as SVG charts with a
// table of the same numbers under each, and the bookings of the range as a CSV download (GET /api/v1/bookings.csv).

import { h, clear, errorBox, field } from './dom.js';
import { call, session } from './dash-session.js';
import { formatMoney } from './money.js';
import { addDays, formatShortDay, today } from './time.js';
import { bars } from './charts.js';

function table(caption, head, rows, id) {
  return h('table', { class: 'insights-table', id },
    h('caption', { text: caption }),
    h('thead', {}, h('tr', {}, head.map((c) => h('th', { scope: 'col', text: c })))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((c, i) => (i === 0 ? h('th', { scope: 'row', text: c })
      : h('td', { text: String(c) })))))));
}

function percent(u) {
  return u.openMinutes === 0 ? '0 %' : `${Math.round((100 * u.bookedMinutes) / u.openMinutes)} %`;
}

function hours(minutes) {
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

function figures(pairs, id) {
  return h('dl', { class: 'figures', id }, pairs.map(([key, label, value]) => h('div', {
    class: `figure figure-${key}`, 'data-figure': key,
  }, h('dt', { text: label }), h('dd', { text: String(value) }))));
}

function render(out, data) {
  const days = data.bookingsPerDay;
  const money = data.money.map((m) => [m.currency,
    formatMoney({ amountMinor: m.takenMinor, currency: m.currency }),
    formatMoney({ amountMinor: m.refundedMinor, currency: m.currency }),
    formatMoney({ amountMinor: m.netMinor, currency: m.currency }),
    formatMoney({ amountMinor: m.keptMinor, currency: m.currency })]);
  const recovered = data.waitlist.value.map(formatMoney).join(' + ') || formatMoney({ amountMinor: 0, currency: 'EUR' });
  const median = data.leadTime.medianMinutes;
  clear(out,
    h('section', { 'aria-labelledby': 'ins-days' },
      h('h2', { id: 'ins-days', text: 'Bookings per day' }),
      bars(days.map((d) => ({ label: d.date, value: d.confirmed, title: `${formatShortDay(d.date)}: ${d.confirmed}` })),
        { label: `Confirmed bookings per day from ${data.from} to ${data.to}, ${data.outcomes.confirmed} in all` }),
      h('details', {}, h('summary', { text: 'Bookings per day as a table' }),
        table('Bookings per day', ['Day', 'Confirmed', 'Cancelled'],
          days.map((d) => [formatShortDay(d.date), d.confirmed, d.cancelled]), 'insights-days'))),
    h('section', { 'aria-labelledby': 'ins-use' },
      h('h2', { id: 'ins-use', text: 'Utilisation' }),
      bars(data.utilisation.map((u) => ({ label: u.name, value: u.bookedMinutes, title: `${u.name}: ${percent(u)}` })),
        { label: `Booked share of open time per resource: ${data.utilisation.map((u) => `${u.name} ${percent(u)}`)
          .join(', ')}`, max: Math.max(1, ...data.utilisation.map((u) => u.openMinutes)) }),
      table('Booked ÷ open time', ['Resource', 'Booked', 'Open', 'Utilisation'],
        data.utilisation.map((u) => [u.name, hours(u.bookedMinutes), hours(u.openMinutes), percent(u)]),
        'insights-utilisation')),
    h('section', { 'aria-labelledby': 'ins-outcomes' },
      h('h2', { id: 'ins-outcomes', text: 'Cancellations and no-shows' }),
      figures([['total', 'Bookings', data.outcomes.total], ['confirmed', 'Confirmed', data.outcomes.confirmed],
        ['cancelled', 'Cancelled', data.outcomes.cancelled], ['no-shows', 'No-shows', data.outcomes.noShows],
        ['recovered', 'Won back by the waitlist', `${data.waitlist.recovered} · ${recovered}`]], 'insights-outcomes')),
    h('section', { 'aria-labelledby': 'ins-money' },
      h('h2', { id: 'ins-money', text: 'Money' }),
      money.length === 0 ? h('p', { class: 'empty', text: 'No payments in this range.' })
        : table('Payments of these bookings', ['Currency', 'Taken', 'Refunded', 'Net', 'Kept (cancelled, no-show)'],
          money, 'insights-money')),
    h('section', { 'aria-labelledby': 'ins-lead' },
      h('h2', { id: 'ins-lead', text: 'Lead time' }),
      h('p', { id: 'insights-median', text: median === null ? 'No confirmed bookings.'
        : `Median: booked ${hours(median)} ahead.` }),
      bars(data.leadTime.buckets.map((b) => ({ label: b.label, value: b.count, title: `${b.label}: ${b.count}` })),
        { label: `Lead times: ${data.leadTime.buckets.map((b) => `${b.label} ${b.count}`).join(', ')}` }),
      table('Lead times', ['Booked ahead', 'Bookings'], data.leadTime.buckets.map((b) => [b.label, b.count]),
        'insights-lead')));
}

export function insightsView(container) {
  const zone = session.me.timeZone || 'UTC';
  const fromField = field({ id: 'insights-from', label: 'From', type: 'date', value: addDays(today(zone), -30) });
  const toField = field({ id: 'insights-to', label: 'To (not included)', type: 'date', value: addDays(today(zone), 30) });
  const out = h('div', { id: 'insights-figures', 'aria-live': 'polite' });
  const csv = h('a', { id: 'insights-csv', class: 'button secondary', download: '' }, 'Download bookings (CSV)');
  async function load() {
    const range = `from=${fromField.control.value}&to=${toField.control.value}`;
    csv.href = `/api/v1/bookings.csv?${range}`;
    try {
      render(out, await call('GET', `/api/v1/insights?${range}`));
    } catch (e) {
      clear(out, errorBox(e, 'The figures could not be loaded'));
    }
  }
  clear(container, h('h1', { id: 'page-title', text: 'Insights' }),
    h('p', { text: `Your figures for days in ${zone}.` }),
    h('form', { class: 'insights-range', onsubmit: (event) => { event.preventDefault(); load(); } },
      fromField.wrapper, toField.wrapper, h('div', { class: 'actions' },
        h('button', { type: 'submit', id: 'insights-show' }, 'Show'), csv)),
    out);
  load();
}
