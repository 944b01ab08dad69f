import { HomeOutlined } from '@ant-design/icons';
import { lazy } from 'react';
import { ROLES } from '../../auth/roles';
import type { ConsoleArea } from '../../routing/registry';

export const area: ConsoleArea = {
  title: 'home.area',
  order: 0,
  routes: [
    { path: 'welcome', title: 'home.welcome', roles: ROLES, icon: <HomeOutlined />, component: lazy(() => import('./WelcomePage')) },
  ],
};
