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
    '{status, select, accepted {{toCompany}（{toCountry}）已接受 {fromCompany} 在「{session}」提出的會面邀請，活動於 {startsAt} 開始。會面時段將於日程公布時安排。} other {{toCompany}（{toCountry}）已婉拒 {fromCompany} 在「{session}」提出的會面邀請。{hasReason, select, yes {原因：「{reason}」} other {}}您的配對清單中或有更合適的企業。}}',
  'request.answered.action': '查看您的邀請',

  'request.cancelled.title':
    '{removed, select, yes {{removedCompany} 已不再參與「{session}」} other {{fromCompany} 已撤回會面邀請}}',
  'request.cancelled.body':
    '{removed, select, yes {{removedCompany} 已不再參與「{session}」（於 {startsAt} 開始）：{fromCompany} 向 {toCompany} 提出的會面邀請已取消。} other {{fromCompany}（{fromCountry}）已撤回在「{session}」向 {toCompany} 提出的會面邀請，活動於 {startsAt} 開始。}}',
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

  // 主辦機構邀請企業註冊並參與配對活動（issue 15）。
  'session.invitation.title': '{inviter} 邀請 {company} 參與 TradeMatch 上的「{session}」',
  'session.invitation.body':
    '{inviter} 邀請 {company} 參與「{session}」（於 {startsAt} 開始）：TradeMatch 跨境商貿配對平台上的一對一商務會面。請使用以下連結建立帳戶（或登入）並登記貴公司；主辦機構核實後，貴公司即加入活動。連結於 14 天內有效。',
  'session.invitation.action': '接受邀請',
  'email.whyInvitedToSession':
    '您收到此電郵，是因為 {inviter} 在 TradeMatch 輸入了 {email} 作為受邀企業的地址。如您並無預期，請忽略此電郵。',

  'email.whyInvited':
    '您收到此電郵，是因為 {inviter} 在 TradeMatch 輸入了 {email}。如您不認識對方，請忽略此電郵。',
  'email.whyNewAddress':
    '您收到此電郵，是因為此地址（{email}）被輸入為某個 TradeMatch 帳戶的新地址。',

  'schedule.published.title':
    '{republished, select, yes {您在「{session}」的日程已更新} other {「{session}」的日程已公布}}',
  'schedule.published.body':
    '{republished, select, yes {主辦單位已重新公布「{session}」的日程。{company} 的變更如下：\n{changes}\n\n} other {「{session}」的日程已公布。}}{count, plural, =0 {{company} 目前在此活動中沒有會面。} other {{company} 共有 {count} 場會面：}}\n{agenda}\n\n附件日曆檔（.ics）已載有{count, plural, =0 {日程} other {全部會面}}。',
  'schedule.published.meeting':
    '{startsAt}：{partner}（{country}），{place, select, table {第 {table} 桌} other {視像會議}}',
  'schedule.published.change':
    '{change, select, added {新增：{startsAt} 與 {partner}（{country}）會面} moved {改期：與 {partner}（{country}）的會面由 {from} 改至 {startsAt}} other {取消：{startsAt} 與 {partner}（{country}）的會面}}',
  'schedule.published.action': '查看您的日程',

  'meeting.changed.title':
    '{change, select, added {與 {partner} 的新會面} moved {您與 {partner} 的會面時間已更改} other {您與 {partner} 的會面已取消}}',
  'meeting.changed.body':
    '{change, select, added {主辦單位已為 {company} 安排與 {partner}（{country}）在「{session}」於 {startsAt} 的會面，{place, select, table {地點為第 {table} 桌} other {以視像會議進行}}。稍後會發送提醒。} moved {主辦單位已將 {company} 與 {partner}（{country}）在「{session}」的會面由 {from} 改至 {startsAt}，{place, select, table {地點為第 {table} 桌} other {以視像會議進行}}。提醒將按新時間發送。} other {{company} 與 {partner}（{country}）在「{session}」原定於 {startsAt} 的會面，已由{cancelledBy, select, organisers {主辦單位} partner {{partner}} other {{company}}}取消。該時段已空出，此會面的提醒亦不會再發送。}}',
  'meeting.changed.action': '查看您的日程',

  'meeting.reminder.title':
    '{unit, select, days {{amount} 天} hours {{amount} 小時} other {{amount} 分鐘}}後與 {partner} 會面',
  'meeting.reminder.body':
    '{company} 將於 {startsAt} 在「{session}」與 {partner}（{country}）會面，{place, select, table {地點為第 {table} 桌} other {以視像會議進行：開啟活動頁面即可加入}}。附件日曆檔（.ics）已載有此會面。',
  'meeting.reminder.action': '開啟活動',

  'requests.digest.title': '{count} 個會面邀請仍待您回覆',
  'requests.digest.body':
    '以下發給貴公司的會面邀請尚未回覆：\n{requests}\n\n在編排日程前回覆的邀請，方可獲安排會面。',
  'requests.digest.request':
    '{fromCompany}（{fromCountry}）邀請 {toCompany} 在「{session}」會面，活動於 {startsAt} 開始',
  'requests.digest.action': '回覆邀請',

  'company.verification.title':
    '{status, select, verified {{company} 已通過審核} other {{company} 未獲通過審核}}',
  'company.verification.body':
    '{status, select, verified {主辦單位已審核並確認 {company}。貴公司現已列入企業名錄，可參加配對活動及申請加入代表團。} other {主辦單位未有通過 {company} 的審核。{hasReason, select, yes {原因：「{reason}」} other {}}請更正公司資料，主辦單位其後可再次審核。}}',
  'company.verification.action': '{status, select, verified {查看貴公司} other {檢視公司資料}}',

  'application.decided.title':
    '{promoted, select, yes {{company} 已從候補名單獲「{delegation}」取錄} other {{status, select, accepted {{company} 已獲「{delegation}」取錄} rejected {{company} 未獲「{delegation}」取錄} other {{company} 已列入「{delegation}」候補名單}}}}',
  'application.decided.body':
    '{promoted, select, yes {前往 {city} 的代表團「{delegation}」（{startsOn} 至 {endsOn}）有名額空出，候補名單首位的 {company} 現已獲取錄。} other {{status, select, accepted {主辦單位已取錄 {company} 加入前往 {city} 的代表團「{delegation}」（{startsOn} 至 {endsOn}）。} rejected {主辦單位未有取錄 {company} 加入前往 {city} 的代表團「{delegation}」。{hasReason, select, yes {原因：「{reason}」} other {}}} other {前往 {city} 的代表團「{delegation}」（{startsOn} 至 {endsOn}）名額已滿；{company} 已列入候補名單，有名額空出時將優先獲取錄。}}}}',
  'application.decided.action': '查看代表團',

  'message.unread.title': '{fromCompany} 傳訊息給 {toCompany}',
  'message.unread.body':
    '{fromCompany}（{fromCountry}）傳給 {toCompany} 的訊息尚未讀取：「{text}」',
  'message.unread.action': '閱讀並回覆',

  'opportunity.digest.title': '商機版上有 {count} 則適合 {company} 的新貼文',
  'opportunity.digest.body':
    '本週商機版的新貼文，按與 {company} 的契合度排列：\n{posts}\n\n請開啟商機版細閱，並在截止前表達興趣。',
  'opportunity.digest.post':
    '「{title}」：{kind, select, offer {{poster} 的供應} request {{poster} 的需求} project {主辦單位發布的項目} other {主辦單位發布的市場資訊}}{hasPartner, select, yes {（{partnerCountry}）} other {}}，契合度 {score}%{hasDeadline, select, yes {，截止時間 {deadline}} other {}}',
  'opportunity.digest.action': '開啟商機版',

  'followup.survey.title': '{company} 在「{session}」的會面有何成果？',
  'followup.survey.body':
    '{months} 個月前，{company} 在「{session}」進行了 {count} 場會面。請告訴主辦方{count, plural, one {這場會面} other {每場會面}}的成果：沒有進展、有後續聯絡、正在洽談，或已簽訂協議，亦可選填訂單金額。只需一分鐘，無須登入，有助計劃評估成效。此連結有效至 {expiresAt}。',
  'followup.survey.action': '告訴我們成果',
  'agreement.expiring.title': '與{partner}的協議即將到期，需要續簽',
  'agreement.expiring.body':
    '與{partner}簽訂的協議「{agreement}」將於{expiresOn, date, long}到期（尚餘 {days} 日）。請及早準備續簽：續簽會記錄為一份新協議，而這份協議會保留在紀錄中。',
  'agreement.expiring.action': '開啟合作夥伴經濟體',

  'announcement.title': '「{session}」公告',
  'announcement.body': '{from}：「{text}」',
  'announcement.action': '開啟活動',

  'seminar.registration.title': '您已取得「{seminar}」的座位',
  'seminar.registration.body':
    '「{seminar}」（{startsAt}）有座位空出，您是 {company} 在候補名單上的首位，現已取得該座位。入場登記碼載於研討會頁面。',
  'seminar.registration.action': '查看您的座位',

  'seminar.reminder.title': '「{seminar}」明天舉行',
  'seminar.reminder.body':
    '提提您：{kind, select, workshop {工作坊} forum {論壇} other {研討會}}「{seminar}」將於 {startsAt} 開始{place, select, venue {，地點為 {venue}} other {}}{hasVideo, select, yes {；亦可於活動頁面以視像參與} other {}}。入場時請出示頁面上的二維碼以辦理登記。',
  'seminar.reminder.action': '開啟研討會',

  'time.withOther': '{time}（{otherName}當地時間：{otherTime}）',
  'email.greeting': '{name} 您好：',
  'email.openLink': '或開啟此連結：',
  'email.why': '您收到此電郵，是因為您擁有 TradeMatch 帳戶（{email}）。',
  'email.settings': '選擇 TradeMatch 通知您的內容與方式',
  'email.unsubscribe': '不再接收此類電郵',
};
