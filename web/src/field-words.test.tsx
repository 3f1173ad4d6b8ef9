import { fireEvent, screen, waitFor } from '@testing-library/react';
import { useState, type FormEvent } from 'react';
import { describe, expect, it } from 'vitest';
import type { WireFieldRule } from '../../src/common/field-rules.wire';
import { FIELD_RULES } from '../../src/common/field-rules.wire';
import { ApiError } from './api';
import { fieldErrors, ruleWords } from './field-words';
import { useFieldErrors, useFocusFirstInvalid } from './form-errors';
import { makeI18n } from './i18n';
import { renderInApp } from './testing/render';
import { ErrorBox, Field } from './ui';

const en = makeI18n('en');
const zh = makeI18n('zh-Hant');

/** Parameters enough for any rule's words. */
const SAMPLE_PARAMS = {
  min: 1,
  max: 12,
  days: 3,
  field: 'startsAt',
  fields: ['slotIndex', 'table'],
  values: ['HK', 'CA'],
  first: '2031-06-09',
  last: '2031-06-13',
};
const WINDOW = ['2027-03-10T01:00:00.000Z', '2027-03-10T05:00:00.000Z'];

/** A 400 as the API gives it: English `fields` and the `rules` each broke. */
function invalid(fields: Record<string, string[]>, rules: ApiError['rules']): ApiError {
  return new ApiError(400, 'Invalid input', 'validation_failed', fields, rules);
}

describe('ruleWords', () => {
  it('words each rule with its parameters in the reader’s language', () => {
    expect(ruleWords({ rule: 'maxLength', params: { max: 2000 } }, en)).toBe(
      'Must be 2,000 characters or fewer.',
    );
    expect(ruleWords({ rule: 'maxLength', params: { max: 2000 } }, zh)).toBe(
      '須為 2,000 個字元或以下。',
    );
    expect(ruleWords({ rule: 'isDateTime' }, en)).toBe('Choose a date and time.');
    expect(ruleWords({ rule: 'isCountry' }, en)).toBe('Choose a country.');
    expect(ruleWords({ rule: 'isCountry' }, zh)).toBe('請選擇國家或地區。');
    expect(ruleWords({ rule: 'length', params: { min: 1, max: 160 } }, en)).toBe(
      'Fill this in, in 160 characters or fewer.',
    );
    expect(ruleWords({ rule: 'yearRange', params: { min: 2000, max: 2099 } }, en)).toBe(
      'Choose a date between the years 2000 and 2099.',
    );
    expect(
      ruleWords({ rule: 'withinDates', params: { first: '2031-06-09', last: '2031-06-13' } }, zh),
    ).toBe(`須在代表團的日程之內（${zh.date('2031-06-09')}至${zh.date('2031-06-13')}）。`);
    expect(ruleWords({ rule: 'sidesApart', params: { values: ['HK', 'CA'] } }, en)).toBe(
      'A country cannot be on both sides: Hong Kong and Canada.',
    );
  });

  it('words every rule of the wire but `invalid` in both languages', () => {
    for (const rule of FIELD_RULES.filter((name) => name !== 'invalid')) {
      for (const i18n of [en, zh]) {
        const words = ruleWords({ rule, params: SAMPLE_PARAMS }, i18n);
        expect(words, `${rule} in ${i18n.language}`).toMatch(/\S/);
        expect(words, `${rule} in ${i18n.language}`).not.toMatch(/rule\.|\{|undefined|NaN/);
      }
    }
  });

  it('words the rules of the board, meetings, accounts and the import with their parameters', () => {
    const cases: [WireFieldRule, string, string][] = [
      [
        { rule: 'sessionSlot', params: { min: 0, max: 11 } },
        'Choose one of the session’s 12 slots.',
        '請從配對會的 12 個時段中選擇一個。',
      ],
      [{ rule: 'range', params: { min: 1, max: 40 } }, 'Must be from 1 to 40.', '須介於 1 至 40。'],
      [
        { rule: 'inPersonOnly' },
        'Only in-person sessions have tables.',
        '只有實體配對會設有桌號。',
      ],
      [
        { rule: 'exclusive', params: { fields: ['slotIndex', 'table'] } },
        'Make one change at a time: this one or the other, not both.',
        '請一次只作一項變更：此項或另一項，不可同時兩者。',
      ],
      [
        { rule: 'oneChange', params: { fields: ['status', 'fixed'] } },
        'Say what to change.',
        '請說明要變更甚麼。',
      ],
      [{ rule: 'differentCompanies' }, 'Choose two different firms.', '請選擇兩家不同的公司。'],
      [
        { rule: 'otherMeeting' },
        'Choose another meeting than this one.',
        '請選擇另一場會面，而非此會面。',
      ],
      [
        { rule: 'sameSession' },
        'Choose a meeting of the same session.',
        '請選擇同一配對會的會面。',
      ],
      [
        { rule: 'meetingFirm' },
        'Choose which of the two firms of this meeting.',
        '請選擇此會面兩家公司中的哪一家。',
      ],
      [
        { rule: 'maxBytes', params: { max: 65536 } },
        'Must be 65,536 bytes or fewer.',
        '須為 65,536 位元組或以下。',
      ],
      [
        { rule: 'storableText' },
        'Remove the broken or invisible control characters from this text.',
        '請刪除文字中損壞或不可見的控制字元。',
      ],
      [{ rule: 'exists' }, 'This is no longer there: choose again.', '此項已不存在，請重新選擇。'],
      [
        { rule: 'sameEmail' },
        'This is already this account’s address.',
        '這已是此帳戶的電郵地址。',
      ],
      [{ rule: 'knownAccount' }, 'No account has this email address.', '沒有帳戶使用此電郵地址。'],
      [
        { rule: 'nameTaken' },
        'Another company already has this name.',
        '已有另一家公司使用此名稱。',
      ],
      [
        { rule: 'unknownColumns', params: { values: ['colour', 'size'] } },
        'Columns this import does not know: colour and size.',
        '匯入不接受以下欄位：colour和size。',
      ],
      [
        { rule: 'missingColumns', params: { values: ['city'] } },
        'Columns the file must have: city.',
        '檔案須包含以下欄位：city。',
      ],
      [
        { rule: 'withinSession', params: { first: WINDOW[0], last: WINDOW[1] } },
        `Must lie within the session, ${en.dateTime(WINDOW[0])} to ${en.dateTime(WINDOW[1])}.`,
        `須在配對會的時間之內（${zh.dateTime(WINDOW[0])}至${zh.dateTime(WINDOW[1])}）。`,
      ],
    ];
    for (const [rule, english, chinese] of cases) {
      expect(ruleWords(rule, en)).toBe(english);
      expect(ruleWords(rule, zh)).toBe(chinese);
    }
  });

  it('has no words for `invalid` or a rule it does not know (the English message is shown)', () => {
    expect(ruleWords({ rule: 'invalid' }, en)).toBeNull();
    expect(ruleWords({ rule: 'isHexColour' as 'invalid' }, en)).toBeNull();
  });
});

describe('fieldErrors', () => {
  const error = invalid(
    {
      title: ['must be longer than or equal to 3 characters'],
      'weights.complementarity': ['must not be greater than 1'],
      'offers[2]': ['must contain no NUL'],
      email: ['must be an email address'],
    },
    {
      title: [{ rule: 'length', params: { min: 3, max: 200 } }],
      'weights.complementarity': [{ rule: 'max', params: { max: 1 } }],
      'offers[2]': [{ rule: 'invalid' }],
      email: [{ rule: 'isEmail' }],
    },
  );

  it('gives every field at once, by root field, in words for people, never the developer’s', () => {
    expect(fieldErrors(error, en)).toEqual({
      title: ['Must be 3 to 200 characters.'],
      weights: ['Must be 1 or less.'],
      offers: ['offers[2]: must contain no NUL'],
      email: ['Enter an email address, such as ada@example.hk.'],
    });
  });

  it('names a nested field by its label, and says a field’s own sentence when the form has one', () => {
    const fields = fieldErrors(error, zh, {
      nestedLabel: (path) => (path === 'weights.complementarity' ? '互補' : undefined),
      overrides: { email: 'account.error.email' },
    });
    expect(fields.weights).toEqual(['互補: 須為 1 或以下。']);
    expect(fields.email).toEqual([zh.t('account.error.email')]);
  });

  it('has none for anything but an API error', () => {
    expect(fieldErrors(new Error('boom'), en)).toEqual({});
  });
});

function TwoFields({ error }: { error: unknown }) {
  const [shown, setShown] = useState<unknown>(null);
  const fields = useFieldErrors(shown);
  const formRef = useFocusFirstInvalid(shown);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setShown(error);
  };
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Field id="name" label="Name" errors={fields.name}>
        <input id="name" />
      </Field>
      <Field id="startsAt" label="Starts" errors={fields.startsAt}>
        <input id="startsAt" type="datetime-local" />
      </Field>
      <Field id="country" label="Country" errors={fields.country}>
        <select id="country" />
      </Field>
      <button type="submit">Save</button>
    </form>
  );
}

describe('a form refused', () => {
  it('shows every error at once and moves the focus to the first invalid field', async () => {
    const error = invalid(
      { startsAt: ['must be an ISO 8601 date-time'], country: ['must be ISO 3166-1 alpha-2'] },
      { startsAt: [{ rule: 'isDateTime' }], country: [{ rule: 'isCountry' }] },
    );
    renderInApp(<TwoFields error={error} />, { language: 'zh-Hant' });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(document.activeElement?.id).toBe('startsAt'));
    expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toEqual([
      '請選擇日期和時間。',
      '請選擇國家或地區。',
    ]);
    expect(screen.getByLabelText('Country').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Name').getAttribute('aria-invalid')).toBeNull();
  });
});

describe('an error shown whole', () => {
  it('says what is wrong with each field, in the reader’s language', () => {
    const error = invalid(
      { message: ['must be shorter than or equal to 2000 characters'] },
      { message: [{ rule: 'maxLength', params: { max: 2000 } }] },
    );
    renderInApp(<ErrorBox error={error} />, { language: 'zh-Hant' });
    expect(screen.getByRole('alert').textContent).toBe('須為 2,000 個字元或以下。');
  });
});
