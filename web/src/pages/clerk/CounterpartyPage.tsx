import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Descriptions, Empty, Flex, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { useT } from '../../i18n/locale';
import { formatMoney } from '../../lib/money';
import { ProgrammePicker, useProgrammes } from './core-enterprise';
import { RuleTable } from './RuleTable';
import type { Eligibility } from '../../api/types';
import { useWords } from './words';

/** One supplier or dealer: masked identity, roster attributes, and its eligibility for each programme, rule by rule. */
export default function CounterpartyPage() {
  const t = useT();
  const words = useWords();
  const { id } = useParams<{ id: string }>();
  const [params] = useSearchParams();
  const cp = useQuery({
    queryKey: ['counterparty', id],
    queryFn: () => ok(api.GET('/counterparties/{id}', { params: { path: { id: id! } } })),
  });
  const programmes = useProgrammes(cp.data?.coreEnterpriseId ?? null);
  const [chosen, setChosen] = useState<string>();
  const programmeId = chosen ?? programmes.data?.items[0]?.id;
  const eligibility = useQuery({
    queryKey: ['eligibility', id, programmeId],
    enabled: !!programmeId,
    retry: false,
    queryFn: () => ok(api.GET('/suppliers/{id}/eligibility', { params: { path: { id: id! }, query: { programmeId: programmeId! } } })),
  });
  const c = cp.data;
  const ce = params.get('ce');

  return (
    <Flex vertical gap={16}>
      <Link to={`/clerk/counterparties${ce ? `?ce=${ce}` : ''}`}>
        <ArrowLeftOutlined /> {t('counterparties.back')}
      </Link>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('counterparties.detail')}
        {c && ` · ${c.name}`}
      </Typography.Title>
      <Card loading={cp.isPending}>
        {c && (
          <Descriptions column={3} size="small" bordered>
            <Descriptions.Item label={t('counterparties.code')}>{c.code}</Descriptions.Item>
            <Descriptions.Item label={t('counterparties.name')}>{c.name}</Descriptions.Item>
            <Descriptions.Item label={t('counterparties.type')}>{t(`type.${c.counterpartyType}`)}</Descriptions.Item>
            <Descriptions.Item label={t('counterparties.idNumber')}>{c.idNumber}</Descriptions.Item>
            <Descriptions.Item label={t('counterparties.phone')}>{c.phone ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('counterparties.province')}>{c.province ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('counterparties.bankAccount')}>{c.bankAccount ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('counterparties.bankName')}>{c.bankName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('counterparties.blacklisted')}>
              {c.blacklisted ? <Tag color="error">{t('common.yes')}</Tag> : t('common.no')}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {c && Object.keys(c.attributes).length > 0 && (
        <Card title={t('counterparties.attributes')}>
          <Descriptions column={3} size="small">
            {Object.entries(c.attributes).map(([key, value]) => (
              <Descriptions.Item key={key} label={words.column(key)}>
                {value === null || value === undefined ? '—' : String(value)}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
      <Card
        title={t('eligibility.forProgramme')}
        extra={programmes.data && <ProgrammePicker programmes={programmes.data.items} value={programmeId} onChange={setChosen} />}
      >
        {programmes.data && programmes.data.items.length === 0 && <Empty description={t('clerk.noProgramme')} />}
        {eligibility.isError && <Alert type="warning" title={t('eligibility.noScreening')} />}
        {eligibility.data && <EligibilityView e={eligibility.data} />}
      </Card>
    </Flex>
  );
}

export function EligibilityView({ e }: { e: Eligibility }) {
  const t = useT();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions column={4} size="small">
        <Descriptions.Item label={t('eligibility.result')}>
          {e.eligible ? <Tag color="success">{t('eligibility.eligible')}</Tag> : <Tag color="error">{t('eligibility.notEligible')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('eligibility.creditLimit')}>{formatMoney(e.creditLimit)}</Descriptions.Item>
        <Descriptions.Item label={t('eligibility.availableLimit')}>{formatMoney(e.availableLimit)}</Descriptions.Item>
        <Descriptions.Item label={t('eligibility.rulesetVersion')}>{e.rulesetVersion}</Descriptions.Item>
      </Descriptions>
      <RuleTable results={e.results} />
    </Space>
  );
}
