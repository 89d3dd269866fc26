// Opening hours typed as text, the one place the pages read them: "9-17", "09:00–17:00" (en or em dash, as phones
// type), "9:30-12, 13-17" (several ranges, by comma or semicolon). Hours may omit the minutes; "24" or "24:00" ends
// at midnight. The hub's API accepts the same text for a day's hours (TimeCodec.windowsText on the server).

const TIME = /^([01]?\d|2[0-4])(?:[:.h]([0-5]\d))?$/;
const DASH = /\s*[-–—]\s*/;
const MAX_TEXT = 200;

function minutes(text) {
  const m = TIME.exec(text.trim());
  if (!m) {
    return null;
  }
  const value = Number(m[1]) * 60 + Number(m[2] || 0);
  return value > 24 * 60 ? null : value;
}

export function clockText(minute) {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/**
 * Text as windows [{start: 'HH:MM', end: 'HH:MM'}] sorted by start (end '24:00' for midnight), or {error}. Empty
 * text is no windows (closed).
 */
export function parseHours(text) {
  if (text.length > MAX_TEXT) {
    return { error: `Hours are at most ${MAX_TEXT} characters.` };
  }
  const ranges = [];
  for (const part of text.split(/[,;]/).map((p) => p.trim()).filter(Boolean)) {
    const ends = part.split(DASH);
    const start = ends.length === 2 ? minutes(ends[0]) : null;
    const end = ends.length === 2 ? minutes(ends[1]) : null;
    if (start === null || end === null || start === 24 * 60) {
      return { error: `"${part}" is not a time range like 9-17 or 09:00-17:30.` };
    }
    if (end <= start) {
      return { error: `In "${part}" the end must be after the start.` };
    }
    ranges.push([start, end]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < ranges.length; i += 1) {
    if (ranges[i][0] < ranges[i - 1][1]) {
      return { error: `${clockText(ranges[i - 1][0])}-${clockText(ranges[i - 1][1])} and `
        + `${clockText(ranges[i][0])}-${clockText(ranges[i][1])} overlap.` };
    }
  }
  return { windows: ranges.map(([s, e]) => ({ start: clockText(s), end: clockText(e) })) };
}

/** Windows as the text parseHours reads back: '09:00-12:00, 13:00-17:00'. */
export function hoursText(windows) {
  return (windows || []).map((w) => `${w.start}-${w.end}`).join(', ');
}
