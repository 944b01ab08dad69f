import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Progress, Select, Space, Statistic, Table, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api, ok, type Problem } from '../../api/client';
import { useT } from '../../i18n/locale';
import { downloadFile } from '../../lib/download';
import { usePaging } from '../../lib/paging';
import { uploadWithProgress } from '../../lib/upload';
import { CoreEnterprisePicker, useCoreEnterpriseId } from './core-enterprise';
import type { ImportStatus, RosterImport, RowError } from '../../api/types';
import { useWords } from './words';

const STATUS_COLOR: Record<ImportStatus, string> = { QUEUED: 'default', RUNNING: 'processing', COMPLETED: 'success', FAILED: 'error' };
const kib = (n: number) => (n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`);

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const t = useT();
  return <Tag color={STATUS_COLOR[status]}>{t(`rosters.status.${status}`)}</Tag>;
}

/** Upload a roster by drag and drop: bytes sent, then rows processed, then the row-level error report. */
export default function RostersPage() {
  const t = useT();
  const words = useWords();
  const { message } = App.useApp();
  const ce = useCoreEnterpriseId();
  const [params, setParams] = useSearchParams();
  const importId = params.get('import');
  const [role, setRole] = useState<'SUPPLIER' | 'DEALER'>('SUPPLIER');
  const [bytes, setBytes] = useState<{ sent: number; total: number } | null>(null);
  const queryClient = useQueryClient();

  const showImport = (id: string) =>
    setParams((p) => {
      p.set('import', id);
      return p;
    });

  const upload = async (file: File) => {
    if (!ce) return;
    const form = new FormData();
    form.append('role', role);
    form.append('file', file);
    setBytes({ sent: 0, total: file.size });
    try {
      const res = await uploadWithProgress<RosterImport | Partial<Problem>>(`/core-enterprises/${ce}/rosters`, form, (sent, total) =>
        setBytes({ sent, total }),
      );
      if (res.status !== 202) {
        const body = (res.body ?? {}) as Partial<Problem>;
        void message.error(t('rosters.uploadFailed', { reason: words.problemOf({ ...body, status: res.status }) }));
        setBytes(null);
        return;
      }
      showImport((res.body as RosterImport).importId);
      void queryClient.invalidateQueries({ queryKey: ['roster-imports', ce] });
    } catch (e) {
      void message.error(t('rosters.uploadFailed', { reason: words.problem(e) }));
      setBytes(null);
    }
  };

  if (!ce) {
    return (
      <Space orientation="vertical">
        <CoreEnterprisePicker />
        <Alert type="info" title={t('clerk.pickCoreEnterprise')} />
      </Space>
    );
  }

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('rosters.title')}
      </Typography.Title>
      <CoreEnterprisePicker />
      <Card>
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text>{t('rosters.role')}</Typography.Text>
          <Select
            aria-label={t('rosters.role')}
            value={role}
            onChange={setRole}
            style={{ width: 140 }}
            options={[
              { value: 'SUPPLIER', label: t('rosters.role.SUPPLIER') },
              { value: 'DEALER', label: t('rosters.role.DEALER') },
            ]}
          />
        </Space>
        <Upload.Dragger accept=".csv,.xlsx" multiple={false} showUploadList={false} customRequest={({ file }) => void upload(file as File)}>
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('rosters.drop')}</p>
          <p className="ant-upload-hint">{t('rosters.dropHint')}</p>
        </Upload.Dragger>
        {bytes && (
          <div style={{ marginTop: 12 }}>
            <Typography.Text>
              {t('rosters.uploading')} {t('rosters.bytes', { sent: kib(bytes.sent), total: kib(bytes.total) })}
            </Typography.Text>
            <Progress
              aria-label={t('rosters.uploading')}
              percent={bytes.total ? Math.floor((bytes.sent / bytes.total) * 100) : 0}
              status={bytes.sent < bytes.total ? 'active' : 'success'}
            />
          </div>
        )}
      </Card>
      {importId && <ImportCard key={importId} importId={importId} />}
      <ImportHistory coreEnterpriseId={ce} onShow={showImport} />
    </Flex>
  );
}

function ImportCard({ importId }: { importId: string }) {
  const t = useT();
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['roster-import', importId],
    queryFn: () => ok(api.GET('/roster-imports/{id}', { params: { path: { id: importId } } })),
    // rows processed, live, until the import is done
    refetchInterval: (q) => (q.state.data && (q.state.data.status === 'COMPLETED' || q.state.data.status === 'FAILED') ? false : 500),
  });
  const imp = query.data;
  const done = imp?.status === 'COMPLETED' || imp?.status === 'FAILED';
  // the history shows the outcome too
  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: ['roster-imports'] });
  }, [done, queryClient]);
  if (!imp) return <Card loading />;
  const percent = imp.totalRows ? Math.floor((imp.processedRows / imp.totalRows) * 100) : done ? 100 : 0;
  return (
    <Card
      title={
        <Space>
          {t('rosters.current')}
          <Typography.Text type="secondary">{imp.fileName}</Typography.Text>
          <ImportStatusTag status={imp.status} />
        </Space>
      }
    >
      <Typography.Text>
        {!done && `${t('rosters.processing')} `}
        {imp.totalRows
          ? t('rosters.rows', { processed: imp.processedRows, total: imp.totalRows })
          : t('rosters.rowsUnknown', { processed: imp.processedRows })}
      </Typography.Text>
      <Progress
        aria-label={t('rosters.processing')}
        percent={percent}
        status={imp.status === 'FAILED' ? 'exception' : done ? 'success' : 'active'}
      />
      {imp.failure && (
        <Alert type="error" showIcon title={t('rosters.failure', { reason: imp.failure.message })} style={{ margin: '12px 0' }} />
      )}
      {done && (
        <Flex gap={32} wrap style={{ margin: '12px 0' }}>
          <Statistic title={t('rosters.totalRows')} value={imp.totalRows ?? 0} />
          <Statistic title={t('rosters.accepted')} value={imp.acceptedRows ?? 0} />
          <Statistic
            title={t('rosters.rejected')}
            value={imp.rejectedRows ?? 0}
            styles={imp.rejectedRows ? { content: { color: '#c41d1d' } } : undefined}
          />
          <Statistic title={t('rosters.created')} value={imp.createdCount ?? 0} />
          <Statistic title={t('rosters.updated')} value={imp.updatedCount ?? 0} />
          <Statistic title={t('rosters.unchanged')} value={imp.unchangedCount ?? 0} />
        </Flex>
      )}
      {done && <ErrorReport imp={imp} />}
    </Card>
  );
}

function ErrorReport({ imp }: { imp: RosterImport }) {
  const t = useT();
  const words = useWords();
  const { message } = App.useApp();
  const { page, pagination } = usePaging();
  const errors = useQuery({
    queryKey: ['roster-import-errors', imp.importId, page],
    queryFn: () => ok(api.GET('/roster-imports/{id}/errors', { params: { path: { id: imp.importId }, query: page } })),
  });
  const total = errors.data?.total ?? 0;
  if (errors.data && total === 0) return <Alert type="success" showIcon title={t('rosters.noErrors')} />;
  return (
    <Card
      type="inner"
      title={
        <Space>
          {t('rosters.errors')}
          <Typography.Text type="danger">{t('rosters.errorsCount', { count: total })}</Typography.Text>
        </Space>
      }
      extra={
        <Button
          icon={<DownloadOutlined />}
          onClick={() =>
            void downloadFile(`/roster-imports/${imp.importId}/errors`, 'text/csv', `roster-import-${imp.importId}-errors.csv`).catch((e) =>
              message.error(words.problem(e)),
            )
          }
        >
          {t('rosters.downloadCsv')}
        </Button>
      }
    >
      <Table<RowError>
        size="small"
        loading={errors.isPending}
        rowKey={(e) => `${e.row}:${e.field}:${e.code}`}
        dataSource={errors.data?.items}
        pagination={pagination(total, { showSizeChanger: false })}
        columns={[
          { title: t('rosters.row'), dataIndex: 'row', width: 80 },
          { title: t('rosters.supplierCode'), dataIndex: 'supplierCode', width: 180 },
          { title: t('rosters.field'), dataIndex: 'field', width: 180, render: (f: string | null) => words.column(f) },
          { title: t('rosters.problem'), key: 'problem', render: (_, e) => words.rowProblem(e.code, e.message) },
        ]}
      />
    </Card>
  );
}

function ImportHistory({ coreEnterpriseId, onShow }: { coreEnterpriseId: string; onShow(id: string): void }) {
  const t = useT();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['roster-imports', coreEnterpriseId, page],
    queryFn: () =>
      ok(api.GET('/core-enterprises/{id}/roster-imports', { params: { path: { id: coreEnterpriseId }, query: { page, pageSize: 10 } } })),
  });
  return (
    <Card title={t('rosters.history')}>
      <Table<RosterImport>
        size="small"
        rowKey="importId"
        loading={list.isPending}
        dataSource={list.data?.items}
        pagination={{ current: page, pageSize: 10, total: list.data?.total, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: t('rosters.file'), dataIndex: 'fileName' },
          { title: t('rosters.role'), dataIndex: 'role', render: (r: string) => t(`rosters.role.${r}`) },
          { title: t('common.status'), dataIndex: 'status', render: (s: ImportStatus) => <ImportStatusTag status={s} /> },
          { title: t('rosters.totalRows'), dataIndex: 'totalRows' },
          { title: t('rosters.rejected'), dataIndex: 'rejectedRows' },
          { title: t('common.createdAt'), dataIndex: 'createdAt', render: (d: string) => new Date(d).toLocaleString() },
          {
            title: t('common.actions'),
            key: 'view',
            render: (_, r) => (
              <Button type="link" onClick={() => onShow(r.importId)}>
                {t('rosters.view')}
              </Button>
            ),
          },
        ]}
      />
    </Card>
  );
}
