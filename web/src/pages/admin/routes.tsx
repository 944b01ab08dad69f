import { ApartmentOutlined, KeyOutlined, TeamOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import type { ConsoleArea } from '../../routing/registry';

export const area: ConsoleArea = {
  title: 'admin.area',
  order: 30,
  routes: [
    {
      path: 'admin/programmes',
      title: 'admin.programmes',
      roles: ['ADMIN'],
      icon: <ApartmentOutlined />,
      order: 1,
      component: lazy(() => import('./ProgrammesPage')),
    },
    {
      path: 'admin/users',
      title: 'admin.users',
      roles: ['ADMIN'],
      icon: <TeamOutlined />,
      order: 2,
      component: lazy(() => import('./UsersPage')),
    },
    {
      path: 'admin/api-keys',
      title: 'admin.apiKeys',
      roles: ['ADMIN'],
      icon: <KeyOutlined />,
      order: 3,
      component: lazy(() => import('./ApiKeysPage')),
    },
  ],
};
