import { Card, Typography } from 'antd';
import { useMe } from '../../auth/auth';
import { useT } from '../../i18n/locale';

export default function WelcomePage() {
  const me = useMe();
  const t = useT();
  return (
    <Card>
      <Typography.Title level={2}>{t('app.welcome', { name: me.name })}</Typography.Title>
      <Typography.Paragraph>{t('home.signedInAs', { role: t(`role.${me.role}`) })}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('home.pickFromMenu')}</Typography.Paragraph>
    </Card>
  );
}
