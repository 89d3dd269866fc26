// The booking type's questions on the booking page (ADR 49): one labelled field per question (a text area, a choice
// list, or a phone input), checked here as the server checks them, and sent as `answers` by question id.

import { t } from './i18n.js';
import { h, field } from './dom.js';

const PHONE = /^\+?[0-9 ()./-]{5,30}$/;
const MAX_ANSWER = 1000;

function phoneShaped(text) {
  const digits = text.replace(/[^0-9]/g, '').length;
  return PHONE.test(text) && digits >= 5 && digits <= 20;
}

function questionField(question, index) {
  const id = `question-${index}`;
  const label = question.required ? question.label : `${question.label} (optional)`;
  const attrs = { 'data-question': question.id, required: question.required };
  if (question.kind === 'CHOICE') {
    return field({
      id, label, kind: 'select', attrs,
      options: [{ value: '', text: t('questions.choose') }, ...question.options.map((o) => ({ value: o, text: o }))],
    });
  }
  if (question.kind === 'PHONE') {
    return field({
      id, label, type: 'tel', attrs: { ...attrs, autocomplete: 'tel', inputmode: 'tel', maxlength: '30' },
    });
  }
  return field({ id, label, kind: 'textarea', attrs: { ...attrs, rows: '3', maxlength: String(MAX_ANSWER) } });
}

/**
 * The questions' fields in one box (empty for a type that asks none). `errors()` lists [field, message] pairs for
 * dom.js's reportErrors; `answers()` the non-blank answers by question id.
 */
export function typeQuestions(questions) {
  const fields = (questions || []).map((q, i) => ({ question: q, ...questionField(q, i) }));
  const box = h('div', { id: 'type-questions', class: 'stack' }, fields.map((f) => f.wrapper));
  return {
    box,
    fields,
    errors() {
      const errors = [];
      fields.forEach((f) => {
        const value = f.control.value.trim();
        if (!value) {
          if (f.question.required) {
            errors.push([f, f.question.kind === 'CHOICE' ? t('questions.chooseOne') : t('questions.answer')]);
          }
        } else if (f.question.kind === 'PHONE' && !phoneShaped(value)) {
          errors.push([f, t('questions.phone')]);
        } else if (value.length > MAX_ANSWER) {
          errors.push([f, t('questions.tooLong', { max: MAX_ANSWER })]);
        }
      });
      return errors;
    },
    answers() {
      const answers = {};
      fields.forEach((f) => {
        const value = f.control.value.trim();
        if (value) {
          answers[f.question.id] = value;
        }
      });
      return answers;
    },
  };
}
