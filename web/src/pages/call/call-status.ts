import type { MessageKey } from '../../i18n';
import type { Phase } from './use-video-call';

/** What the status line says in each phase of the call, and its tone; nothing before it starts. */
export function callStatus(phase: Phase): { key: MessageKey; tone: string } | null {
  switch (phase) {
    case 'starting':
      return { key: 'call.starting', tone: '' };
    case 'waiting':
      return { key: 'call.waiting', tone: '' };
    case 'connecting':
      return { key: 'call.connecting', tone: '' };
    case 'connected':
      return { key: 'call.connected', tone: 'ok' };
    case 'lost':
      return { key: 'call.lost', tone: 'warn' };
    default:
      return null;
  }
}
