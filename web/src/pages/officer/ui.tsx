import { Alert } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../../api/client';
import { useT } from '../../i18n/locale';

/** A decimal string with thousands separators, never through a float (money stays exact). */
export function formatMoney(value: string | null | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  const [whole, fraction] = value.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

export const formatTime = (iso: string | null | undefined) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm:ss') : '—');

/** The service's problem (RFC 9457) as the user should read it: its detail, and its stable code. */
export function ProblemAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const t = useT();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const fields = problem?.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      closable={!!onClose}
      onClose={onClose}
      style={{ marginBottom: 12 }}
      title={problem?.title ?? t('app.error')}
      description={
        <>
          {problem?.detail ?? (error instanceof Error ? error.message : String(error))}
          {fields ? ` (${fields})` : ''}
          {problem?.code ? <code style={{ marginInlineStart: 8 }}>{problem.code}</code> : null}
        </>
      }
    />
  );
}
