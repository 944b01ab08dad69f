import { useQuery } from '@tanstack/react-query';
import { Button, Card, Form, Input, Space, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { useT } from '../../i18n/locale';
import type { AuditEvent } from '../../api/types';
import { formatTime, ProblemAlert, StaffPage } from '../officer/ui';

interface Filters {
  entityType?: string;
  entityId?: string;
  action?: string;
}

const json = (v: unknown) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

/** Who did what, when, with the record before and after: read-only, for auditors and administrators. */
export default function AuditPage() {
  const t = useT();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const events = useQuery({
    queryKey: ['audit', filters, page],
    queryFn: () => ok(api.GET('/audit-events', { params: { query: { ...filters, page, pageSize: 50 } } })),
  });

  const columns: TableColumnsType<AuditEvent> = [
    { title: t('audit.occurredAt'), dataIndex: 'occurredAt', width: 170, render: (v: string) => formatTime(v) },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 200,
      ellipsis: true,
      render: (_, e) => `${e.actor.name ?? e.actor.kind}${e.actor.role ? ` (${t(`role.${e.actor.role}`)})` : ''}`,
    },
    { title: t('audit.action'), dataIndex: 'action', width: 240, ellipsis: true },
    { title: t('audit.entityType'), dataIndex: 'entityType', width: 160, ellipsis: true },
    { title: t('audit.entityId'), dataIndex: 'entityId', ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <StaffPage>
      <Card>
        <Typography.Title level={2} style={{ fontSize: 20 }}>
          {t('audit.title')}
        </Typography.Title>
        <Form<Filters>
          layout="inline"
          onFinish={(v) => {
            setPage(1);
            setFilters(Object.fromEntries(Object.entries(v).filter(([, x]) => typeof x === 'string' && x.trim() !== '')) as Filters);
          }}
          style={{ marginBottom: 12, rowGap: 8 }}
        >
          <Form.Item name="entityType" label={t('audit.entityType')}>
            <Input allowClear style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="entityId" label={t('audit.entityId')}>
            <Input allowClear style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="action" label={t('audit.action')}>
            <Input allowClear style={{ width: 200 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('common.search')}
          </Button>
        </Form>
        <ProblemAlert error={events.error} />
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Table<AuditEvent>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={events.data?.items}
            loading={events.isPending}
            scroll={{ x: 1000 }}
            expandable={{
              expandedRowRender: (e) => (
                <Space align="start" wrap>
                  <div>
                    <Typography.Text strong>{t('audit.before')}</Typography.Text>
                    <pre style={{ maxWidth: 480, maxHeight: 240, overflow: 'auto', margin: 0 }}>{json(e.before)}</pre>
                  </div>
                  <div>
                    <Typography.Text strong>{t('audit.after')}</Typography.Text>
                    <pre style={{ maxWidth: 480, maxHeight: 240, overflow: 'auto', margin: 0 }}>{json(e.after)}</pre>
                  </div>
                </Space>
              ),
            }}
            pagination={{
              current: page,
              pageSize: 50,
              total: events.data?.total,
              onChange: setPage,
              showSizeChanger: false,
              showTotal: (total) => t('common.total', { total }),
            }}
          />
        </Space>
      </Card>
    </StaffPage>
  );
}
