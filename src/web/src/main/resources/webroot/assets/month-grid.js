// The month view of the slot picker (ADR 55): one month as a grid of days (the WAI-ARIA grid pattern), each day marked
// free, fully booked or closed, in words for screen readers and by more than colour on screen. Arrow keys move by a day
// or a week (across months too), Home/End to the week's ends, Page Up/Down by a month; Enter or Space picks the day.

import { t } from './i18n.js';
import { h, clear } from './dom.js';
import {
  addDays, formatDay, formatMonth, weekStart, weekdayNames,
} from './time.js';

const STATE_TEXT = { free: t('month.state.free'), full: t('month.state.full'), closed: t('month.state.closed') };
// The visible word under a day's number; a free day's dot is drawn by CSS (no text to read out twice).
const MARK = { free: '', full: t('month.mark.full'), closed: '' };

/** First day of the month of a local date, 'YYYY-MM-01'. */
export function monthOf(date) {
  return `${date.slice(0, 7)}-01`;
}

/** First day of the month `n` months after the month of `date`. */
export function addMonths(date, n) {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
}

function sameMonthDate(date, month) {
  const day = Number(date.slice(8, 10));
  const next = addMonths(month, 1);
  const last = Number(addDays(next, -1).slice(8, 10));
  return `${month.slice(0, 8)}${String(Math.min(day, last)).padStart(2, '0')}`;
}

export class MonthGrid {
  /**
   * @param {object} o
   * @param {string} o.idPrefix ids: `${idPrefix}-month-title`, `${idPrefix}-month`, days `${idPrefix}-day-YYYY-MM-DD`
   * @param {(date: string) => void} o.onPick a day chosen (click, Enter, Space)
   * @param {(month: string, focusDate: string|null) => void} o.onMonth another month asked for (buttons or keys)
   */
  constructor(o) {
    Object.assign(this, o);
    this.title = h('h3', { class: 'month-title', id: `${this.idPrefix}-month-title`, 'aria-live': 'polite' });
    this.prevMonth = h('button', {
      type: 'button', class: 'secondary month-nav', id: `${this.idPrefix}-prev-month`, 'aria-label': t('month.prev'),
      onclick: () => this.onMonth(addMonths(this.month, -1), null),
    }, '‹');
    this.nextMonth = h('button', {
      type: 'button', class: 'secondary month-nav', id: `${this.idPrefix}-next-month`, 'aria-label': t('month.next'),
      onclick: () => this.onMonth(addMonths(this.month, 1), null),
    }, '›');
    this.body = h('tbody');
    const names = weekdayNames();
    this.table = h('table', {
      role: 'grid', class: 'month-grid', id: `${this.idPrefix}-month`, 'aria-labelledby': this.title.id,
      onkeydown: (e) => this.onKey(e),
    }, h('thead', {}, h('tr', {}, names.map((n) => h('th', { scope: 'col', abbr: n.long, text: n.short })))), this.body);
    this.legend = h('p', { class: 'month-legend', id: `${this.idPrefix}-legend` },
      h('span', { class: 'legend-free', text: t('month.legend.free') }),
      h('span', { class: 'legend-full', text: t('month.legend.full') }),
      h('span', { class: 'legend-closed', text: t('month.legend.closed') }));
    this.element = h('div', { class: 'month-view' },
      h('div', { class: 'month-head' }, this.prevMonth, this.title, this.nextMonth), this.table, this.legend);
  }

  /**
   * Shows a month. `states`: date → 'free'|'full'|'closed' (unknown dates count as closed); `selected`: the shown day;
   * `min`/`max`: the bookable range; `focusDate`: the day that takes the keyboard focus (else the selected or first).
   */
  render({ month, states, selected, min, max, focusDate }) {
    this.month = month;
    this.min = min;
    this.max = max;
    this.title.textContent = formatMonth(month);
    this.prevMonth.disabled = month <= monthOf(min);
    this.nextMonth.disabled = addMonths(month, 1) > max;
    const next = addMonths(month, 1);
    const first = weekStart(month);
    const inMonth = (d) => d >= month && d < next;
    const tabDate = [focusDate, selected, min].find((d) => d && inMonth(d) && d >= min && d <= max)
      || [...Array(31).keys()].map((i) => addDays(month, i)).find((d) => inMonth(d) && d >= min && d <= max) || month;
    const rows = [];
    for (let week = first; week < next; week = addDays(week, 7)) {
      rows.push(h('tr', {}, [0, 1, 2, 3, 4, 5, 6].map((i) => {
        const date = addDays(week, i);
        if (!inMonth(date)) {
          return h('td', { class: 'day-outside' });
        }
        const bookable = date >= min && date <= max;
        const state = bookable ? (states.get(date) || 'closed') : 'closed';
        const mark = bookable ? MARK[state] : '';
        const number = String(Number(date.slice(8, 10)));
        // The accessible name starts with what is seen when a word is shown ("14 full"), as WCAG 2.5.3 asks.
        const name = `${mark ? `${number} ${mark}: ` : ''}${formatDay(date)}: ${bookable ? STATE_TEXT[state] : t('month.state.outside')}`;
        return h('td', { 'aria-selected': String(date === selected) },
          h('button', {
            type: 'button',
            id: `${this.idPrefix}-day-${date}`,
            class: `day day-${state}`,
            'data-date': date,
            'data-state': state,
            tabindex: date === tabDate ? '0' : '-1',
            'aria-disabled': bookable ? null : 'true',
            'aria-label': name,
            onclick: () => (bookable ? this.onPick(date) : null),
          }, h('span', { class: 'day-number', text: number }),
          // The leading space makes the text "14 full", as the name starts, not "14full".
          h('span', { class: 'day-mark', 'aria-hidden': 'true', text: mark ? ` ${mark}` : '' })));
      })));
    }
    clear(this.body, rows);
    if (focusDate) {
      this.focus(focusDate);
    }
  }

  focus(date) {
    const button = this.body.querySelector(`[data-date="${date}"]`);
    if (button) {
      this.body.querySelectorAll('button').forEach((b) => b.setAttribute('tabindex', b === button ? '0' : '-1'));
      button.focus();
    }
  }

  onKey(event) {
    const from = event.target.dataset && event.target.dataset.date;
    if (!from) {
      return;
    }
    const weekday = (new Date(`${from}T00:00:00Z`).getUTCDay() + 6) % 7;
    const moves = {
      ArrowLeft: () => addDays(from, -1),
      ArrowRight: () => addDays(from, 1),
      ArrowUp: () => addDays(from, -7),
      ArrowDown: () => addDays(from, 7),
      Home: () => addDays(from, -weekday),
      End: () => addDays(from, 6 - weekday),
      PageUp: () => sameMonthDate(from, addMonths(from, -1)),
      PageDown: () => sameMonthDate(from, addMonths(from, 1)),
    };
    const move = moves[event.key];
    if (!move) {
      return;
    }
    event.preventDefault();
    let target = move();
    target = target < this.min ? this.min : target > this.max ? this.max : target;
    if (monthOf(target) === this.month) {
      this.focus(target);
    } else {
      this.onMonth(monthOf(target), target);
    }
  }
}
