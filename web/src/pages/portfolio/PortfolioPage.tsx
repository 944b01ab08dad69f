import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, Flex, Row, Statistic, Typography } from 'antd';
import { api, ok } from '../../api/client';
import { useT } from '../../i18n/locale';
import { formatMoney, percentOf, toFen } from '../../lib/money';
import { ProgrammeScope } from '../clerk/core-enterprise';
import type { CoreEnterprise, LoanApplication, Portfolio, Programme } from '../../api/types';
import { Chart } from './Chart';

/** Fen to 10,000 CNY (万元), for a chart's axis only: amounts shown as text stay decimal strings. */
const wan = (fen: bigint) => Number(fen) / 1_000_000;
const PAGE = 500;
const MAX_PAGES = 20;

/** Exposure against the caps, disbursed per month, outstanding by classification and by days past due. */
export default function PortfolioPage() {
  const t = useT();
  return (
    <ProgrammeScope title={t('portfolio.title')}>
      {(programme, ce) => <Dashboard key={programme.id} coreEnterpriseId={ce} programme={programme} />}
    </ProgrammeScope>
  );
}

function Dashboard({ coreEnterpriseId, programme }: { coreEnterpriseId: string; programme: Programme }) {
  const t = useT();
  const portfolio = useQuery({
    queryKey: ['portfolio', programme.id],
    queryFn: () => ok(api.GET('/programmes/{id}/portfolio', { params: { path: { id: programme.id } } })),
  });
  const enterprise = useQuery({
    queryKey: ['core-enterprise', coreEnterpriseId],
    queryFn: () => ok(api.GET('/core-enterprises/{id}', { params: { path: { id: coreEnterpriseId } } })),
  });
  // programme figures move with every approval: read them fresh rather than from the picker's list
  const fresh = useQuery({
    queryKey: ['programme', programme.id],
    queryFn: () => ok(api.GET('/programmes/{id}', { params: { path: { id: programme.id } } })),
  });
  const p = portfolio.data;
  return (
    <>
      <Card loading={portfolio.isPending}>
        {p && (
          <Flex gap={48} wrap>
            <Statistic title={t('portfolio.loans')} value={p.loans} />
            <Statistic title={t('portfolio.principalOutstanding')} value={formatMoney(p.principalOutstanding)} />
            <Statistic title={t('portfolio.interestAccrued')} value={formatMoney(p.interestAccrued)} />
            <Statistic title={t('portfolio.overduePrincipal')} value={formatMoney(p.overduePrincipal)} />
            <Typography.Text type="secondary">{t('portfolio.asOf', { date: p.asOf })}</Typography.Text>
          </Flex>
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t('portfolio.exposure')} loading={!fresh.data || !enterprise.data}>
            {fresh.data && enterprise.data && <Exposure programme={fresh.data} enterprise={enterprise.data} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('portfolio.disbursedPerMonth')}>
            <DisbursedPerMonth programmeId={programme.id} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('portfolio.byClassification')} loading={!p}>
            {p && <ByClassification p={p} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('portfolio.byDpd')} loading={!p}>
            {p && <ByDpd p={p} />}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function Exposure({ programme, enterprise }: { programme: Programme; enterprise: CoreEnterprise }) {
  const t = useT();
  const rows = [
    { name: t('portfolio.programmeCap'), used: toFen(programme.outstandingAmount), cap: toFen(programme.programmeCap) },
    { name: t('portfolio.guaranteeCap'), used: toFen(enterprise.guaranteedExposure), cap: toFen(enterprise.guaranteeCap) },
  ];
  const label = [
    t('portfolio.programmeUsage', {
      used: formatMoney(programme.outstandingAmount),
      cap: formatMoney(programme.programmeCap),
      percent: percentOf(programme.outstandingAmount, programme.programmeCap),
    }),
    t('portfolio.guaranteeUsage', {
      used: formatMoney(enterprise.guaranteedExposure),
      cap: formatMoney(enterprise.guaranteeCap),
      percent: percentOf(enterprise.guaranteedExposure, enterprise.guaranteeCap),
    }),
  ];
  return (
    <>
      <Chart
        label={label.join('；')}
        height={200}
        option={{
          tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
          legend: { top: 0, data: [t('portfolio.used'), t('portfolio.remaining')] },
          grid: { left: 90, right: 48, top: 40, bottom: 24 },
          xAxis: { type: 'value', name: '万元' },
          yAxis: { type: 'category', data: rows.map((r) => r.name) },
          series: [
            { name: t('portfolio.used'), type: 'bar', stack: 'cap', data: rows.map((r) => wan(r.used)), itemStyle: { color: '#0958d9' } },
            {
              name: t('portfolio.remaining'),
              type: 'bar',
              stack: 'cap',
              data: rows.map((r) => wan(r.cap > r.used ? r.cap - r.used : 0n)),
              itemStyle: { color: '#d9d9d9' },
            },
          ],
        }}
      />
      {label.map((l) => (
        <div key={l}>
          <Typography.Text>{l}</Typography.Text>
        </div>
      ))}
    </>
  );
}

/**
 * Disbursed per month, summed from the programme's disbursed and repaid loans (the API has no such
 * aggregate yet): at most MAX_PAGES pages of them, which the chart says when it stops short.
 */
function DisbursedPerMonth({ programmeId }: { programmeId: string }) {
  const t = useT();
  const loans = useQuery({
    queryKey: ['disbursed-loans', programmeId],
    queryFn: async () => {
      const all: LoanApplication[] = [];
      let truncated = false;
      for (const status of ['DISBURSED', 'REPAID'] as const) {
        for (let page = 1; ; page++) {
          const body = await ok(api.GET('/loan-applications', { params: { query: { programmeId, status, page, pageSize: PAGE } } }));
          all.push(...body.items);
          if (page * PAGE >= body.total) break;
          if (page >= MAX_PAGES) {
            truncated = true;
            break;
          }
        }
      }
      return { all, truncated };
    },
  });
  if (!loans.data) return <Card loading variant="borderless" />;
  const months = new Map<string, { fen: bigint; count: number }>();
  for (const l of loans.data.all) {
    const month = (l.valueDate ?? l.disbursedAt ?? '').slice(0, 7);
    if (!month) continue;
    const m = months.get(month) ?? { fen: 0n, count: 0 };
    months.set(month, { fen: m.fen + toFen(l.amount), count: m.count + 1 });
  }
  const keys = [...months.keys()].sort();
  if (keys.length === 0) return <Empty description={t('portfolio.noLoans')} />;
  return (
    <>
      <Chart
        label={keys.map((k) => `${k}: ${months.get(k)!.count}`).join('；')}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { top: 0, data: [t('portfolio.disbursedAmount'), t('portfolio.disbursedCount')] },
          grid: { left: 56, right: 56, top: 56, bottom: 32 },
          xAxis: { type: 'category', data: keys },
          yAxis: [
            { type: 'value', name: '万元' },
            { type: 'value', name: t('portfolio.count'), minInterval: 1 },
          ],
          series: [
            {
              name: t('portfolio.disbursedAmount'),
              type: 'bar',
              data: keys.map((k) => wan(months.get(k)!.fen)),
              itemStyle: { color: '#0958d9' },
            },
            {
              name: t('portfolio.disbursedCount'),
              type: 'bar',
              yAxisIndex: 1,
              data: keys.map((k) => months.get(k)!.count),
              itemStyle: { color: '#13a8a8' },
            },
          ],
        }}
      />
      {loans.data.truncated && (
        <Typography.Text type="secondary">{t('portfolio.truncated', { count: loans.data.all.length })}</Typography.Text>
      )}
    </>
  );
}

const CLASSES = ['NORMAL', 'SPECIAL_MENTION', 'SUBSTANDARD', 'DOUBTFUL', 'LOSS'] as const;
const CLASS_COLORS = ['#237804', '#d4b106', '#d46b08', '#c41d1d', '#5c0011'];

function ByClassification({ p }: { p: Portfolio }) {
  const t = useT();
  const by = p.byClassification;
  const data = CLASSES.map((c, i) => ({
    name: t(`class.${c}`),
    value: wan(toFen(by[c].principal)),
    count: by[c].count,
    itemStyle: { color: CLASS_COLORS[i] },
  }));
  return (
    <Chart
      label={data.map((d) => `${d.name}: ${d.count}`).join('；')}
      option={{
        tooltip: { trigger: 'item', formatter: '{b}: {c} 万元 ({d}%)' },
        legend: { bottom: 0, data: data.map((d) => d.name) },
        // empty classes stay in the legend but draw no slice (and no label)
        series: [{ type: 'pie', radius: ['40%', '70%'], data: data.filter((d) => d.value > 0), label: { formatter: '{b}' } }],
      }}
    />
  );
}

function ByDpd({ p }: { p: Portfolio }) {
  const t = useT();
  const buckets = p.byDpd;
  return (
    <Chart
      label={buckets.map((b) => `${b.bucket}: ${b.count}`).join('；')}
      option={{
        tooltip: { trigger: 'axis' },
        grid: { left: 56, right: 24, top: 36, bottom: 48 },
        xAxis: {
          type: 'category',
          name: t('portfolio.bucket'),
          nameLocation: 'middle',
          nameGap: 28,
          axisLabel: { interval: 0 },
          data: buckets.map((b) => b.bucket),
        },
        yAxis: { type: 'value', name: '万元' },
        series: [
          {
            name: t('portfolio.principalWan'),
            type: 'bar',
            data: buckets.map((b, i) => ({ value: wan(toFen(b.principal)), itemStyle: { color: i === 0 ? '#237804' : '#c41d1d' } })),
          },
        ],
      }}
    />
  );
}
