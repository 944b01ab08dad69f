import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Table, Tag } from 'antd';
import { useLocale } from '../../i18n/locale';
import type { RuleResult } from '../../api/types';
import { expectedText, operand, useWords } from './words';

/** Every rule of a screening with its outcome: what the supplier has, what the rule asks, passed or not. */
export function RuleTable({ results }: { results: RuleResult[] }) {
  const { t, locale } = useLocale();
  const words = useWords();
  return (
    <Table<RuleResult>
      size="small"
      rowKey="rule"
      pagination={false}
      dataSource={results}
      columns={[
        { title: t('eligibility.rule'), dataIndex: 'rule' },
        { title: t('eligibility.fact'), dataIndex: 'fact', render: (f: string | undefined) => words.fact(f) },
        { title: t('eligibility.actual'), dataIndex: 'actual', render: (v: unknown) => operand(v, t) },
        { title: t('eligibility.expected'), dataIndex: 'expected', render: (v: unknown) => expectedText(v, locale) },
        {
          title: t('eligibility.result'),
          dataIndex: 'passed',
          render: (passed: boolean) =>
            passed ? (
              <Tag color="success" icon={<CheckCircleFilled />}>
                {t('eligibility.passed')}
              </Tag>
            ) : (
              <Tag color="error" icon={<CloseCircleFilled />}>
                {t('eligibility.failed')}
              </Tag>
            ),
        },
        ...(locale === 'en-US' ? [{ title: t('eligibility.reason'), dataIndex: 'message' }] : []),
      ]}
    />
  );
}
