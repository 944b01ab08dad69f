import { SendOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Radio, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { usePaging } from '../../lib/paging';
import { useMe } from '../../auth/auth';
import { useT } from '../../i18n/locale';
import { formatMoney, MONEY_PATTERN, moneyAtMost } from '../../lib/money';
import { EligibilityView } from './CounterpartyPage';
import { ProgrammeScope } from './core-enterprise';
import type { BatchResult, Programme, ScreeningResult } from '../../api/types';
import { useWords } from './words';

type Filter = 'all' | 'true' | 'false';

/** Each supplier's screening for a programme (the rules' reasons on demand), and a bulk application for the eligible ones. */
export default function EligibilityPage() {
  const t = useT();
  return (
    <ProgrammeScope title={t('eligibility.title')}>{(programme) => <Screening key={programme.id} programme={programme} />}</ProgrammeScope>
  );
}

function Screening({ programme }: { programme: Programme }) {
  const t = useT();
  const me = useMe();
  const [params] = useSearchParams();
  const [filter, setFilter] = useState<Filter>('all');
  const { page, setPage, pagination } = usePaging();
  const [selected, setSelected] = useState<ScreeningResult[]>([]);
  const [results, setResults] = useState<{ rows: ScreeningResult[]; results: BatchResult[] } | null>(null);
  const canApply = me.role === 'ENTERPRISE' || me.role === 'OFFICER';
  const list = useQuery({
    queryKey: ['screening-results', programme.id, filter, page],
    queryFn: () =>
      ok(
        api.GET('/programmes/{id}/screening-results', {
          params: { path: { id: programme.id }, query: { ...page, eligible: filter === 'all' ? undefined : filter } },
        }),
      ),
  });
  const ce = params.get('ce');

  return (
    <Card>
      <Space style={{ marginBottom: 12 }} wrap>
        <Typography.Text>{t('eligibility.filter')}</Typography.Text>
        <Radio.Group
          aria-label={t('eligibility.filter')}
          value={filter}
          optionType="button"
          onChange={(e) => {
            setFilter(e.target.value as Filter);
            setPage({ ...page, page: 1 });
          }}
          options={[
            { value: 'all', label: t('eligibility.filter.all') },
            { value: 'true', label: t('eligibility.filter.eligible') },
            { value: 'false', label: t('eligibility.filter.ineligible') },
          ]}
        />
        <Typography.Text type="secondary">
          {t('apply.range', {
            min: formatMoney(programme.minAmount),
            max: formatMoney(programme.maxAmount),
            minDays: programme.minTermDays,
            maxDays: programme.maxTermDays,
          })}
        </Typography.Text>
      </Space>
      {canApply && <ApplyBar programme={programme} selected={selected} onDone={(rows, r) => setResults({ rows, results: r })} />}
      {results && <BatchResults programme={programme} {...results} onClose={() => setResults(null)} />}
      <Table<ScreeningResult>
        size="small"
        rowKey="supplierId"
        loading={list.isPending}
        dataSource={list.data?.items}
        rowSelection={
          canApply
            ? {
                selectedRowKeys: selected.map((s) => s.supplierId),
                preserveSelectedRowKeys: true,
                getCheckboxProps: (r) => ({ disabled: !r.eligible, 'aria-label': r.supplierCode }),
                onChange: (_, rows) => setSelected(rows.filter(Boolean)),
              }
            : undefined
        }
        expandable={{ expandedRowRender: (r) => <Explain supplierId={r.supplierId} programmeId={programme.id} /> }}
        pagination={pagination(list.data?.total)}
        columns={[
          {
            title: t('counterparties.code'),
            dataIndex: 'supplierCode',
            render: (code: string, r) => <Link to={`/clerk/counterparties/${r.supplierId}${ce ? `?ce=${ce}` : ''}`}>{code}</Link>,
          },
          { title: t('counterparties.name'), dataIndex: 'name' },
          {
            title: t('eligibility.result'),
            dataIndex: 'eligible',
            render: (e: boolean) =>
              e ? <Tag color="success">{t('eligibility.eligible')}</Tag> : <Tag color="error">{t('eligibility.notEligible')}</Tag>,
          },
          { title: t('eligibility.creditLimit'), dataIndex: 'creditLimit', align: 'right', render: formatMoney },
          { title: t('eligibility.availableLimit'), dataIndex: 'availableLimit', align: 'right', render: formatMoney },
          { title: t('eligibility.failedRules'), dataIndex: 'failedRules', render: (rules: string[]) => rules.join('、') || '—' },
        ]}
      />
    </Card>
  );
}

function Explain({ supplierId, programmeId }: { supplierId: string; programmeId: string }) {
  const e = useQuery({
    queryKey: ['eligibility', supplierId, programmeId],
    queryFn: () => ok(api.GET('/suppliers/{id}/eligibility', { params: { path: { id: supplierId }, query: { programmeId } } })),
  });
  return e.data ? <EligibilityView e={e.data} /> : <Card loading size="small" />;
}

function ApplyBar({
  programme,
  selected,
  onDone,
}: {
  programme: Programme;
  selected: ScreeningResult[];
  onDone(rows: ScreeningResult[], results: BatchResult[]): void;
}) {
  const t = useT();
  const words = useWords();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ amount: string; termDays: number }>();
  const submit = useMutation({
    mutationFn: (v: { amount: string; termDays: number }) =>
      ok(
        api.POST('/programmes/{id}/loan-applications:batch', {
          params: { path: { id: programme.id } },
          body: { applications: selected.map((s) => ({ supplierId: s.supplierId, amount: v.amount, termDays: v.termDays })) },
        }),
      ),
    onSuccess: (body) => {
      onDone(selected, body.results);
      void queryClient.invalidateQueries({ queryKey: ['screening-results', programme.id] });
      void queryClient.invalidateQueries({ queryKey: ['loan-applications'] });
    },
    onError: (e) => void message.error(words.problem(e)),
  });
  const confirm = (v: { amount: string; termDays: number }) =>
    Modal.confirm({
      title: t('apply.submit'),
      content: t('apply.confirm', { count: selected.length, amount: formatMoney(v.amount), term: v.termDays }),
      onOk: () => submit.mutateAsync(v),
    });

  return (
    <Form
      form={form}
      layout="inline"
      style={{ marginBottom: 12, rowGap: 8 }}
      initialValues={{ amount: programme.minAmount, termDays: programme.minTermDays }}
      onFinish={confirm}
    >
      <Form.Item>
        <Typography.Text strong>{t('apply.selected', { count: selected.length })}</Typography.Text>
      </Form.Item>
      <Form.Item
        label={t('apply.amount')}
        name="amount"
        rules={[
          { required: true, pattern: MONEY_PATTERN, message: t('apply.amountInvalid') },
          {
            validator: (_, v: string) =>
              !v || !MONEY_PATTERN.test(v) || selected.every((s) => moneyAtMost(v, s.availableLimit))
                ? Promise.resolve()
                : Promise.reject(new Error(t('apply.amountOverLimit'))),
          },
        ]}
      >
        <Input style={{ width: 140 }} inputMode="decimal" />
      </Form.Item>
      <Form.Item label={t('apply.termDays')} name="termDays" rules={[{ required: true }]}>
        <InputNumber min={programme.minTermDays} max={programme.maxTermDays} precision={0} style={{ width: 100 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" icon={<SendOutlined />} disabled={selected.length === 0} loading={submit.isPending}>
          {t('apply.submit')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function BatchResults({
  rows,
  results,
  onClose,
}: {
  programme: Programme;
  rows: ScreeningResult[];
  results: BatchResult[];
  onClose(): void;
}) {
  const t = useT();
  const words = useWords();
  const okCount = results.filter((r) => r.id).length;
  return (
    <Alert
      type={okCount === results.length ? 'success' : 'warning'}
      closable={{ onClose, 'aria-label': t('common.close') }}
      style={{ marginBottom: 12 }}
      title={
        <Space>
          {t('apply.results')}
          <Tag color="success">{t('apply.ok', { count: okCount })}</Tag>
          {okCount < results.length && <Tag color="error">{t('apply.failed', { count: results.length - okCount })}</Tag>}
        </Space>
      }
      description={
        <Table<BatchResult>
          size="small"
          rowKey="index"
          pagination={false}
          dataSource={results}
          columns={[
            { title: t('counterparties.code'), key: 'code', render: (_, r) => rows[r.index]?.supplierCode },
            { title: t('counterparties.name'), key: 'name', render: (_, r) => rows[r.index]?.name },
            {
              title: t('common.status'),
              key: 'status',
              render: (_, r) =>
                r.id ? (
                  <Link to={`/clerk/applications/${r.id}`}>{t(`status.${r.status}`)}</Link>
                ) : (
                  <Typography.Text type="danger">{r.error ? words.problemOf(r.error) : '—'}</Typography.Text>
                ),
            },
          ]}
        />
      }
    />
  );
}
