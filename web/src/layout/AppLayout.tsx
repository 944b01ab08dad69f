import { GlobalOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, Result, Select, Space, Spin, Tag, Typography, type MenuProps } from 'antd';
import { Suspense } from 'react';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useAuth } from '../auth/auth';
import { useLocale } from '../i18n/locale';
import type { Locale } from '../i18n/messages';
import { areas, canOpen } from '../routing/registry';

const { Header, Sider, Content } = Layout;

export function PageSpinner() {
  const { t } = useLocale();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin description={t('app.loading')} />
    </div>
  );
}

/** The signed-in frame: the menu shows what the user's role may open (api.md's "who"). */
export function AppLayout() {
  const { token, me, loading, logout } = useAuth();
  const { t, locale, setLocale } = useLocale();
  const location = useLocation();
  if (!token) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (loading || !me) return <PageSpinner />;

  const items: MenuProps['items'] = areas
    .map((area) => ({
      area,
      routes: area.routes.filter((r) => r.menu !== false && canOpen(r, me.role)).sort((a, b) => (a.order ?? 0) - (b.order ?? 0)),
    }))
    .filter(({ routes }) => routes.length > 0)
    .map(({ area, routes }) => ({
      type: 'group' as const,
      key: area.title,
      label: t(area.title),
      children: routes.map((r) => ({ key: `/${r.path}`, icon: r.icon, label: <Link to={`/${r.path}`}>{t(r.title)}</Link> })),
    }));
  const selected = `/${location.pathname.split('/').filter(Boolean).slice(0, 2).join('/')}`;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={216} breakpoint="lg" collapsedWidth={0} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <div style={{ padding: '16px 20px' }}>
          <Typography.Title level={1} style={{ fontSize: 18, margin: 0 }}>
            <Link to="/">ChainLend</Link>
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.console')}</Typography.Text>
        </div>
        <nav aria-label={t('app.console')}>
          <Menu mode="inline" items={items} selectedKeys={[selected]} style={{ borderInlineEnd: 0 }} />
        </nav>
      </Sider>
      <Layout>
        <Header
          style={{ background: '#fff', padding: '0 24px', display: 'flex', justifyContent: 'flex-end', borderBottom: '1px solid #f0f0f0' }}
        >
          <Space size="middle">
            <span>
              <UserOutlined /> {me.name} <Tag color="blue">{t(`role.${me.role}`)}</Tag>
            </span>
            <Select<Locale>
              aria-label={t('app.language')}
              value={locale}
              onChange={setLocale}
              suffixIcon={<GlobalOutlined />}
              options={[
                { value: 'zh-CN', label: '简体中文' },
                { value: 'en-US', label: 'English' },
              ]}
              style={{ width: 120 }}
            />
            <Button icon={<LogoutOutlined />} onClick={logout}>
              {t('app.logout')}
            </Button>
          </Space>
        </Header>
        {/* Content is the page's <main> landmark */}
        <Content style={{ padding: 24 }}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}

export function Forbidden() {
  const { t } = useLocale();
  return <Result status="403" title="403" subTitle={t('app.forbidden')} />;
}

export function NotFound() {
  const { t } = useLocale();
  return <Result status="404" title="404" subTitle={t('app.notFound')} />;
}
