import type { RefObject } from 'react';
import { useI18n } from '../../i18n';

/** The other firm's video and one's own (muted), hidden until in the call. */
export function CallVideos({
  name,
  hidden,
  remoteVideo,
  localVideo,
}: {
  name: string;
  hidden: boolean;
  remoteVideo: RefObject<HTMLVideoElement | null>;
  localVideo: RefObject<HTMLVideoElement | null>;
}) {
  const { t } = useI18n();
  return (
    <div className="videos" hidden={hidden}>
      <figure>
        <video
          ref={remoteVideo}
          className="remote"
          autoPlay
          playsInline
          aria-label={name}
          data-testid="remote-video"
        />
        <figcaption>{name}</figcaption>
      </figure>
      <figure>
        <video
          ref={localVideo}
          className="local"
          autoPlay
          playsInline
          muted
          aria-label={t('call.you')}
          data-testid="local-video"
        />
        <figcaption>{t('call.you')}</figcaption>
      </figure>
    </div>
  );
}
