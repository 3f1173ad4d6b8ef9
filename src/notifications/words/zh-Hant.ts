import type { MessageKey } from './en';

/** The words of notifications in Traditional Chinese, key for key with `en.ts`. */
export const zhHant: Record<MessageKey, string> = {
  'request.received.title': '{fromCompany} 邀請 {toCompany} 會面',
  'request.received.body':
    '{fromCompany}（{fromCountry}）希望在「{session}」與 {toCompany} 會面，活動於 {startsAt} 開始。{hasMessage, select, yes {對方留言：「{message}」} other {}}',
  'request.received.action': '回覆邀請',

  'request.answered.title':
    '{status, select, accepted {{toCompany} 已接受您的會面邀請} other {{toCompany} 已婉拒您的會面邀請}}',
  'request.answered.body':
    '{status, select, accepted {{toCompany}（{toCountry}）已接受 {fromCompany} 在「{session}」提出的會面邀請，活動於 {startsAt} 開始。會面時段將於日程公布時安排。} other {{toCompany}（{toCountry}）已婉拒 {fromCompany} 在「{session}」提出的會面邀請。您的配對清單中或有更合適的企業。}}',
  'request.answered.action': '查看您的邀請',

  'request.cancelled.title': '{fromCompany} 已撤回會面邀請',
  'request.cancelled.body':
    '{fromCompany}（{fromCountry}）已撤回在「{session}」向 {toCompany} 提出的會面邀請，活動於 {startsAt} 開始。',
  'request.cancelled.action': '查看您的邀請',

  'time.withOther': '{time}（{otherName}當地時間：{otherTime}）',
  'email.greeting': '{name} 您好：',
  'email.openLink': '或開啟此連結：',
  'email.why': '您收到此電郵，是因為您擁有 TradeMatch 帳戶（{email}）。',
  'email.settings': '選擇 TradeMatch 通知您的內容與方式',
  'email.unsubscribe': '不再接收此類電郵',
};
