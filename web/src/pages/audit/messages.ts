import type { Messages } from '../../i18n/messages';

export const messages: Messages = {
  'zh-CN': {
    'audit.area': '审计',
    'audit.title': '审计日志',
    'audit.occurredAt': '时间',
    'audit.actor': '操作人',
    'audit.action': '操作',
    'audit.entityType': '对象类型',
    'audit.entityId': '对象编号',
    'audit.before': '变更前',
    'audit.after': '变更后',
  },
  'en-US': {
    'audit.area': 'Audit',
    'audit.title': 'Audit log',
    'audit.occurredAt': 'When',
    'audit.actor': 'Who',
    'audit.action': 'Action',
    'audit.entityType': 'Entity type',
    'audit.entityId': 'Entity ID',
    'audit.before': 'Before',
    'audit.after': 'After',
  },
};
