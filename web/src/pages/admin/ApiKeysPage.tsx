import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { useT } from '../../i18n/locale';
import type { ApiKeyView } from '../../api/types';
import { formatTime, ProblemAlert, tone, StaffPage, invalidForm } from '../officer/ui';

/** A core enterprise's API keys: a new key is shown once, in full, and never again. */
export default function ApiKeysPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [ceId, setCeId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const enterprises = useQuery({
    queryKey: ['core-enterprises'],
    queryFn: () => ok(api.GET('/core-enterprises', { params: { query: { page: 1, pageSize: 500 } } })),
  });
  const keys = useQuery({
    queryKey: ['admin', 'api-keys', ceId],
    enabled: !!ceId,
    queryFn: () => ok(api.GET('/core-enterprises/{id}/api-keys', { params: { path: { id: ceId! } } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['admin', 'api-keys'] });
  const create = useMutation({
    mutationFn: (name: string) => ok(api.POST('/core-enterprises/{id}/api-keys', { params: { path: { id: ceId! } }, body: { name } })),
    onSuccess: async (created) => {
      setCreating(false);
      form.resetFields();
      setShown(created.key);
      await refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: (keyId: string) => ok(api.DELETE('/core-enterprises/{id}/api-keys/{keyId}', { params: { path: { id: ceId!, keyId } } })),
    onSuccess: refresh,
  });

  const columns: TableColumnsType<ApiKeyView> = [
    { title: t('admin.key.name'), dataIndex: 'name', ellipsis: true },
    { title: t('admin.key.prefix'), dataIndex: 'keyPrefix', width: 160, render: (v: string) => <code>{v}…</code> },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
    {
      title: t('common.status'),
      dataIndex: 'revokedAt',
      width: 180,
      render: (v: string | null) =>
        v ? (
          <Tag color={tone('red')}>{`${t('admin.key.revoked')} ${formatTime(v)}`}</Tag>
        ) : (
          <Tag color={tone('green')}>{t('admin.key.active')}</Tag>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, k) =>
        !k.revokedAt && (
          <Popconfirm title={t('admin.key.revokeConfirm')} onConfirm={() => revoke.mutate(k.id)}>
            <Button autoInsertSpace={false} size="small" danger aria-label={`${t('admin.key.revoke')} ${k.name}`}>
              {t('admin.key.revoke')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <StaffPage>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }} wrap>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {t('admin.apiKeys')}
          </Typography.Title>
          <Space wrap>
            <Select
              aria-label={t('admin.user.coreEnterprise')}
              placeholder={t('admin.user.coreEnterprise')}
              style={{ width: 260 }}
              value={ceId}
              onChange={setCeId}
              options={enterprises.data?.items.map((c) => ({ value: c.id, label: c.name }))}
            />
            <Button type="primary" icon={<PlusOutlined />} disabled={!ceId} onClick={() => setCreating(true)}>
              {t('admin.key.create')}
            </Button>
          </Space>
        </Space>
        <ProblemAlert error={keys.error ?? revoke.error} onClose={revoke.error ? () => revoke.reset() : undefined} />
        {shown && (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setShown(null)}
            style={{ marginBottom: 12 }}
            title={t('admin.key.shownOnce')}
            description={
              <Typography.Text copyable code>
                {shown}
              </Typography.Text>
            }
          />
        )}
        <Table<ApiKeyView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={keys.data}
          loading={!!ceId && keys.isPending}
          pagination={false}
        />
        <Modal
          open={creating}
          title={t('admin.key.create')}
          onCancel={() => setCreating(false)}
          okButtonProps={{ loading: create.isPending }}
          onOk={() => void form.validateFields().then((v) => create.mutate(v.name), invalidForm)}
          destroyOnHidden
        >
          <ProblemAlert error={create.error} />
          <Form form={form} layout="vertical">
            <Form.Item name="name" label={t('admin.key.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Form>
        </Modal>
      </Card>
    </StaffPage>
  );
}
