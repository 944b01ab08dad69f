import { Alert, ConfigProvider, Form, Input } from 'antd';
import type { ReactNode } from 'react';
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

/**
 * Tag colours dark enough for white text to meet WCAG AA (4.5:1): Ant Design's preset tag colours
 * (green text on pale green...) fall short, and the browser tests run axe-core on every page.
 */
const TONES: Record<string, string> = {
  green: '#237804',
  red: '#a8071a',
  blue: '#0958d9',
  purple: '#531dab',
  cyan: '#006d75',
  orange: '#ad4e00',
  default: '#595959',
};
export const tone = (name: string | undefined): string => TONES[name ?? 'default'] ?? TONES.default;

/**
 * Danger buttons in a red, and a select's placeholder in a grey, dark enough for AA contrast (Ant
 * Design's #ff4d4f is 3.3:1 on white, its placeholder 25% black); the rest of the theme is inherited.
 */
export function StaffPage({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider theme={{ token: { colorError: '#c41d1f', colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)' } }}>{children}</ConfigProvider>
  );
}

/** What a refused form validation leads to: nothing more, the form shows its own messages (and no rejection goes unhandled). */
export const invalidForm = (): void => undefined;

/** The reason a refusal or a blacklisting must give: required, not blank, at most 500 characters. */
export function ReasonField() {
  const t = useT();
  return (
    <Form.Item
      name="reason"
      label={t('officer.loan.reason')}
      rules={[{ required: true, whitespace: true, message: t('officer.loan.reasonRequired') }]}
    >
      <Input.TextArea rows={3} maxLength={500} />
    </Form.Item>
  );
}
