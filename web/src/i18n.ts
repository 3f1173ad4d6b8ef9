import { createContext, useContext } from 'react';

/** Every string the app shows, in English and Traditional Chinese; `{name}` marks a value. */
const en = {
  'app.name': 'TradeMatch',
  'app.tagline': 'Cross-border business matching',
  'nav.sessions': 'Sessions',
  'nav.company': 'My company',
  'nav.signOut': 'Sign out',
  'nav.language': 'Language',
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.network': 'The server cannot be reached. Check your connection and try again.',
  'common.saving': 'Saving…',
  'common.notFound': 'This page does not exist.',
  'common.back': 'Back',
  'auth.signIn': 'Sign in',
  'auth.signUp': 'Create an account',
  'auth.email': 'Email',
  'auth.password': 'Password',
  'auth.passwordHint': 'At least 10 characters.',
  'auth.name': 'Your name',
  'auth.haveAccount': 'Already have an account?',
  'auth.noAccount': 'New to TradeMatch?',
  'auth.welcome': 'Meet the right partners across borders.',
  'company.register': 'Register your company',
  'company.intro':
    'Tell other firms what you offer and what you seek. An organiser checks the company before it can join sessions.',
  'company.name': 'Company name',
  'company.country': 'Country (two letters, e.g. HK, CA)',
  'company.city': 'City',
  'company.website': 'Website',
  'company.description': 'Description',
  'company.sectors': 'Sectors',
  'company.partnerTypes': 'Partnerships you want',
  'company.offers': 'What you offer (comma-separated)',
  'company.seeks': 'What you seek (comma-separated)',
  'company.targetMarkets': 'Target markets (country codes, comma-separated)',
  'company.languages': 'Languages (e.g. en, zh)',
  'company.timezone': 'Time zone',
  'company.employees': 'Employees',
  'company.submit': 'Register company',
  'company.status.pending': 'Waiting for an organiser to verify it',
  'company.status.verified': 'Verified',
  'company.status.rejected': 'Rejected by an organiser',
  'company.yours': 'Your companies',
  'company.none': 'You have not registered a company yet.',
  'company.registered': '{name} is registered. An organiser will verify it.',
  'sessions.title': 'Matchmaking sessions',
  'sessions.none': 'No sessions yet.',
  'sessions.mode.video': 'Video',
  'sessions.mode.in-person': 'In person',
  'sessions.status.draft': 'Draft',
  'sessions.status.open': 'Open',
  'sessions.status.scheduled': 'Scheduled',
  'sessions.status.live': 'Live',
  'sessions.status.closed': 'Closed',
  'session.when': '{start} – {end}, in your time zone ({zone})',
  'session.deadline': 'Requests until {time}',
  'session.participants': '{count} firms take part',
  'session.slot': '{minutes}-minute meetings',
  'session.join': 'Join as {name}',
  'session.joined': '{name} takes part',
  'session.as': 'Acting for',
  'session.needVerified': 'A verified company can join. {name}: {status}.',
  'session.needCompany': 'Register your company to take part.',
  'matches.title': 'Your best matches',
  'matches.none': 'No matches yet: scoring runs in the background, look again in a moment.',
  'matches.score': 'Score {score}',
  'matches.request': 'Request a meeting',
  'matches.message': 'Message (optional)',
  'matches.send': 'Send request',
  'matches.cancel': 'Cancel',
  'matches.requested': 'Meeting requested',
  'requests.title': 'Meeting requests',
  'requests.received': 'Received',
  'requests.sent': 'Sent',
  'requests.none': 'None yet.',
  'requests.from': 'From {name}',
  'requests.to': 'To {name}',
  'requests.accept': 'Accept',
  'requests.decline': 'Decline',
  'requests.mutual': 'You both asked',
  'requests.status.pending': 'Pending',
  'requests.status.accepted': 'Accepted',
  'requests.status.declined': 'Declined',
  'requests.status.cancelled': 'Cancelled',
  'agenda.title': 'Your agenda',
  'agenda.none':
    'No meetings scheduled yet. The agenda appears once the organiser publishes the schedule.',
  'agenda.theirTime': 'their time: {time} ({zone})',
  'agenda.download': 'Add to calendar (.ics)',
  'agenda.table': 'Table {table}',
  'agenda.video': 'Video meeting',
  'live.open': 'Open the live room',
  'live.title': 'Live room',
  'live.connecting': 'Connecting to the live room…',
  'live.reconnecting': 'Connection lost. Reconnecting…',
  'live.refused': 'The live room refused the connection: {message}',
  'live.online': 'Online now ({count})',
  'live.nobody': 'Nobody else is here yet.',
  'live.slot': 'Current slot',
  'live.slotLeft': 'Slot {index} ends in {left}',
  'live.between': 'No slot is running now.',
  'live.nextSlot': 'Next slot starts at {time}',
  'live.meetingNow': 'Now: with {name} ({country})',
  'live.meetingNext': 'Next: with {name} ({country}) at {time}',
  'live.noMeeting': 'No meeting of yours is coming up.',
  'live.announcements': 'Announcements',
  'live.noAnnouncements': 'No announcements yet.',
  'live.ending': 'This slot ends in {seconds} seconds.',
  'live.activity': 'Just now',
  'live.requestCreated': 'New meeting request: {from} → {to}',
  'live.requestUpdated': 'Request {from} → {to}: {status}',
  'live.schedulePublished': 'The schedule was published: your agenda may have changed.',
  'live.matchesUpdated': 'Your matches were updated.',
  'call.title': 'Video call',
  'call.with': 'Your meeting with {name} ({country})',
  'call.join': 'Join call',
  'call.hangUp': 'Hang up',
  'call.cameraOff': 'Turn camera off',
  'call.cameraOn': 'Turn camera on',
  'call.micOff': 'Mute microphone',
  'call.micOn': 'Unmute microphone',
  'call.you': 'You',
  'call.starting': 'Starting your camera and microphone…',
  'call.refused':
    'Camera and microphone access was refused. Allow it in your browser settings and try again.',
  'call.noDevice': 'No camera or microphone was found.',
  'call.deviceError': 'The camera or microphone could not start: {message}',
  'call.waiting': 'Waiting for {name} to join…',
  'call.connecting': 'Connecting to {name}…',
  'call.connected': 'Connected to {name}',
  'call.lost': 'Connection lost. Reconnecting…',
  'call.left': '{name} left the call.',
  'call.signalError': 'The call message was not delivered: {message}',
  'call.idle': 'Test your camera any time before the meeting, then join when it starts.',
} as const;

export type MessageKey = keyof typeof en;
export type Dictionary = Record<MessageKey, string>;

const zhHant: Dictionary = {
  'app.name': 'TradeMatch',
  'app.tagline': '跨境商貿配對',
  'nav.sessions': '配對會',
  'nav.company': '我的公司',
  'nav.signOut': '登出',
  'nav.language': '語言',
  'common.loading': '載入中…',
  'common.retry': '再試一次',
  'common.network': '無法連接伺服器，請檢查網絡後再試。',
  'common.saving': '儲存中…',
  'common.notFound': '找不到此頁。',
  'common.back': '返回',
  'auth.signIn': '登入',
  'auth.signUp': '建立帳戶',
  'auth.email': '電郵',
  'auth.password': '密碼',
  'auth.passwordHint': '最少 10 個字元。',
  'auth.name': '姓名',
  'auth.haveAccount': '已有帳戶？',
  'auth.noAccount': '初次使用 TradeMatch？',
  'auth.welcome': '跨越邊境，結識合適的夥伴。',
  'company.register': '登記公司',
  'company.intro': '說明貴公司提供甚麼、尋找甚麼。公司經主辦單位核實後方可參加配對會。',
  'company.name': '公司名稱',
  'company.country': '國家或地區（兩個字母，例如 HK、CA）',
  'company.city': '城市',
  'company.website': '網站',
  'company.description': '簡介',
  'company.sectors': '行業',
  'company.partnerTypes': '希望的合作方式',
  'company.offers': '提供（以逗號分隔）',
  'company.seeks': '尋找（以逗號分隔）',
  'company.targetMarkets': '目標市場（國家代碼，以逗號分隔）',
  'company.languages': '語言（例如 en、zh）',
  'company.timezone': '時區',
  'company.employees': '員工人數',
  'company.submit': '登記公司',
  'company.status.pending': '等待主辦單位核實',
  'company.status.verified': '已核實',
  'company.status.rejected': '主辦單位不予核實',
  'company.yours': '你的公司',
  'company.none': '你尚未登記公司。',
  'company.registered': '已登記 {name}，主辦單位將會核實。',
  'sessions.title': '商貿配對會',
  'sessions.none': '暫時沒有配對會。',
  'sessions.mode.video': '視像',
  'sessions.mode.in-person': '實體',
  'sessions.status.draft': '草稿',
  'sessions.status.open': '接受報名',
  'sessions.status.scheduled': '已排程',
  'sessions.status.live': '進行中',
  'sessions.status.closed': '已結束',
  'session.when': '{start} 至 {end}（你的時區：{zone}）',
  'session.deadline': '會面邀請截止：{time}',
  'session.participants': '{count} 家公司參加',
  'session.slot': '每場會面 {minutes} 分鐘',
  'session.join': '以 {name} 參加',
  'session.joined': '{name} 已參加',
  'session.as': '代表公司',
  'session.needVerified': '只有已核實的公司可以參加。{name}：{status}。',
  'session.needCompany': '請先登記公司。',
  'matches.title': '最佳配對',
  'matches.none': '暫時沒有配對結果：系統正在評分，請稍後再看。',
  'matches.score': '分數 {score}',
  'matches.request': '邀請會面',
  'matches.message': '留言（選填）',
  'matches.send': '發出邀請',
  'matches.cancel': '取消',
  'matches.requested': '已邀請會面',
  'requests.title': '會面邀請',
  'requests.received': '收到的',
  'requests.sent': '發出的',
  'requests.none': '暫時沒有。',
  'requests.from': '來自 {name}',
  'requests.to': '致 {name}',
  'requests.accept': '接受',
  'requests.decline': '婉拒',
  'requests.mutual': '雙方都想會面',
  'requests.status.pending': '待回覆',
  'requests.status.accepted': '已接受',
  'requests.status.declined': '已婉拒',
  'requests.status.cancelled': '已取消',
  'agenda.title': '你的議程',
  'agenda.none': '暫時未有會面。主辦單位公佈時間表後，議程會在此顯示。',
  'agenda.theirTime': '對方時間：{time}（{zone}）',
  'agenda.download': '加入行事曆（.ics）',
  'agenda.table': '第 {table} 桌',
  'agenda.video': '視像會面',
  'live.open': '進入即時會場',
  'live.title': '即時會場',
  'live.connecting': '正在連接即時會場…',
  'live.reconnecting': '連線中斷，正在重新連接…',
  'live.refused': '即時會場拒絕連線：{message}',
  'live.online': '在線（{count}）',
  'live.nobody': '暫時未有其他人。',
  'live.slot': '目前時段',
  'live.slotLeft': '第 {index} 時段尚餘 {left}',
  'live.between': '現在沒有進行中的時段。',
  'live.nextSlot': '下一時段於 {time} 開始',
  'live.meetingNow': '現在：與 {name}（{country}）會面',
  'live.meetingNext': '下一場：{time} 與 {name}（{country}）會面',
  'live.noMeeting': '你暫時沒有即將舉行的會面。',
  'live.announcements': '公告',
  'live.noAnnouncements': '暫時沒有公告。',
  'live.ending': '本時段將於 {seconds} 秒後結束。',
  'live.activity': '最新動態',
  'live.requestCreated': '新的會面邀請：{from} → {to}',
  'live.requestUpdated': '會面邀請 {from} → {to}：{status}',
  'live.schedulePublished': '時間表已公佈，你的議程可能有變。',
  'live.matchesUpdated': '你的配對結果已更新。',
  'call.title': '視像通話',
  'call.with': '你與 {name}（{country}）的會面',
  'call.join': '加入通話',
  'call.hangUp': '掛斷',
  'call.cameraOff': '關閉鏡頭',
  'call.cameraOn': '開啟鏡頭',
  'call.micOff': '關閉咪高峰',
  'call.micOn': '開啟咪高峰',
  'call.you': '你',
  'call.starting': '正在啟動鏡頭及咪高峰…',
  'call.refused': '鏡頭及咪高峰的使用權限被拒絕。請在瀏覽器設定中允許後再試。',
  'call.noDevice': '找不到鏡頭或咪高峰。',
  'call.deviceError': '鏡頭或咪高峰無法啟動：{message}',
  'call.waiting': '正在等待 {name} 加入…',
  'call.connecting': '正在連接 {name}…',
  'call.connected': '已與 {name} 連線',
  'call.lost': '連線中斷，正在重新連接…',
  'call.left': '{name} 已離開通話。',
  'call.signalError': '通話訊息未能送達：{message}',
  'call.idle': '會面開始前可隨時測試鏡頭，會面開始時再加入。',
};

export const LANGUAGES = { en: 'English', 'zh-Hant': '繁體中文' } as const;
export type Language = keyof typeof LANGUAGES;
const DICTIONARIES: Record<Language, Dictionary> = { en, 'zh-Hant': zhHant };

const LANGUAGE_KEY = 'tradematch.language';

export function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved === 'en' || saved === 'zh-Hant') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh-Hant' : 'en';
}

export function saveLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
  document.documentElement.lang = language;
}

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const dictionary = DICTIONARIES[language];
  return (key, values = {}) =>
    dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
}

export interface I18n {
  language: Language;
  t: Translate;
  /** A date and time in the chosen language, in `timeZone` (the viewer's own by default). */
  dateTime: (iso: string, timeZone?: string) => string;
  time: (iso: string, timeZone?: string) => string;
}

export const VIEWER_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The browser's own variant of the chosen language (en-GB writes 22:00, en-US 10:00 PM). */
function formatLocale(language: Language): string {
  const own = navigator.language;
  return language === 'en' && own.toLowerCase().startsWith('en') ? own : language;
}

export function makeI18n(language: Language): I18n {
  const locale = formatLocale(language);
  return {
    language,
    t: translator(language),
    dateTime: (iso, timeZone = VIEWER_ZONE) =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone,
      }).format(new Date(iso)),
    time: (iso, timeZone = VIEWER_ZONE) =>
      new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }).format(new Date(iso)),
  };
}

export const I18nContext = createContext<I18n>(makeI18n('en'));

export function useI18n(): I18n {
  return useContext(I18nContext);
}
