import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Modal, Space, Tag } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { useMe } from '../../auth/auth';
import { useT } from '../../i18n/locale';
import { ProblemAlert, tone, invalidForm, ReasonField } from './ui';

/** Puts a supplier on the bank's blacklist or takes it off, always with a reason (both audited; the supplier is re-screened). */
export function BlacklistButton({ supplierId }: { supplierId: string }) {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const supplier = useQuery({
    queryKey: ['officer', 'supplier', supplierId],
    queryFn: () => ok(api.GET('/suppliers/{id}', { params: { path: { id: supplierId } } })),
  });
  const listed = supplier.data?.blacklisted === true;
  const change = useMutation({
    mutationFn: (reason: string) =>
      listed
        ? ok(api.DELETE('/suppliers/{id}/blacklist', { params: { path: { id: supplierId } }, body: { reason } }))
        : ok(api.POST('/suppliers/{id}/blacklist', { params: { path: { id: supplierId } }, body: { reason } })),
    onSuccess: async () => {
      setOpen(false);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['officer'] });
    },
  });
  if (!supplier.data) return null;
  const mayChange = me.role === 'OFFICER' || me.role === 'SENIOR_OFFICER';
  return (
    <Space>
      {listed && <Tag color={tone('red')}>{t('officer.blacklist.listed')}</Tag>}
      {mayChange && (
        <Button autoInsertSpace={false} size="small" danger={!listed} onClick={() => setOpen(true)}>
          {listed ? t('officer.blacklist.remove') : t('officer.blacklist.add')}
        </Button>
      )}
      <Modal
        open={open}
        title={listed ? t('officer.blacklist.remove') : t('officer.blacklist.add')}
        onCancel={() => setOpen(false)}
        okButtonProps={{ loading: change.isPending, danger: !listed }}
        onOk={() => void form.validateFields().then((v) => change.mutate(v.reason), invalidForm)}
        destroyOnHidden
      >
        <ProblemAlert error={change.error} />
        <Form form={form} layout="vertical">
          <ReasonField />
        </Form>
      </Modal>
    </Space>
  );
}
