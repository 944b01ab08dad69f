import { FileSearchOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleArea } from '../../routing/registry';

export const area: ConsoleArea = {
  title: 'audit.area',
  order: 40,
  routes: [
    {
      path: 'audit/events',
      title: 'audit.title',
      roles: ['ADMIN', 'AUDITOR'],
      icon: <FileSearchOutlined />,
      component: lazy(() => import('./AuditPage')),
    },
  ],
};
