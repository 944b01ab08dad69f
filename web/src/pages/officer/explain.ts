import type { Translate } from '../../i18n/locale';
import type { Locale } from '../../i18n/messages';
import type { RuleResult } from '../../api/types';

const value = (v: unknown, t: Translate): string =>
  v === null || v === undefined
    ? '—'
    : typeof v === 'boolean'
      ? t(v ? 'common.yes' : 'common.no')
      : typeof v === 'object'
        ? JSON.stringify(v)
        : String(v);

/** A fact's name in the user's language; an attribute of a roster schema goes by its key. */
function factLabel(fact: string, t: Translate): string {
  const key = `admin.fact.${fact}`;
  const label = t(key);
  return label === key ? fact : label;
}

/**
 * The requirement in the user's language. The service words it in English (`between 10 and 5000`,
 * `in [A, B]`, `>= 3`): zh-CN rewrites those forms and keeps anything else as it came.
 */
export function expectedText(r: RuleResult, locale: Locale): string {
  if (locale === 'en-US') return r.expected;
  const e = r.expected;
  let m: RegExpMatchArray | null;
  if ((m = e.match(/^between (.+) and (.+)$/))) return `介于 ${m[1]} 与 ${m[2]} 之间`;
  if ((m = e.match(/^not in (.+)$/))) return `不属于 ${m[1]}`;
  if ((m = e.match(/^in (.+)$/))) return `属于 ${m[1]}`;
  if (e === 'is true') return '为是';
  if (e === 'is false') return '为否';
  if ((m = e.match(/^(>=|<=|==|!=|>|<) (.+)$/))) {
    const symbol: Record<string, string> = { '>=': '≥', '<=': '≤', '==': '=', '!=': '≠', '>': '>', '<': '<' };
    return `${symbol[m[1]]} ${m[2]}`;
  }
  return e;
}

/** The rule's explanation: the service's own in English, composed from the same figures in Chinese. */
export function explanation(r: RuleResult, locale: Locale, t: Translate): string {
  if (locale === 'en-US') return r.message;
  const label = factLabel(r.fact, t);
  if (r.actual === null || r.actual === undefined) return t('officer.explain.missing', { fact: label });
  return t(r.passed ? 'officer.explain.meets' : 'officer.explain.fails', {
    fact: label,
    actual: value(r.actual, t),
    expected: expectedText(r, locale),
  });
}

export const actualText = value;
