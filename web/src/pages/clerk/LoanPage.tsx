import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Flex, Table, Tag, Timeline, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { useT } from '../../i18n/locale';
import { formatMoney, formatRate } from '../../lib/money';
import { LoanStatusTag } from './LoansPage';
import { RuleTable } from './RuleTable';
import type { Statement } from '../../api/types';

const SERVICED = new Set(['DISBURSED', 'REPAID']);

/** One application: its terms, its history, the screening it was judged on, and once disbursed its statement. */
export default function LoanPage() {
  const t = useT();
  const { id } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const loan = useQuery({
    queryKey: ['loan-application', id],
    queryFn: () => ok(api.GET('/loan-applications/{id}', { params: { path: { id: id! } } })),
  });
  const l = loan.data;
  const statement = useQuery({
    queryKey: ['statement', id],
    enabled: !!l && SERVICED.has(l.status),
    queryFn: () => ok(api.GET('/loan-applications/{id}/statement', { params: { path: { id: id! } } })),
  });
  const ce = params.get('ce');

  return (
    <Flex vertical gap={16}>
      <Link to={`/clerk/applications${ce ? `?ce=${ce}` : ''}`}>
        <ArrowLeftOutlined /> {t('loans.back')}
      </Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('loans.detail')}
      </Typography.Title>
      <Card loading={loan.isPending}>
        {l && (
          <Descriptions column={3} size="small" bordered>
            <Descriptions.Item label={t('loans.supplier')}>
              {l.supplier ? `${l.supplier.name}（${l.supplier.supplierCode}）` : l.supplierId}
            </Descriptions.Item>
            <Descriptions.Item label={t('counterparties.idNumber')}>{l.supplier?.idNumber}</Descriptions.Item>
            <Descriptions.Item label={t('common.status')}>
              <LoanStatusTag status={l.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('loans.amount')}>{formatMoney(l.amount)}</Descriptions.Item>
            <Descriptions.Item label={t('loans.termDays')}>{l.termDays}</Descriptions.Item>
            <Descriptions.Item label={t('loans.rate')}>{formatRate(l.annualRate)}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      <Flex gap={16} wrap>
        <Card title={t('loans.history')} style={{ flex: '1 1 360px' }}>
          {l?.history && (
            <Timeline
              items={l.history.map((h) => ({
                children: (
                  <>
                    <Typography.Text strong>{t(`status.${h.to}`)}</Typography.Text>
                    <br />
                    <Typography.Text type="secondary">
                      {new Date(h.at).toLocaleString()} · {h.actor ? `${h.actor.name}（${t(`role.${h.actor.role}`)}）` : '—'}
                    </Typography.Text>
                    {(h.comment || h.reason) && <div>{h.comment ?? h.reason}</div>}
                  </>
                ),
              }))}
            />
          )}
        </Card>
        <Card title={t('loans.screening')} style={{ flex: '2 1 560px' }}>
          {l?.screening ? <RuleTable results={l.screening.results} /> : <Empty />}
        </Card>
      </Flex>
      <Card title={t('loans.statement')}>
        {!l || !SERVICED.has(l.status) ? (
          <Empty description={t('loans.noStatement')} />
        ) : statement.data ? (
          <StatementView s={statement.data} />
        ) : (
          <Card loading variant="borderless" />
        )}
      </Card>
    </Flex>
  );
}

function StatementView({ s }: { s: Statement }) {
  const t = useT();
  return (
    <>
      <Descriptions column={4} size="small" style={{ marginBottom: 12 }}>
        <Descriptions.Item label={t('loans.valueDate')}>{s.valueDate}</Descriptions.Item>
        <Descriptions.Item label={t('loans.maturity')}>{s.maturityDate}</Descriptions.Item>
        <Descriptions.Item label={t('loans.principalOutstanding')}>{formatMoney(s.principalOutstanding)}</Descriptions.Item>
        <Descriptions.Item label={t('loans.interestDue')}>{formatMoney(s.interestDue)}</Descriptions.Item>
        <Descriptions.Item label={t('loans.payoff')}>{formatMoney(s.payoffAmount)}</Descriptions.Item>
        <Descriptions.Item label={t('loans.dpd')}>{s.dpd}</Descriptions.Item>
        <Descriptions.Item label={t('loans.classification')}>
          <Tag color={s.classification === 'NORMAL' ? 'success' : 'warning'}>{t(`class.${s.classification}`)}</Tag>
        </Descriptions.Item>
      </Descriptions>
      <Table<Statement['schedule'][number]>
        size="small"
        rowKey="dueDate"
        pagination={false}
        dataSource={s.schedule}
        columns={[
          { title: t('loans.dueDate'), dataIndex: 'dueDate' },
          { title: t('loans.principal'), key: 'principal', align: 'right', render: (_, r) => formatMoney(r.principal) },
          // null until the date is billed: formatMoney shows a dash
          { title: t('loans.interest'), key: 'interest', align: 'right', render: (_, r) => formatMoney(r.interest) },
          // the amount paid against the date, not a yes/no
          { title: t('loans.paid'), key: 'paid', align: 'right', render: (_, r) => formatMoney(r.paid) },
        ]}
      />
    </>
  );
}
