import { useI18n } from '../../i18n';

/**
 * "Join call" before the call (none once the meeting is over); in it, the camera and microphone
 * toggles and hang-up.
 */
export function CallControls({
  inCall,
  over,
  starting,
  camera,
  mic,
  onJoin,
  onToggle,
  onHangUp,
}: {
  inCall: boolean;
  over: boolean;
  starting: boolean;
  camera: boolean;
  mic: boolean;
  onJoin: () => void;
  onToggle: (kind: 'video' | 'audio') => void;
  onHangUp: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="actions">
      {!inCall ? (
        !over && (
          <button type="button" onClick={onJoin} disabled={starting}>
            {t('call.join')}
          </button>
        )
      ) : (
        <>
          <button
            type="button"
            className="secondary"
            aria-pressed={!camera}
            onClick={() => onToggle('video')}
          >
            {camera ? t('call.cameraOff') : t('call.cameraOn')}
          </button>
          <button
            type="button"
            className="secondary"
            aria-pressed={!mic}
            onClick={() => onToggle('audio')}
          >
            {mic ? t('call.micOff') : t('call.micOn')}
          </button>
          <button type="button" className="danger" onClick={onHangUp}>
            {t('call.hangUp')}
          </button>
        </>
      )}
    </div>
  );
}
