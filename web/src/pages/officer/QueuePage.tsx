import { ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { api, ok } from '../../api/client';
import { useT } from '../../i18n/locale';
import type { LoanApplication, LoanStatus } from '../../api/types';
import { LoanDrawer } from './LoanDrawer';
import { formatMoney, formatTime, ProblemAlert, tone, StaffPage } from './ui';

/** The two states an officer acts on: a first decision, and the four-eyes second approval. */
const QUEUE_STATUSES: LoanStatus[] = ['PENDING_REVIEW', 'PENDING_SECOND_APPROVAL'];

/** The oldest 500 of each status (the API's largest page), and how many wait in all. */
async function fetchQueue(): Promise<{ items: LoanApplication[]; total: number }> {
  const pages = await Promise.all(
    QUEUE_STATUSES.map((status) => ok(api.GET('/loan-applications', { params: { query: { status, page: 1, pageSize: 500 } } }))),
  );
  // each list comes oldest first; merged, the queue stays oldest first
  const items = pages.flatMap((p) => p.items).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return { items, total: pages.reduce((n, p) => n + p.total, 0) };
}

export function StatusTag({ status }: { status: string }) {
  const t = useT();
  const color: Record<string, string> = {
    PENDING_REVIEW: 'blue',
    PENDING_SECOND_APPROVAL: 'purple',
    APPROVED: 'green',
    REJECTED: 'red',
    DISBURSED: 'cyan',
  };
  return <Tag color={tone(color[status])}>{t(`officer.loan.status.${status}`)}</Tag>;
}

export default function QueuePage() {
  const t = useT();
  const [openId, setOpenId] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const queue = useQuery({ queryKey: ['officer', 'queue'], queryFn: fetchQueue });
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    const items = queue.data?.items;
    return q && items
      ? items.filter((r) => `${r.supplier?.name ?? ''} ${r.supplier?.supplierCode ?? ''}`.toLowerCase().includes(q))
      : items;
  }, [queue.data, filter]);

  const columns = useMemo<TableColumnsType<LoanApplication>>(
    () => [
      { title: t('officer.queue.submittedAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
      {
        title: t('officer.queue.supplier'),
        key: 'supplier',
        width: 240,
        ellipsis: true,
        render: (_, r) => (r.supplier ? `${r.supplier.name} (${r.supplier.supplierCode})` : r.supplierId),
      },
      { title: t('officer.queue.amount'), dataIndex: 'amount', width: 140, align: 'right', render: (v: string) => formatMoney(v) },
      { title: t('officer.queue.termDays'), dataIndex: 'termDays', width: 90, align: 'right' },
      { title: t('common.status'), dataIndex: 'status', width: 150, render: (v: string) => <StatusTag status={v} /> },
      {
        title: t('officer.queue.firstApproval'),
        key: 'first',
        width: 160,
        render: (_, r) => r.firstApproval?.by ?? '—',
      },
      {
        title: t('common.actions'),
        key: 'actions',
        width: 100,
        render: (_, r) => (
          <Button
            autoInsertSpace={false}
            size="small"
            onClick={() => setOpenId(r.id)}
            aria-label={`${t('common.details')} ${r.supplier?.name ?? r.id}`}
          >
            {t('common.details')}
          </Button>
        ),
      },
    ],
    [t],
  );

  return (
    <StaffPage>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {t('officer.queue.title')}
          </Typography.Title>
          <Space>
            <Input.Search
              allowClear
              aria-label={t('officer.queue.filter')}
              placeholder={t('officer.queue.filter')}
              value={filter}
              onChange={(e) => setFilter(e.target.value)}
              style={{ width: 240 }}
            />
            <Typography.Text>{t('common.total', { total: queue.data?.total ?? 0 })}</Typography.Text>
            <Button icon={<ReloadOutlined />} onClick={() => void queue.refetch()}>
              {t('common.refresh')}
            </Button>
          </Space>
        </Space>
        <ProblemAlert error={queue.error} />
        {queue.data && queue.data.total > queue.data.items.length && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('officer.queue.oldestShown', { shown: queue.data.items.length })}
          />
        )}
        <Table<LoanApplication>
          virtual
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={shown}
          loading={queue.isPending}
          pagination={false}
          scroll={{ x: 1050, y: 460 }}
          onRow={(r) => ({ onDoubleClick: () => setOpenId(r.id) })}
        />
        <LoanDrawer id={openId} onClose={() => setOpenId(null)} />
      </Card>
    </StaffPage>
  );
}
