import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Form, Input, Modal, Space, Steps, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { api, ok } from '../../api/client';
import { useMe } from '../../auth/auth';
import { useLocale } from '../../i18n/locale';
import type { RuleResult } from '../../api/types';
import { BlacklistButton } from './BlacklistButton';
import { actualText, expectedText, explanation } from './explain';
import { StatusTag } from './QueuePage';
import { formatMoney, formatTime, ProblemAlert, tone, invalidForm, ReasonField } from './ui';

/** One application: the supplier's screening rule by rule, its limit, its history, and the decision with four eyes shown. */
export function LoanDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const { t, locale } = useLocale();
  const me = useMe();
  const queryClient = useQueryClient();
  const [comment, setComment] = useState('');
  const [rejecting, setRejecting] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();

  const loan = useQuery({
    queryKey: ['officer', 'loan', id],
    enabled: !!id,
    queryFn: () => ok(api.GET('/loan-applications/{id}', { params: { path: { id: id! } } })),
  });
  const l = loan.data;
  const programme = useQuery({
    queryKey: ['programme', l?.programmeId],
    enabled: !!l,
    queryFn: () => ok(api.GET('/programmes/{id}', { params: { path: { id: l!.programmeId } } })),
  });
  const eligibility = useQuery({
    queryKey: ['officer', 'eligibility', l?.supplierId, l?.programmeId],
    enabled: !!l,
    queryFn: () =>
      ok(api.GET('/suppliers/{id}/eligibility', { params: { path: { id: l!.supplierId }, query: { programmeId: l!.programmeId } } })),
  });

  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: ['officer'] });
  };
  const approve = useMutation({
    mutationFn: () => ok(api.POST('/loan-applications/{id}/approve', { params: { path: { id: id! } }, body: comment ? { comment } : {} })),
    onSuccess: async () => {
      setComment('');
      await refresh();
    },
  });
  const reject = useMutation({
    mutationFn: (reason: string) => ok(api.POST('/loan-applications/{id}/reject', { params: { path: { id: id! } }, body: { reason } })),
    onSuccess: async () => {
      setRejecting(false);
      form.resetFields();
      await refresh();
    },
  });

  const decidable = l?.status === 'PENDING_REVIEW' || l?.status === 'PENDING_SECOND_APPROVAL';
  const aboveThreshold = !!l && !!programme.data && Number(l.amount) > Number(programme.data.fourEyesThreshold);
  const fourEyes = !!l && (l.fourEyesRequired === true || l.status === 'PENDING_SECOND_APPROVAL' || aboveThreshold);
  const iGaveFirst = !!l?.firstApproval && l.firstApproval.byId === me.id;

  const ruleColumns = [
    { title: t('officer.loan.rule'), dataIndex: 'rule', width: 130 },
    {
      title: t('officer.loan.passed'),
      dataIndex: 'passed',
      width: 80,
      render: (v: boolean) => <Tag color={tone(v ? 'green' : 'red')}>{v ? t('officer.loan.pass') : t('officer.loan.fail')}</Tag>,
    },
    { title: t('officer.loan.actual'), dataIndex: 'actual', width: 100, render: (v: unknown) => actualText(v, t) },
    { title: t('officer.loan.expected'), key: 'expected', width: 130, render: (_: unknown, r: RuleResult) => expectedText(r, locale) },
    { title: t('officer.loan.message'), key: 'message', render: (_: unknown, r: RuleResult) => explanation(r, locale, t) },
  ];

  return (
    <Drawer open={!!id} onClose={onClose} size={760} title={t('officer.loan.title')} destroyOnHidden>
      <ProblemAlert error={loan.error} />
      {l && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('officer.queue.supplier')}>
              {l.supplier ? `${l.supplier.name} (${l.supplier.supplierCode})` : l.supplierId}
            </Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <StatusTag status={l.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('officer.queue.amount')}>{formatMoney(l.amount)}</Descriptions.Item>
            <Descriptions.Item label={t('officer.queue.termDays')}>{l.termDays}</Descriptions.Item>
            <Descriptions.Item label={t('common.programme')}>{programme.data?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('officer.loan.fourEyesThreshold')}>
              {formatMoney(programme.data?.fourEyesThreshold)}
            </Descriptions.Item>
            <Descriptions.Item label={t('officer.loan.creditLimit')}>{formatMoney(eligibility.data?.creditLimit)}</Descriptions.Item>
            <Descriptions.Item label={t('officer.loan.availableLimit')}>{formatMoney(eligibility.data?.availableLimit)}</Descriptions.Item>
            <Descriptions.Item label={t('officer.loan.submittedBy')}>
              {l.submittedBy.name ?? t(`role.${l.submittedBy.role}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('officer.queue.submittedAt')}>{formatTime(l.createdAt)}</Descriptions.Item>
          </Descriptions>

          {fourEyes && (
            <section aria-label={t('officer.loan.fourEyes')}>
              <Typography.Title level={3} style={{ fontSize: 16 }}>
                {t('officer.loan.fourEyes')}
              </Typography.Title>
              <Steps
                size="small"
                current={l.approval ? 2 : l.firstApproval ? 1 : 0}
                items={[
                  {
                    title: t('officer.loan.firstApproval'),
                    content: l.firstApproval
                      ? t('officer.loan.approvedBy', { name: l.firstApproval.by ?? '—', at: formatTime(l.firstApproval.at) })
                      : t('officer.loan.awaiting'),
                  },
                  {
                    title: t('officer.loan.secondApproval'),
                    content: l.approval
                      ? t('officer.loan.approvedBy', { name: l.approval.by ?? '—', at: formatTime(l.approval.at) })
                      : l.firstApproval
                        ? t('officer.loan.secondBy', { name: l.firstApproval.by ?? '—' })
                        : t('officer.loan.awaiting'),
                  },
                ]}
              />
              {iGaveFirst && l.status === 'PENDING_SECOND_APPROVAL' && (
                <Alert type="warning" showIcon style={{ marginTop: 8 }} title={t('officer.loan.youGaveFirst')} />
              )}
            </section>
          )}

          {decidable && (
            <section aria-label={t('officer.loan.decision')}>
              <ProblemAlert error={approve.error ?? reject.error} onClose={() => (approve.reset(), reject.reset())} />
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  aria-label={t('officer.loan.comment')}
                  placeholder={t('officer.loan.comment')}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                  maxLength={500}
                />
                <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate()}>
                  {l.status === 'PENDING_SECOND_APPROVAL' ? t('officer.loan.approveSecond') : t('officer.loan.approve')}
                </Button>
                <Button danger onClick={() => setRejecting(true)}>
                  {t('officer.loan.reject')}
                </Button>
              </Space.Compact>
            </section>
          )}

          <section aria-label={t('officer.loan.screening')}>
            <Space style={{ width: '100%', justifyContent: 'space-between' }}>
              <Typography.Title level={3} style={{ fontSize: 16, margin: 0 }}>
                {t('officer.loan.screening')}{' '}
                {eligibility.data && (
                  <Tag color={tone(eligibility.data.eligible ? 'green' : 'red')}>
                    {eligibility.data.eligible ? t('officer.loan.eligible') : t('officer.loan.ineligible')}
                  </Tag>
                )}
              </Typography.Title>
              <BlacklistButton supplierId={l.supplierId} />
            </Space>
            <ProblemAlert error={eligibility.error} />
            <Table<RuleResult>
              rowKey="rule"
              size="small"
              pagination={false}
              loading={eligibility.isPending}
              columns={ruleColumns}
              dataSource={eligibility.data?.results}
              style={{ marginTop: 8 }}
            />
          </section>

          <section aria-label={t('officer.loan.history')}>
            <Typography.Title level={3} style={{ fontSize: 16 }}>
              {t('officer.loan.history')}
            </Typography.Title>
            <Timeline
              items={(l.history ?? []).map((h) => ({
                content: (
                  <>
                    <Typography.Text strong>{t(`officer.loan.status.${h.to}`)}</Typography.Text> ·{' '}
                    {h.actor.name ?? t(`role.${h.actor.role}`)} · {formatTime(h.at)}
                    {h.comment ? ` · ${h.comment}` : ''}
                    {h.reason ? ` · ${h.reason}` : ''}
                  </>
                ),
              }))}
            />
          </section>
        </Space>
      )}
      <Modal
        open={rejecting}
        title={t('officer.loan.reject')}
        okText={t('officer.loan.reject')}
        okButtonProps={{ danger: true, loading: reject.isPending }}
        onCancel={() => setRejecting(false)}
        onOk={() => void form.validateFields().then((v) => reject.mutate(v.reason), invalidForm)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <ReasonField />
        </Form>
      </Modal>
    </Drawer>
  );
}
