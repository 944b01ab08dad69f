import { useQuery } from '@tanstack/react-query';
import { Alert, Empty, Flex, Select, Space, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import { useMe } from '../../auth/auth';
import { useT } from '../../i18n/locale';
import type { Programme } from '../../api/types';

/**
 * Whose data a page shows: a clerk's own core enterprise, or, for the bank's staff, the one chosen
 * in the picker (kept in the address, ?ce=, so that a link or a reload shows the same).
 */
export function useCoreEnterpriseId(): string | null {
  const me = useMe();
  const [params] = useSearchParams();
  return me.role === 'ENTERPRISE' ? me.coreEnterpriseId : params.get('ce');
}

export function CoreEnterprisePicker() {
  const me = useMe();
  const t = useT();
  const [params, setParams] = useSearchParams();
  const list = useQuery({
    queryKey: ['core-enterprises'],
    enabled: me.role !== 'ENTERPRISE',
    queryFn: () => ok(api.GET('/core-enterprises', { params: { query: { pageSize: 500 } } })),
  });
  if (me.role === 'ENTERPRISE') return null;
  return (
    <Space>
      <Typography.Text>{t('clerk.coreEnterprise')}</Typography.Text>
      <Select
        aria-label={t('clerk.coreEnterprise')}
        style={{ width: 260 }}
        showSearch
        optionFilterProp="label"
        loading={list.isPending}
        placeholder={t('common.choose')}
        value={params.get('ce') ?? undefined}
        onChange={(ce: string) => setParams({ ce })}
        options={list.data?.items.map((c) => ({ value: c.id, label: c.name }))}
      />
    </Space>
  );
}

/** The core enterprise's active programmes. */
export function useProgrammes(coreEnterpriseId: string | null) {
  return useQuery({
    queryKey: ['programmes', coreEnterpriseId],
    enabled: !!coreEnterpriseId,
    queryFn: () =>
      ok(api.GET('/programmes', { params: { query: { coreEnterpriseId: coreEnterpriseId!, active: 'true', pageSize: 500 } } })),
  });
}

export function ProgrammePicker({ programmes, value, onChange }: { programmes: Programme[]; value?: string; onChange(id: string): void }) {
  const t = useT();
  return (
    <Space>
      <Typography.Text>{t('common.programme')}</Typography.Text>
      <Select
        aria-label={t('common.programme')}
        style={{ width: 260 }}
        value={value}
        placeholder={t('common.choose')}
        onChange={onChange}
        options={programmes.map((p) => ({ value: p.id, label: p.name }))}
      />
    </Space>
  );
}

/** A page about one core enterprise: its title, the staff's picker, then the page once one is chosen. */
export function CoreEnterpriseScope({ title, children }: { title: string; children: (coreEnterpriseId: string) => ReactNode }) {
  const t = useT();
  const ce = useCoreEnterpriseId();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <CoreEnterprisePicker />
      {ce ? children(ce) : <Alert type="info" title={t('clerk.pickCoreEnterprise')} />}
    </Flex>
  );
}

/** A page about one programme of a core enterprise: the pickers, then the page for the programme chosen (the first by default). */
export function ProgrammeScope({
  title,
  children,
}: {
  title: string;
  children: (programme: Programme, coreEnterpriseId: string) => ReactNode;
}) {
  const t = useT();
  const ce = useCoreEnterpriseId();
  const programmes = useProgrammes(ce);
  const [chosen, setChosen] = useState<string>();
  const programme = programmes.data?.items.find((p) => p.id === chosen) ?? programmes.data?.items[0];
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      <Space wrap size="large">
        <CoreEnterprisePicker />
        {programmes.data && programmes.data.items.length > 0 && (
          <ProgrammePicker programmes={programmes.data.items} value={programme?.id} onChange={setChosen} />
        )}
      </Space>
      {!ce && <Alert type="info" title={t('clerk.pickCoreEnterprise')} />}
      {programmes.data && programmes.data.items.length === 0 && <Empty description={t('clerk.noProgramme')} />}
      {ce && programme && children(programme, ce)}
    </Flex>
  );
}
