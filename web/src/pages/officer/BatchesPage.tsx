import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { useMe } from '../../auth/auth';
import { useT } from '../../i18n/locale';
import type { BatchSummary } from '../../api/types';
import { BatchDrawer } from './BatchDrawer';
import { formatMoney, formatTime, ProblemAlert, tone, StaffPage } from './ui';

export function BatchStatusTag({ status }: { status: string }) {
  const t = useT();
  const color: Record<string, string> = {
    DRAFT: 'default',
    APPROVED: 'blue',
    EXECUTING: 'cyan',
    COMPLETED: 'green',
    PARTIALLY_FAILED: 'orange',
    FAILED: 'red',
  };
  return <Tag color={tone(color[status])}>{t(`officer.batch.status.${status}`)}</Tag>;
}

export function useProgrammes() {
  return useQuery({
    queryKey: ['programmes'],
    queryFn: () => ok(api.GET('/programmes', { params: { query: { page: 1, pageSize: 500 } } })),
  });
}

export default function BatchesPage() {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const [programmeId, setProgrammeId] = useState<string>();
  const [openId, setOpenId] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const programmes = useProgrammes();
  // newest first (the API's order)
  const batches = useQuery({
    queryKey: ['officer', 'batches', page],
    queryFn: () => ok(api.GET('/disbursement-batches', { params: { query: { page, pageSize: 20 } } })),
  });
  const create = useMutation({
    mutationFn: () => ok(api.POST('/disbursement-batches', { body: { programmeId: programmeId! } })),
    onSuccess: async (batch) => {
      setPage(1);
      await queryClient.invalidateQueries({ queryKey: ['officer', 'batches'] });
      setOpenId(batch.id);
    },
  });
  const programmeName = (id: string) => programmes.data?.items.find((p) => p.id === id)?.name ?? id;

  const columns: TableColumnsType<BatchSummary> = [
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
    { title: t('common.programme'), dataIndex: 'programmeId', ellipsis: true, render: (v: string) => programmeName(v) },
    { title: t('common.status'), dataIndex: 'status', width: 120, render: (v: string) => <BatchStatusTag status={v} /> },
    { title: t('officer.batch.items'), key: 'items', width: 90, align: 'right', render: (_, b) => b.counts.items },
    { title: t('officer.batch.amount'), key: 'amount', width: 150, align: 'right', render: (_, b) => formatMoney(b.totals.amount) },
    { title: t('officer.batch.maker'), dataIndex: 'createdBy', width: 140, ellipsis: true },
    { title: t('officer.batch.checker'), dataIndex: 'approvedBy', width: 140, ellipsis: true, render: (v: string | null) => v ?? '—' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, b) => (
        <Button
          autoInsertSpace={false}
          size="small"
          onClick={() => setOpenId(b.id)}
          aria-label={`${t('common.details')} ${programmeName(b.programmeId)} ${formatTime(b.createdAt)}`}
        >
          {t('common.details')}
        </Button>
      ),
    },
  ];

  return (
    <StaffPage>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {t('officer.batch.title')}
          </Typography.Title>
          <Space wrap>
            {me.role === 'OFFICER' && (
              <>
                <Select
                  aria-label={t('common.programme')}
                  placeholder={t('common.programme')}
                  style={{ width: 240 }}
                  value={programmeId}
                  onChange={setProgrammeId}
                  options={programmes.data?.items.map((p) => ({ value: p.id, label: p.name }))}
                />
                <Button
                  type="primary"
                  icon={<PlusOutlined />}
                  disabled={!programmeId}
                  loading={create.isPending}
                  onClick={() => create.mutate()}
                >
                  {t('officer.batch.create')}
                </Button>
              </>
            )}
            <Button icon={<ReloadOutlined />} onClick={() => void batches.refetch()}>
              {t('common.refresh')}
            </Button>
          </Space>
        </Space>
        <ProblemAlert error={create.error ?? batches.error} onClose={create.error ? () => create.reset() : undefined} />
        <Table<BatchSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={batches.data?.items}
          loading={batches.isPending}
          pagination={{
            current: page,
            pageSize: 20,
            total: batches.data?.total,
            onChange: setPage,
            showSizeChanger: false,
            hideOnSinglePage: true,
          }}
          scroll={{ x: 1000 }}
        />
        <BatchDrawer id={openId} onClose={() => setOpenId(null)} />
      </Card>
    </StaffPage>
  );
}
