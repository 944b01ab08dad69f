import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Drawer, Progress, Space, Table, Tag, Upload, type TableColumnsType } from 'antd';
import { api, ok } from '../../api/client';
import { useMe } from '../../auth/auth';
import { useT } from '../../i18n/locale';
import type { BatchItem } from '../../api/types';
import { BatchStatusTag } from './BatchesPage';
import { formatMoney, formatTime, ProblemAlert, tone } from './ui';

const FINISHED = ['COMPLETED', 'PARTIALLY_FAILED', 'FAILED'];

/** Saves a text the API answered as a file of the user's (the token is a header, so no plain link can fetch it). */
function saveFile(text: string, name: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** One batch: maker-checker approval, execution with live progress, the pain.001 file and the pain.002 report. */
export function BatchDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const t = useT();
  const me = useMe();
  const queryClient = useQueryClient();
  const batch = useQuery({
    queryKey: ['officer', 'batch', id],
    enabled: !!id,
    queryFn: () => ok(api.GET('/disbursement-batches/{id}', { params: { path: { id: id! } } })),
    // live progress while the payments go out; a finished batch changes no more
    refetchInterval: (q) => (q.state.data?.status === 'EXECUTING' ? 1000 : false),
  });
  const b = batch.data;
  const after = async () => {
    await queryClient.invalidateQueries({ queryKey: ['officer'] });
  };
  const path = { params: { path: { id: id! } } };
  const approve = useMutation({ mutationFn: () => ok(api.POST('/disbursement-batches/{id}/approve', path)), onSuccess: after });
  const execute = useMutation({ mutationFn: () => ok(api.POST('/disbursement-batches/{id}/execute', path)), onSuccess: after });
  const sendAsFile = useMutation({ mutationFn: () => ok(api.POST('/disbursement-batches/{id}/send-as-file', path)), onSuccess: after });
  const download = useMutation({
    mutationFn: async () => {
      const xml = await ok(api.GET('/disbursement-batches/{id}/pain001', { ...path, parseAs: 'text' }));
      saveFile(xml, `${b!.messageId}.pain.001.001.09.xml`, 'application/xml');
    },
  });
  const report = useMutation({
    mutationFn: async (file: File) =>
      ok(
        api.POST('/disbursement-batches/{id}/status-report', {
          ...path,
          body: await file.text(),
          bodySerializer: (body) => body as string,
          headers: { 'Content-Type': 'application/xml' },
        }),
      ),
    onSuccess: after,
  });
  const error = approve.error ?? execute.error ?? sendAsFile.error ?? download.error ?? report.error;
  const resetErrors = () => [approve, execute, sendAsFile, download, report].forEach((m) => m.reset());

  const isOfficer = me.role === 'OFFICER' || me.role === 'SENIOR_OFFICER';
  const done = b ? b.counts.settled + b.counts.failed : 0;
  const percent = b && b.counts.items ? Math.floor((done * 100) / b.counts.items) : 0;
  const settledPercent = b && b.counts.items ? Math.floor((b.counts.settled * 100) / b.counts.items) : 0;

  const columns: TableColumnsType<BatchItem> = [
    { title: '#', dataIndex: 'seq', width: 50 },
    { title: t('officer.batch.creditor'), dataIndex: 'creditorName', ellipsis: true },
    { title: t('officer.batch.account'), dataIndex: 'creditorAccount', width: 180 },
    { title: t('officer.batch.amount'), dataIndex: 'amount', width: 130, align: 'right', render: (v: string) => formatMoney(v) },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 100,
      render: (v: string) => (
        <Tag color={tone(v === 'SETTLED' ? 'green' : v === 'FAILED' ? 'red' : 'blue')}>{t(`officer.batch.item.${v}`)}</Tag>
      ),
    },
    { title: t('officer.batch.failure'), dataIndex: 'failureReason', width: 150, ellipsis: true, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <Drawer open={!!id} onClose={onClose} size={860} title={t('officer.batch.detail')} destroyOnHidden>
      <ProblemAlert error={batch.error} />
      {b && (
        <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={t('common.status')}>
              <BatchStatusTag status={b.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('officer.batch.messageId')}>{b.messageId}</Descriptions.Item>
            <Descriptions.Item label={t('officer.batch.maker')}>{b.createdBy}</Descriptions.Item>
            <Descriptions.Item label={t('officer.batch.checker')}>
              {b.approvedBy ? `${b.approvedBy} · ${formatTime(b.approvedAt)}` : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('officer.batch.amount')}>{formatMoney(b.totals.amount)}</Descriptions.Item>
            <Descriptions.Item label={t('officer.batch.settledAmount')}>{formatMoney(b.totals.settled)}</Descriptions.Item>
          </Descriptions>

          <div>
            <Progress
              percent={percent}
              success={{ percent: settledPercent }}
              status={b.status === 'EXECUTING' ? 'active' : b.counts.failed ? 'exception' : 'normal'}
              aria-label={t('officer.batch.progress')}
            />
            <span>{t('officer.batch.progressText', { settled: b.counts.settled, failed: b.counts.failed, total: b.counts.items })}</span>
          </div>

          <ProblemAlert error={error} onClose={resetErrors} />
          {b.status === 'DRAFT' && b.createdBy === me.name && <Alert type="info" showIcon title={t('officer.batch.makerCannotApprove')} />}
          <Space wrap>
            {b.status === 'DRAFT' && me.role === 'SENIOR_OFFICER' && (
              <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate()}>
                {t('officer.batch.approve')}
              </Button>
            )}
            {b.status === 'APPROVED' && isOfficer && (
              <>
                <Button type="primary" loading={execute.isPending} onClick={() => execute.mutate()}>
                  {t('officer.batch.execute')}
                </Button>
                <Button loading={sendAsFile.isPending} onClick={() => sendAsFile.mutate()}>
                  {t('officer.batch.sendAsFile')}
                </Button>
              </>
            )}
            {isOfficer && (
              <Button icon={<DownloadOutlined />} loading={download.isPending} onClick={() => download.mutate()}>
                {t('officer.batch.pain001')}
              </Button>
            )}
            {isOfficer && b.status === 'EXECUTING' && b.channel === 'FILE' && (
              <Upload
                accept=".xml,application/xml,text/xml"
                showUploadList={false}
                beforeUpload={(file) => {
                  report.mutate(file);
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} loading={report.isPending}>
                  {t('officer.batch.pain002')}
                </Button>
              </Upload>
            )}
          </Space>
          {report.data && (
            <Alert
              type="success"
              showIcon
              title={t('officer.batch.reportRead', {
                transactions: report.data.transactions,
                settled: report.data.settled,
                failed: report.data.failed,
              })}
            />
          )}
          {FINISHED.includes(b.status) && (
            <Alert type={b.counts.failed ? 'warning' : 'success'} showIcon title={t(`officer.batch.status.${b.status}`)} />
          )}

          <Table<BatchItem>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={b.items}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
          />
        </Space>
      )}
    </Drawer>
  );
}
