import { ApiError } from '../../api/client';
import { useLocale } from '../../i18n/locale';

/**
 * The service explains in English; the console speaks the user's language. These turn the service's
 * stable codes into our words, and keep the service's text where we have none (and in English).
 */
export function useWords() {
  const { t, has, locale } = useLocale();
  const column = (field: string | null) => (field ? (has(`column.${field}`) ? t(`column.${field}`) : field) : '—');
  const fact = (name: string | undefined) => (name ? (has(`fact.${name}`) ? t(`fact.${name}`) : name) : '—');
  const rowProblem = (code: string, message: string) =>
    locale === 'en-US' ? message : has(`rowError.${code}`) ? t(`rowError.${code}`) : t('rowError.other', { code });
  const problem = (e: unknown) => {
    if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
    const { code, status, detail } = e.problem;
    if (code && has(`problem.${code}`)) return t(`problem.${code}`);
    return locale === 'en-US' && detail ? detail : t('problem.generic', { status });
  };
  const problemOf = (p: { status: number; code?: string; detail?: string }) => problem(new ApiError(p));
  return { column, fact, rowProblem, problem, problemOf };
}

/** A rule's operand as people read it: arrays joined, booleans in words. */
export function operand(value: unknown, t: (key: string) => string): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.map((v) => operand(v, t)).join(' – ');
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
  return String(value);
}

/** The service's ">= 3", "between 10 and 5000", "in [A, B]", "is true" with signs, and in Chinese words for zh-CN. */
export function expectedText(expected: unknown, locale: string): string {
  if (typeof expected !== 'string') return String(expected ?? '—');
  const signs = expected.replace(/^>=/, '≥').replace(/^<=/, '≤').replace(/^!=/, '≠').replace(/^==/, '=');
  if (locale !== 'zh-CN') return signs;
  return signs
    .replace(/^between (.+) and (.+)$/, '$1 至 $2')
    .replace(/^not ?in /i, '不属于 ')
    .replace(/^in /, '属于 ')
    .replace(/^is ?true$/i, '是')
    .replace(/^is ?false$/i, '否')
    .replace(/^present$/i, '须存在');
}
