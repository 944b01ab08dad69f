import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useMe } from '../../auth/auth';
import { useT } from '../../i18n/locale';
import type { Programme } from '../../api/types';
import { useProgrammes } from '../officer/BatchesPage';
import { formatMoney, ProblemAlert, tone, StaffPage } from '../officer/ui';
import { ProgrammeEditor } from './ProgrammeEditor';

export default function ProgrammesPage() {
  const t = useT();
  const me = useMe();
  const programmes = useProgrammes();
  const [editing, setEditing] = useState<Programme | null>(null);
  const [open, setOpen] = useState(false);
  const isAdmin = me.role === 'ADMIN';

  const columns: TableColumnsType<Programme> = [
    { title: t('admin.programme.name'), dataIndex: 'name', ellipsis: true },
    {
      title: t('admin.programme.productType'),
      dataIndex: 'productType',
      width: 180,
      render: (v: string) => (t(`admin.product.${v}`) === `admin.product.${v}` ? v : t(`admin.product.${v}`)),
    },
    {
      title: t('admin.programme.programmeCap'),
      dataIndex: 'programmeCap',
      width: 160,
      align: 'right',
      render: (v: string) => formatMoney(v),
    },
    {
      title: t('admin.programme.fourEyesThreshold'),
      dataIndex: 'fourEyesThreshold',
      width: 150,
      align: 'right',
      render: (v: string) => formatMoney(v),
    },
    { title: t('admin.programme.rulesetVersion'), dataIndex: 'rulesetVersion', width: 100, align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'active',
      width: 90,
      render: (v: boolean) => <Tag color={tone(v ? 'green' : 'default')}>{v ? t('admin.active') : t('admin.inactive')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, p) =>
        isAdmin && (
          <Button
            autoInsertSpace={false}
            size="small"
            aria-label={`${t('admin.edit')} ${p.name}`}
            onClick={() => {
              setEditing(p);
              setOpen(true);
            }}
          >
            {t('admin.edit')}
          </Button>
        ),
    },
  ];

  return (
    <StaffPage>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {t('admin.programmes')}
          </Typography.Title>
          {isAdmin && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null);
                setOpen(true);
              }}
            >
              {t('admin.programme.create')}
            </Button>
          )}
        </Space>
        <ProblemAlert error={programmes.error} />
        <Table<Programme>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={programmes.data?.items}
          loading={programmes.isPending}
          pagination={false}
          scroll={{ x: 1000 }}
        />
        {open && <ProgrammeEditor key={editing?.id ?? 'new'} programme={editing} onClose={() => setOpen(false)} />}
      </Card>
    </StaffPage>
  );
}
