import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, Divider, Drawer, Form, Input, InputNumber, Row, Select, Space, Spin, Statistic, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { api, ok } from '../../api/client';
import { useT } from '../../i18n/locale';
import type { PreviewResult, Programme } from '../../api/types';
import { formatMoney, ProblemAlert, invalidForm } from '../officer/ui';
import { FACTS, moneyDelta, OPERATORS, toRow, toRule, type RuleRow } from './rules';

const PreviewChart = lazy(() => import('./PreviewChart'));

interface Values {
  coreEnterpriseId?: string;
  name: string;
  productType: string;
  minAmount: string;
  maxAmount: string;
  minTermDays: number;
  maxTermDays: number;
  annualRate: string;
  programmeCap: string;
  guaranteeRatio: string;
  fourEyesThreshold: string;
  rules: RuleRow[];
  formula: { maxAmount?: string; settlementMultiple?: string; perHeadAmount?: string; roundDownTo?: string };
}

const DECIMAL = /^\d+(\.\d+)?$/;

function formulaOf(f: Values['formula']) {
  // a term left empty is left out of the min (api.md)
  return Object.fromEntries(
    Object.entries(f).filter(([, v]) => v !== undefined && v !== null && String(v).trim() !== ''),
  ) as Values['formula'];
}

function initialValues(programme: Programme | null): Partial<Values> {
  if (!programme) return { productType: 'SMALL_QUICK_GUARANTEED_LOAN', rules: [], formula: { roundDownTo: '1000' } };
  const { maxAmount, settlementMultiple, perHeadAmount, roundDownTo } = programme.limitFormula;
  return {
    ...programme,
    rules: programme.eligibilityRules.map(toRow),
    formula: { maxAmount, settlementMultiple, perHeadAmount, roundDownTo },
  };
}

/**
 * Create or edit a programme: its product, its admission rules row by row, its limit formula, and
 * what a change would do before it is saved. Mounted while open, so each opening starts from the programme as it is.
 */
export function ProgrammeEditor({ programme, onClose }: { programme: Programme | null; onClose(): void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<PreviewResult | null>(null);
  const editing = !!programme;
  const enterprises = useQuery({
    queryKey: ['core-enterprises'],
    enabled: !editing,
    queryFn: () => ok(api.GET('/core-enterprises', { params: { query: { page: 1, pageSize: 500 } } })),
  });

  const runPreview = useMutation({
    mutationFn: (v: Values) =>
      ok(
        api.POST('/programmes/{id}/eligibility-preview', {
          params: { path: { id: programme!.id } },
          body: { eligibilityRules: v.rules.map(toRule), limitFormula: formulaOf(v.formula) } as never,
        }),
      ),
    onSuccess: setPreview,
  });
  const save = useMutation({
    mutationFn: (v: Values) => {
      const { rules, formula, coreEnterpriseId, ...rest } = v;
      const body = { ...rest, eligibilityRules: rules.map(toRule), limitFormula: formulaOf(formula) };
      return editing
        ? ok(api.PATCH('/programmes/{id}', { params: { path: { id: programme.id } }, body: body as never }))
        : ok(api.POST('/programmes', { body: { ...body, coreEnterpriseId: coreEnterpriseId! } as never }));
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['programmes'] });
      onClose();
    },
  });

  const chartLabels = useMemo(
    () =>
      preview && {
        eligible: t('admin.preview.eligible'),
        limit: t('admin.preview.totalLimit'),
        before: t('admin.preview.before'),
        after: t('admin.preview.after'),
        summary: t('admin.preview.summary', {
          now: preview.eligibleNow,
          after: preview.eligibleAfter,
          limitNow: preview.totalLimitNow,
          limitAfter: preview.totalLimitAfter,
        }),
      },
    [preview, t],
  );

  const money = [{ required: true, pattern: DECIMAL, message: t('admin.decimalRequired') }];
  const operatorsWithoutValue = ['isTrue', 'isFalse'];

  return (
    <Drawer
      open
      onClose={onClose}
      size={900}
      title={editing ? t('admin.programme.edit', { name: programme.name }) : t('admin.programme.create')}
      destroyOnHidden
      extra={
        <Space>
          {editing && (
            <Button
              loading={runPreview.isPending}
              onClick={() => void form.validateFields().then((v) => runPreview.mutate(v), invalidForm)}
            >
              {t('admin.preview.run')}
            </Button>
          )}
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => void form.validateFields().then((v) => save.mutate(v), invalidForm)}
          >
            {t('admin.save')}
          </Button>
        </Space>
      }
    >
      <ProblemAlert error={save.error ?? runPreview.error} onClose={() => (save.reset(), runPreview.reset())} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(programme)}
        onValuesChange={() => setPreview(null)}
        requiredMark={false}
      >
        <Row gutter={16}>
          {!editing && (
            <Col span={12}>
              <Form.Item name="coreEnterpriseId" label={t('admin.programme.coreEnterprise')} rules={[{ required: true }]}>
                <Select options={enterprises.data?.items.map((c) => ({ value: c.id, label: c.name }))} loading={enterprises.isPending} />
              </Form.Item>
            </Col>
          )}
          <Col span={12}>
            <Form.Item name="name" label={t('admin.programme.name')} rules={[{ required: true, whitespace: true }]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="productType" label={t('admin.programme.productType')} rules={[{ required: true }]}>
              <Select
                options={['SMALL_QUICK_GUARANTEED_LOAN', 'WORKING_CAPITAL_LOAN'].map((v) => ({ value: v, label: t(`admin.product.${v}`) }))}
              />
            </Form.Item>
          </Col>
          {(
            [
              ['minAmount', money],
              ['maxAmount', money],
              ['annualRate', money],
              ['programmeCap', money],
              ['guaranteeRatio', money],
              ['fourEyesThreshold', money],
            ] as const
          ).map(([name, rules]) => (
            <Col span={6} key={name}>
              <Form.Item name={name} label={t(`admin.programme.${name}`)} rules={rules}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
          ))}
          <Col span={6}>
            <Form.Item name="minTermDays" label={t('admin.programme.minTermDays')} rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="maxTermDays" label={t('admin.programme.maxTermDays')} rules={[{ required: true }]}>
              <InputNumber min={1} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start">{t('admin.rules')}</Divider>
        <Form.List name="rules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Row gutter={8} key={field.key} align="top" data-testid="rule-row">
                  <Col span={6}>
                    <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true }]}>
                      <Input aria-label={t('admin.rule.nameOf', { n: i + 1 })} placeholder={t('admin.rule.name')} />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item name={[field.name, 'fact']} rules={[{ required: true }]}>
                      <Select
                        aria-label={t('admin.rule.factOf', { n: i + 1 })}
                        placeholder={t('admin.rule.fact')}
                        showSearch
                        options={FACTS.map((f) => ({ value: f, label: `${t(`admin.fact.${f}`)} (${f})` }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={4}>
                    <Form.Item name={[field.name, 'operator']} rules={[{ required: true }]}>
                      <Select
                        aria-label={t('admin.rule.operatorOf', { n: i + 1 })}
                        placeholder={t('admin.rule.operator')}
                        options={OPERATORS.map((o) => ({ value: o, label: o }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={6}>
                    <Form.Item noStyle shouldUpdate>
                      {() => (
                        <Form.Item name={[field.name, 'value']}>
                          <Input
                            aria-label={t('admin.rule.valueOf', { n: i + 1 })}
                            placeholder={t('admin.rule.valueHint')}
                            disabled={operatorsWithoutValue.includes(form.getFieldValue(['rules', field.name, 'operator']) as string)}
                          />
                        </Form.Item>
                      )}
                    </Form.Item>
                  </Col>
                  <Col span={2}>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('admin.rule.removeOf', { n: i + 1 })}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '', fact: undefined, operator: '>=', value: '' })}>
                {t('admin.rule.add')}
              </Button>
            </>
          )}
        </Form.List>

        <Divider titlePlacement="start">{t('admin.formula')}</Divider>
        <Row gutter={16}>
          {(['maxAmount', 'settlementMultiple', 'perHeadAmount', 'roundDownTo'] as const).map((name) => (
            <Col span={6} key={name}>
              <Form.Item
                name={['formula', name]}
                label={t(`admin.formula.${name}`)}
                rules={[{ pattern: DECIMAL, message: t('admin.decimalRequired') }]}
              >
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>

      {editing && !preview && <Alert type="info" showIcon title={t('admin.preview.hint')} />}
      {preview && chartLabels && (
        // below the form: brought into view when it arrives, or the user would not see it at 1366x768
        <section aria-label={t('admin.preview.title')} ref={(el) => el?.scrollIntoView({ block: 'start' })}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {t('admin.preview.title')}
          </Typography.Title>
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={t('admin.preview.suppliers')} value={preview.suppliers} />
            </Col>
            <Col span={6}>
              <Statistic title={t('admin.preview.eligibleChange')} value={`${preview.eligibleNow} → ${preview.eligibleAfter}`} />
            </Col>
            <Col span={6}>
              <Statistic title={t('admin.preview.gainedLost')} value={`+${preview.gained} / −${preview.lost}`} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('admin.preview.limitDelta')}
                value={formatMoney(moneyDelta(preview.totalLimitNow, preview.totalLimitAfter))}
              />
            </Col>
          </Row>
          <Suspense fallback={<Spin />}>
            <PreviewChart preview={preview} labels={chartLabels} />
          </Suspense>
        </section>
      )}
    </Drawer>
  );
}
