import type { WireFieldRule } from '../../src/common/field-rules.wire';
import { FIELD_RULES } from '../../src/common/field-rules.wire';
import { ApiError } from './api';
import type { I18n, MessageKey } from './i18n';
import { countryName, listOf } from './names';

const KNOWN_RULES: ReadonlySet<string> = new Set(FIELD_RULES);

/** How a form words the API's refusals of its fields, beyond the rules' own words. */
export interface FieldWordsOptions {
  /** A field's own sentence, said instead of its rules' words (`email`: "Give an email address"). */
  overrides?: Partial<Record<string, MessageKey>>;
  /** The label of a nested field (`weights.sector` → "Sector"), said before its words. */
  nestedLabel?: (path: string) => string | undefined;
}

type Words = Pick<I18n, 't' | 'language' | 'date' | 'dateTime'>;

/**
 * One rule a field broke (`{rule: 'maxLength', params: {max: 2000}}`) as a sentence in the
 * reader's language ("Must be 2,000 characters or fewer."); null for `invalid` or a rule this app
 * does not know yet, whose English message is shown instead.
 */
export function ruleWords(
  rule: WireFieldRule,
  { t, language, date, dateTime }: Words,
): string | null {
  if (!KNOWN_RULES.has(rule.rule) || rule.rule === 'invalid') return null;
  const params = rule.params ?? {};
  const number = (name: string) => Number(params[name] ?? 0);
  const list = (name: string) => {
    const values = params[name];
    return listOf(Array.isArray(values) ? values : [], language);
  };
  switch (rule.rule) {
    case 'min':
    case 'minLength':
    case 'arrayMinSize':
      return t(`rule.${rule.rule}`, { min: number('min') });
    case 'max':
    case 'maxLength':
    case 'arrayMaxSize':
      return t(`rule.${rule.rule}`, { max: number('max') });
    case 'length':
      return t('rule.length', { min: number('min'), max: number('max') });
    case 'yearRange':
      return t('rule.yearRange', { first: String(params.min), last: String(params.max) });
    case 'withinDates':
      return t('rule.withinDates', {
        first: date(String(params.first)),
        last: date(String(params.last)),
      });
    case 'withinSession':
      return t('rule.withinSession', {
        first: dateTime(String(params.first)),
        last: dateTime(String(params.last)),
      });
    case 'range':
      return t('rule.range', { min: number('min'), max: number('max') });
    case 'followUpMonths':
      return t('rule.followUpMonths', {
        min: number('min'),
        max: number('max'),
        count: number('count'),
      });
    case 'maxBytes':
      return t('rule.maxBytes', { max: number('max') });
    case 'sessionSlot':
      return t('rule.sessionSlot', { count: number('max') - number('min') + 1 });
    case 'unknownColumns':
    case 'missingColumns':
      return t(`rule.${rule.rule}`, { values: list('values') });
    case 'withinDays':
      return t('rule.withinDays', { days: number('days') });
    case 'sidesApart': {
      const codes = Array.isArray(params.values) ? params.values : [];
      return t('rule.sidesApart', {
        values: listOf(
          codes.map((code) => countryName(code, language)),
          language,
        ),
      });
    }
    default:
      return t(`rule.${rule.rule}`);
  }
}

/** The field of a path: `availability[0].from` and `weights.sector` are parts of their root. */
function rootOf(path: string): string {
  return /^[^.[]+/.exec(path)?.[0] ?? path;
}

/**
 * The API's refusal of a form's fields by field (a nested path under its root, as the form shows
 * it), each a sentence in the reader's language: the field's own sentence if the form has one,
 * else the words of the rules it broke (`rules` of the 400), else the server's English message.
 * Every field the API named is there, so that a form shows all its errors at once.
 */
export function fieldErrors(
  error: unknown,
  i18n: Words,
  { overrides = {}, nestedLabel }: FieldWordsOptions = {},
): Record<string, string[]> {
  if (!(error instanceof ApiError)) return {};
  const byField: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(error.fields)) {
    const root = rootOf(path);
    const nested = path !== root;
    const override = overrides[root];
    const worded = (error.rules[path] ?? []).map((rule) => ruleWords(rule, i18n));
    let said: string[];
    if (override) said = [i18n.t(override)];
    else if (worded.length > 0 && worded.every((words) => words !== null)) {
      const label = nested ? nestedLabel?.(path) : undefined;
      said = worded.map((words) => (label ? `${label}: ${words}` : words));
    } else said = messages.map((message) => (nested ? `${path}: ${message}` : message));
    byField[root] = [...new Set([...(byField[root] ?? []), ...said])];
  }
  return byField;
}
