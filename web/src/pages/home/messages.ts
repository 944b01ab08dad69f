import type { Messages } from '../../i18n/messages';

export const messages: Messages = {
  'zh-CN': {
    'home.area': '概览',
    'home.welcome': '欢迎',
    'home.signedInAs': '您以{role}身份登录。',
    'home.pickFromMenu': '请从左侧菜单选择要办理的业务。',
  },
  'en-US': {
    'home.area': 'Overview',
    'home.welcome': 'Welcome',
    'home.signedInAs': 'You are signed in as {role}.',
    'home.pickFromMenu': 'Choose what to do from the menu on the left.',
  },
};
