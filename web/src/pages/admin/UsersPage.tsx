import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { ROLES } from '../../auth/roles';
import { useT } from '../../i18n/locale';
import type { UserView } from '../../api/types';
import { formatTime, ProblemAlert, tone, StaffPage, invalidForm } from '../officer/ui';

type Dialog = { kind: 'create' } | { kind: 'disable' | 'password'; user: UserView } | null;

export default function UsersPage() {
  const t = useT();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [form] = Form.useForm();
  const users = useQuery({
    queryKey: ['admin', 'users', page],
    queryFn: () => ok(api.GET('/users', { params: { query: { page, pageSize: 50 } } })),
  });
  const enterprises = useQuery({
    queryKey: ['core-enterprises'],
    queryFn: () => ok(api.GET('/core-enterprises', { params: { query: { page: 1, pageSize: 500 } } })),
  });
  const done = async () => {
    setDialog(null);
    form.resetFields();
    await queryClient.invalidateQueries({ queryKey: ['admin', 'users'] });
  };
  const act = useMutation({
    mutationFn: async (v: Record<string, string>) => {
      if (dialog?.kind === 'create') {
        const { username, password, role, coreEnterpriseId } = v;
        return ok(api.POST('/users', { body: { username, password, role: role as UserView['role'], coreEnterpriseId } }));
      }
      if (dialog?.kind === 'disable')
        return ok(api.POST('/users/{id}/disable', { params: { path: { id: dialog.user.id } }, body: { reason: v.reason } }));
      if (dialog?.kind === 'password') {
        return ok(api.POST('/users/{id}/password', { params: { path: { id: dialog.user.id } }, body: { password: v.password } }));
      }
    },
    onSuccess: done,
  });
  const enable = useMutation({
    mutationFn: (id: string) => ok(api.POST('/users/{id}/enable', { params: { path: { id } } })),
    onSuccess: done,
  });
  const ceName = (id: string | undefined | null) => (id ? (enterprises.data?.items.find((c) => c.id === id)?.name ?? id) : '—');

  const columns: TableColumnsType<UserView> = [
    { title: t('admin.user.username'), dataIndex: 'username', ellipsis: true },
    { title: t('admin.user.role'), dataIndex: 'role', width: 140, render: (v: string) => t(`role.${v}`) },
    { title: t('admin.user.coreEnterprise'), dataIndex: 'coreEnterpriseId', ellipsis: true, render: (v: string | null) => ceName(v) },
    { title: t('common.createdAt'), dataIndex: 'createdAt', width: 170, render: (v: string) => formatTime(v) },
    {
      title: t('common.status'),
      dataIndex: 'disabled',
      width: 90,
      render: (v: boolean) => <Tag color={tone(v ? 'red' : 'green')}>{v ? t('admin.user.disabled') : t('admin.user.enabled')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      render: (_, u) => (
        <Space size="small">
          {u.disabled ? (
            <Button
              autoInsertSpace={false}
              size="small"
              onClick={() => enable.mutate(u.id)}
              aria-label={`${t('admin.user.enable')} ${u.username}`}
            >
              {t('admin.user.enable')}
            </Button>
          ) : (
            <Button
              autoInsertSpace={false}
              size="small"
              danger
              onClick={() => setDialog({ kind: 'disable', user: u })}
              aria-label={`${t('admin.user.disable')} ${u.username}`}
            >
              {t('admin.user.disable')}
            </Button>
          )}
          <Button
            autoInsertSpace={false}
            size="small"
            onClick={() => setDialog({ kind: 'password', user: u })}
            aria-label={`${t('admin.user.reset')} ${u.username}`}
          >
            {t('admin.user.reset')}
          </Button>
        </Space>
      ),
    },
  ];

  const title =
    dialog?.kind === 'create'
      ? t('admin.user.create')
      : dialog?.kind === 'disable'
        ? `${t('admin.user.disable')} ${dialog.user.username}`
        : dialog
          ? `${t('admin.user.reset')} ${dialog.user.username}`
          : '';

  return (
    <StaffPage>
      <Card>
        <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 12 }}>
          <Typography.Title level={2} style={{ fontSize: 20, margin: 0 }}>
            {t('admin.users')}
          </Typography.Title>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('admin.user.create')}
          </Button>
        </Space>
        <ProblemAlert error={users.error ?? enable.error} onClose={enable.error ? () => enable.reset() : undefined} />
        <Table<UserView>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={users.data?.items}
          loading={users.isPending}
          scroll={{ x: 950 }}
          pagination={{ current: page, pageSize: 50, total: users.data?.total, onChange: setPage, showSizeChanger: false }}
        />
        <Modal
          open={!!dialog}
          title={title}
          onCancel={() => (setDialog(null), act.reset())}
          okButtonProps={{ loading: act.isPending }}
          onOk={() => void form.validateFields().then((v: Record<string, string>) => act.mutate(v), invalidForm)}
          destroyOnHidden
        >
          <ProblemAlert error={act.error} />
          <Form form={form} layout="vertical" preserve={false}>
            {dialog?.kind === 'create' && (
              <>
                <Form.Item name="username" label={t('admin.user.username')} rules={[{ required: true, whitespace: true }]}>
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item name="role" label={t('admin.user.role')} rules={[{ required: true }]}>
                  <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
                </Form.Item>
                <Form.Item noStyle shouldUpdate={(a: { role?: string }, b: { role?: string }) => a.role !== b.role}>
                  {({ getFieldValue }) =>
                    getFieldValue('role') === 'ENTERPRISE' && (
                      <Form.Item name="coreEnterpriseId" label={t('admin.user.coreEnterprise')} rules={[{ required: true }]}>
                        <Select options={enterprises.data?.items.map((c) => ({ value: c.id, label: c.name }))} />
                      </Form.Item>
                    )
                  }
                </Form.Item>
              </>
            )}
            {(dialog?.kind === 'create' || dialog?.kind === 'password') && (
              <Form.Item name="password" label={t('admin.user.password')} rules={[{ required: true, min: 10, max: 200 }]}>
                <Input.Password autoComplete="new-password" />
              </Form.Item>
            )}
            {dialog?.kind === 'disable' && (
              <Form.Item name="reason" label={t('officer.loan.reason')} rules={[{ required: true, whitespace: true }]}>
                <Input.TextArea rows={3} maxLength={500} />
              </Form.Item>
            )}
          </Form>
        </Modal>
      </Card>
    </StaffPage>
  );
}
