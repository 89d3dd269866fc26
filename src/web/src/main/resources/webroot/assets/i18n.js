// The customer pages' texts in the page's language (ADR 62). The server chose the language (<html lang>) and put the
// catalogue's js.* texts into <meta name="dovetail-messages">, so no request and no inline script is needed.

let texts = {};
try {
  texts = JSON.parse(document.querySelector('meta[name="dovetail-messages"]')?.content || '{}');
} catch (e) {
  texts = {};
}

/** The page's language, as <html lang> says: 'en' or 'de'. */
export const LANG = document.documentElement.lang || 'en';

/** Whether the page carries the text js.<key>. */
export function has(key) {
  return texts[`js.${key}`] !== undefined;
}

/** The text of js.<key> with each {name} replaced by values[name]; the key itself when the page has no such text. */
export function t(key, values = {}) {
  const text = texts[`js.${key}`];
  if (text === undefined) {
    return key;
  }
  return text.replace(/\{([a-zA-Z]+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
