// The opening hours editor of a resource: per day an Open switch, time pickers for one or more ranges (a split day
// is its breaks), the same hours as typed text ("9-17", "09:00–17:00", "9:30-12, 13-17"; read by hours-text.js) and
// "Copy to weekdays"; breaks on every open day; holidays and date overrides (a date with its own hours, or closed),
// where a date picked but not added yet is added on save, never dropped.

import { h, clear, field, setFieldError, uid } from './dom.js';
import { parseHours, hoursText } from './hours-text.js';

export const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
export const DAY_LABEL = {
  monday: 'Monday', tuesday: 'Tuesday', wednesday: 'Wednesday', thursday: 'Thursday', friday: 'Friday',
  saturday: 'Saturday', sunday: 'Sunday',
};
const WEEKDAYS = DAYS.slice(0, 5);
const DEFAULT_HOURS = [{ start: '09:00', end: '17:00' }];
const MAX_RANGES = 12;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A time picker shows midnight as 00:00; as the end of a range it means 24:00. */
const pickerValue = (time) => (time === '24:00' ? '00:00' : time);
const endValue = (picked) => (picked === '00:00' ? '24:00' : picked);

/**
 * Ranges of one day (or the breaks): a text field (id `id`, kept so hours can be typed or pasted) and a time picker
 * pair per range, two views of the same list. onChange(windows) follows every valid edit.
 */
function rangesEditor({ id, label, hint, windows, onChange }) {
  let current = windows;
  const text = field({
    id, label, hint, value: hoursText(windows),
    attrs: { placeholder: 'closed', autocapitalize: 'none', spellcheck: 'false', maxlength: '200' },
  });
  const pickers = h('div', { class: 'range-list' });

  function set(next, fromText) {
    current = next;
    if (!fromText) {
      text.control.value = hoursText(next);
      setFieldError(text, null);
    }
    renderPickers();
    onChange(next);
  }

  function renderPickers() {
    clear(pickers, current.map((w, i) => {
      const from = h('input', { type: 'time', step: '300', value: w.start, 'aria-label': `${label}: range ${i + 1} from` });
      const until = h('input', { type: 'time', step: '300', value: pickerValue(w.end), 'aria-label': `${label}: range ${i + 1} until` });
      const update = () => {
        if (!from.value || !until.value) {
          return;
        }
        const next = current.map((x, j) => (j === i ? { start: from.value, end: endValue(until.value) } : x));
        const parsed = parseHours(hoursText(next));
        if (parsed.error) {
          setFieldError(text, parsed.error);
          return;
        }
        set(parsed.windows, false);
      };
      from.addEventListener('change', update);
      until.addEventListener('change', update);
      return h('div', { class: 'range' }, from, h('span', { 'aria-hidden': 'true', text: '–' }), until,
        h('button', {
          type: 'button', class: 'link', 'aria-label': `${label}: remove range ${i + 1}`,
          onclick: () => set(current.filter((_, j) => j !== i), false),
        }, 'Remove'));
    }));
  }

  function addRange() {
    const last = current[current.length - 1];
    const startMinute = last ? Math.min(Number(last.end.slice(0, 2)) * 60 + Number(last.end.slice(3)) + 60, 23 * 60) : 9 * 60;
    const start = `${String(Math.floor(startMinute / 60)).padStart(2, '0')}:${String(startMinute % 60).padStart(2, '0')}`;
    const parsed = parseHours(hoursText([...current, { start, end: '24:00' }]));
    if (parsed.error || current.length >= MAX_RANGES) {
      setFieldError(text, parsed.error || `At most ${MAX_RANGES} ranges a day.`);
      return;
    }
    set(parsed.windows, false);
  }

  text.control.addEventListener('input', () => {
    const parsed = parseHours(text.control.value);
    if (!parsed.error) {
      set(parsed.windows, true);
    }
  });
  text.control.addEventListener('change', () => setFieldError(text, parseHours(text.control.value).error || null));
  renderPickers();

  return {
    text,
    element: h('div', { class: 'ranges' }, text.wrapper, pickers,
      h('button', { type: 'button', class: 'link', 'aria-label': `${label}: add a time range`, onclick: addRange }, 'Add a time range')),
    set: (next) => set(next, false),
    /** The windows, or the error of text that does not read as hours. */
    read: () => parseHours(text.control.value),
  };
}

/** A list of dates with an input for the next one; a date picked but not added yet is added by take(). */
function datesEditor({ id, label, hint, addLabel, entries, describe, extra }) {
  let items = entries;
  const date = field({ id: `${id}-date`, label, hint, type: 'date' });
  const list = h('ul', { class: 'item-list', id: `${id}-list` });
  const render = () => clear(list, items.length === 0
    ? h('li', { class: 'empty', text: 'None.' })
    : items.map((item) => h('li', { class: 'item-head', 'data-date': item.date },
      h('span', { text: describe(item) }),
      h('button', {
        type: 'button', class: 'link', 'aria-label': `Remove ${item.date}`,
        onclick: () => { items = items.filter((x) => x.date !== item.date); render(); },
      }, 'Remove'))));

  /** Adds the picked date (with the extra's value); returns an error message, or null. */
  function take() {
    const d = date.control.value;
    if (!d) {
      return null;
    }
    if (!DATE.test(d)) {
      return 'Pick a whole date.';
    }
    const value = extra ? extra.read() : {};
    if (value.error) {
      return value.error;
    }
    items = [...items.filter((x) => x.date !== d), { date: d, ...value }].sort((a, b) => a.date.localeCompare(b.date));
    date.control.value = '';
    render();
    return null;
  }

  const add = h('button', {
    type: 'button', class: 'secondary', id: `add-${id}`, onclick: () => {
      setFieldError(date, take());
    },
  }, addLabel);
  render();
  return {
    date,
    element: h('div', {}, h('div', { class: 'day-nav' }, date.wrapper, extra ? extra.element : null, add), list),
    take,
    items: () => items,
  };
}

/**
 * The editor for an availability as the API has it ({weeklyHours, breaks, dateOverrides, holidays}). read() gives
 * {availability, added} (dates picked and added on save) or {errors: [[field, message]]}.
 */
export function hoursEditor(availability) {
  const weekly = { ...(availability.weeklyHours || {}) };
  const lastOpen = { ...weekly };
  const days = DAYS.map((day) => {
    const open = h('input', { type: 'checkbox', id: `hours-${day}-open`, checked: (weekly[day] || []).length > 0 });
    const editor = rangesEditor({
      id: `hours-${day}`, label: DAY_LABEL[day], windows: weekly[day] || [],
      onChange: (windows) => {
        weekly[day] = windows;
        open.checked = windows.length > 0;
        if (windows.length > 0) {
          lastOpen[day] = windows;
        }
      },
    });
    open.addEventListener('change', () => editor.set(open.checked ? (lastOpen[day] || DEFAULT_HOURS) : []));
    const copy = h('button', {
      type: 'button', class: 'secondary', id: `hours-${day}-copy`,
      'aria-label': `Copy to weekdays (${DAY_LABEL[day]}'s hours)`,
      onclick: () => {
        const source = editor.read();
        if (source.error) {
          setFieldError(editor.text, source.error);
          return;
        }
        days.filter((d) => WEEKDAYS.includes(d.day) && d.day !== day).forEach((d) => d.editor.set(source.windows));
      },
    }, 'Copy to weekdays');
    const legendId = uid('day');
    return {
      day,
      editor,
      element: h('fieldset', { class: 'hours-day', 'aria-labelledby': legendId },
        h('div', { class: 'item-head' },
          h('span', { class: 'check' }, open, h('label', { for: open.id, id: legendId, text: `${DAY_LABEL[day]} open` })),
          copy),
        editor.element),
    };
  });
  const breaks = rangesEditor({
    id: 'resource-breaks', label: 'Breaks (every open day)', windows: availability.breaks || [],
    hint: 'For example 12-13. Leave empty for none.', onChange: () => {},
  });
  const holidays = datesEditor({
    id: 'holiday', label: 'Add a holiday (closed all day)', addLabel: 'Add holiday',
    hint: 'A date still picked here when you save is added too.',
    entries: (availability.holidays || []).map((date) => ({ date })), describe: (x) => x.date,
  });
  const overrideHours = field({
    id: 'override-hours', label: 'Hours that day', hint: 'Empty: closed.',
    attrs: { placeholder: 'closed', autocapitalize: 'none', spellcheck: 'false', maxlength: '200' },
  });
  const overrides = datesEditor({
    id: 'override', label: 'Date with its own hours', addLabel: 'Add date',
    entries: Object.entries(availability.dateOverrides || {}).map(([date, windows]) => ({ date, windows }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    describe: (x) => `${x.date}: ${x.windows.length ? hoursText(x.windows) : 'closed'}`,
    extra: {
      element: overrideHours.wrapper,
      read: () => {
        const parsed = parseHours(overrideHours.control.value);
        setFieldError(overrideHours, parsed.error || null);
        return parsed.error ? parsed : { windows: parsed.windows };
      },
    },
  });

  const element = h('div', {},
    h('fieldset', {},
      h('legend', { text: 'Weekly hours' }),
      h('p', { class: 'hint', id: 'hours-hint', text: 'Switch a day on and pick its hours, or type them: 9-17, or 9-12, 13-17 with a break.' }),
      h('div', { class: 'hours-grid' }, days.map((d) => d.element)),
      breaks.element),
    h('fieldset', {},
      h('legend', { text: 'Holidays' }),
      holidays.element),
    h('fieldset', {},
      h('legend', { text: 'Dates with their own hours' }),
      h('p', { class: 'hint', text: 'A date here replaces its weekday\'s hours and breaks, for example a late opening or a closed Saturday.' }),
      overrides.element));

  function read() {
    const errors = [];
    const weeklyHours = {};
    days.forEach((d) => {
      const parsed = d.editor.read();
      if (parsed.error) {
        errors.push([d.editor.text, parsed.error]);
      } else {
        weeklyHours[d.day] = parsed.windows;
      }
    });
    const parsedBreaks = breaks.read();
    if (parsedBreaks.error) {
      errors.push([breaks.text, parsedBreaks.error]);
    }
    if (errors.length > 0) {
      return { errors }; // a picked date stays picked until the save that adds it
    }
    const added = [holidays.date.control.value, overrides.date.control.value].filter(Boolean);
    const dateErrors = [[holidays.date, holidays.take()], [overrides.date, overrides.take()]].filter(([, e]) => e);
    if (dateErrors.length > 0) {
      return { errors: dateErrors };
    }
    const dateOverrides = {};
    overrides.items().forEach((x) => { dateOverrides[x.date] = x.windows; });
    return {
      added,
      availability: {
        weeklyHours,
        breaks: parsedBreaks.windows,
        dateOverrides,
        holidays: holidays.items().map((x) => x.date),
      },
    };
  }

  return {
    element,
    read,
    fields: () => [...days.map((d) => d.editor.text), breaks.text, holidays.date, overrides.date, overrideHours],
  };
}
