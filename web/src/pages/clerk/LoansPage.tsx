import { useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { usePaging } from '../../lib/paging';
import { useT } from '../../i18n/locale';
import { formatMoney } from '../../lib/money';
import { CoreEnterpriseScope, useCoreEnterpriseId, useProgrammes } from './core-enterprise';
import type { LoanApplication } from '../../api/types';

export const LOAN_STATUSES = [
  'PENDING_REVIEW',
  'PENDING_SECOND_APPROVAL',
  'APPROVED',
  'DISBURSING',
  'DISBURSED',
  'REPAID',
  'REJECTED',
  'REJECTED_INELIGIBLE',
  'CANCELLED',
] as const satisfies readonly LoanApplication['status'][];
type LoanStatus = (typeof LOAN_STATUSES)[number];

const STATUS_COLOR: Record<string, string> = {
  PENDING_REVIEW: 'processing',
  PENDING_SECOND_APPROVAL: 'processing',
  APPROVED: 'cyan',
  DISBURSING: 'blue',
  DISBURSED: 'success',
  REPAID: 'default',
  REJECTED: 'error',
  REJECTED_INELIGIBLE: 'error',
  CANCELLED: 'default',
};

export function LoanStatusTag({ status }: { status: string }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{t(`status.${status}`)}</Tag>;
}

/** The core enterprise's applications and loans, oldest first, by status and programme. */
export default function LoansPage() {
  const t = useT();
  const ce = useCoreEnterpriseId();
  const [params] = useSearchParams();
  const programmes = useProgrammes(ce);
  const [status, setStatus] = useState<LoanStatus>();
  const [programmeId, setProgrammeId] = useState<string>();
  const { page, setPage, pagination } = usePaging();
  const list = useQuery({
    queryKey: ['loan-applications', ce, status, programmeId, page],
    enabled: !!ce,
    queryFn: () => ok(api.GET('/loan-applications', { params: { query: { coreEnterpriseId: ce!, status, programmeId, ...page } } })),
  });
  const ceParam = params.get('ce');

  return (
    <CoreEnterpriseScope title={t('loans.title')}>
      {() => (
        <Card>
          <Space style={{ marginBottom: 12 }} wrap>
            <Select
              aria-label={t('common.status')}
              allowClear
              placeholder={t('common.status')}
              style={{ width: 160 }}
              value={status}
              onChange={(s) => {
                setStatus(s);
                setPage({ ...page, page: 1 });
              }}
              options={LOAN_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
            />
            <Select
              aria-label={t('common.programme')}
              allowClear
              placeholder={t('common.programme')}
              style={{ width: 220 }}
              value={programmeId}
              onChange={(p) => {
                setProgrammeId(p);
                setPage({ ...page, page: 1 });
              }}
              options={programmes.data?.items.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Space>
          <Table<LoanApplication>
            size="small"
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data?.items}
            pagination={pagination(list.data?.total)}
            columns={[
              {
                title: t('loans.submittedAt'),
                dataIndex: 'createdAt',
                render: (d: string, l) => (
                  <Link to={`/clerk/applications/${l.id}${ceParam ? `?ce=${ceParam}` : ''}`}>{new Date(d).toLocaleString()}</Link>
                ),
              },
              { title: t('counterparties.code'), key: 'code', render: (_, l) => l.supplier?.supplierCode },
              { title: t('loans.supplier'), key: 'supplier', render: (_, l) => l.supplier?.name },
              { title: t('loans.amount'), dataIndex: 'amount', align: 'right', render: formatMoney },
              { title: t('loans.termDays'), dataIndex: 'termDays', align: 'right' },
              { title: t('common.status'), dataIndex: 'status', render: (s: string) => <LoanStatusTag status={s} /> },
            ]}
          />
        </Card>
      )}
    </CoreEnterpriseScope>
  );
}
