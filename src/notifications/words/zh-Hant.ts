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

  // 帳戶與團隊（issue 14）：這些電郵中的連結只可使用一次。
  'password.reset.title': '重設您的 TradeMatch 密碼',
  'password.reset.body':
    '有人（希望是您本人）要求重設 TradeMatch 帳戶 {email} 的密碼。請透過以下連結設定新密碼；連結只可使用一次，一小時內有效，並會登出此帳戶的其他所有登入階段。如您沒有提出要求，請忽略此電郵，您的密碼不會改變。',
  'password.reset.action': '設定新密碼',

  'email.verification.title':
    '{change, select, yes {確認您的 TradeMatch 新電郵地址} other {驗證您的 TradeMatch 電郵地址}}',
  'email.verification.body':
    '{change, select, yes {您要求今後以 {email} 登入 TradeMatch。請於 24 小時內開啟連結以完成更改；在此之前，您的帳戶仍使用舊地址。如您沒有提出要求，請忽略此電郵。} other {請確認 {email} 是您的電郵地址，以便我們就您的會面與您聯絡。連結七天內有效。如您沒有建立 TradeMatch 帳戶，請忽略此電郵。}}',
  'email.verification.action': '{change, select, yes {確認新地址} other {驗證我的地址}}',

  'invitation.title': '{inviter} 邀請您加入 TradeMatch 上的 {company}',
  'invitation.body':
    '{inviter} 邀請您以{role, select, owner {擁有人（可管理團隊）} other {成員}}身分加入 {company} 在 TradeMatch（跨境商貿配對平台）上的團隊。請於七天內透過以下連結登入或建立帳戶，即可加入。',
  'invitation.action': '加入 {company}',

  'email.whyInvited':
    '您收到此電郵，是因為 {inviter} 在 TradeMatch 輸入了 {email}。如您不認識對方，請忽略此電郵。',
  'email.whyNewAddress':
    '您收到此電郵，是因為此地址（{email}）被輸入為某個 TradeMatch 帳戶的新地址。',

  'time.withOther': '{time}（{otherName}當地時間：{otherTime}）',
  'email.greeting': '{name} 您好：',
  'email.openLink': '或開啟此連結：',
  'email.why': '您收到此電郵，是因為您擁有 TradeMatch 帳戶（{email}）。',
  'email.settings': '選擇 TradeMatch 通知您的內容與方式',
  'email.unsubscribe': '不再接收此類電郵',
};
