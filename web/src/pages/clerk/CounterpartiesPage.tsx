import { useQuery } from '@tanstack/react-query';
import { Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { usePaging } from '../../lib/paging';
import { useT } from '../../i18n/locale';
import { CoreEnterpriseScope, useCoreEnterpriseId } from './core-enterprise';
import type { Counterparty } from '../../api/types';

/** The core enterprise's suppliers and dealers, searchable by code or name; identifiers as the service masks them. */
export default function CounterpartiesPage() {
  const t = useT();
  const ce = useCoreEnterpriseId();
  const [params] = useSearchParams();
  const [role, setRole] = useState<'SUPPLIER' | 'DEALER'>('SUPPLIER');
  const [q, setQ] = useState('');
  const { page, setPage, pagination } = usePaging();
  const list = useQuery({
    queryKey: ['counterparties', ce, role, q, page],
    enabled: !!ce,
    queryFn: () =>
      ok(api.GET('/core-enterprises/{id}/counterparties', { params: { path: { id: ce! }, query: { role, q: q || undefined, ...page } } })),
  });
  const ceParam = params.get('ce');
  const detail = (id: string) => `/clerk/counterparties/${id}${ceParam ? `?ce=${ceParam}` : ''}`;

  return (
    <CoreEnterpriseScope title={t('counterparties.title')}>
      {() => (
        <Card>
          <Space style={{ marginBottom: 12 }} wrap>
            <Select
              aria-label={t('rosters.role')}
              value={role}
              onChange={(r) => {
                setRole(r);
                setPage({ ...page, page: 1 });
              }}
              style={{ width: 120 }}
              options={[
                { value: 'SUPPLIER', label: t('rosters.role.SUPPLIER') },
                { value: 'DEALER', label: t('rosters.role.DEALER') },
              ]}
            />
            <Input.Search
              aria-label={t('counterparties.search')}
              placeholder={t('counterparties.search')}
              allowClear
              enterButton={t('common.search')}
              style={{ width: 360 }}
              onSearch={(value) => {
                setQ(value.trim());
                setPage({ ...page, page: 1 });
              }}
            />
            <Typography.Text type="secondary">{t('counterparties.masked')}</Typography.Text>
          </Space>
          <Table<Counterparty>
            size="small"
            rowKey="id"
            loading={list.isPending}
            dataSource={list.data?.items}
            scroll={{ x: 1100 }}
            pagination={pagination(list.data?.total)}
            columns={[
              { title: t('counterparties.code'), dataIndex: 'code', render: (code: string, c) => <Link to={detail(c.id)}>{code}</Link> },
              { title: t('counterparties.name'), dataIndex: 'name' },
              { title: t('counterparties.type'), dataIndex: 'counterpartyType', render: (v: string) => t(`type.${v}`) },
              { title: t('counterparties.idNumber'), dataIndex: 'idNumber' },
              { title: t('counterparties.phone'), dataIndex: 'phone' },
              { title: t('counterparties.bankAccount'), dataIndex: 'bankAccount' },
              { title: t('counterparties.province'), dataIndex: 'province' },
              {
                title: t('counterparties.blacklisted'),
                dataIndex: 'blacklisted',
                render: (b: boolean) => (b ? <Tag color="error">{t('counterparties.blacklisted')}</Tag> : null),
              },
            ]}
          />
        </Card>
      )}
    </CoreEnterpriseScope>
  );
}
