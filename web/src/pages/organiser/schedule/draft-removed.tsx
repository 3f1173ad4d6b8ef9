import { useI18n } from '../../../i18n';
import type { ScheduleDraft } from '../types';
import type { Board } from './use-board';

/** The published meetings a draft would remove (the board shows the draft without them). */
export function DraftRemoved({
  draft,
  board,
  nameOf,
}: {
  draft: ScheduleDraft;
  board: Board;
  nameOf: (companyId: string) => string;
}) {
  const { t, dateTime } = useI18n();
  if (draft.changes.removed.length === 0) return null;
  return (
    <section aria-labelledby="draft-removed">
      <h3 id="draft-removed">{t('org.draft.removed')}</h3>
      <ul>
        {draft.changes.removed.map((removed) => (
          <li key={removed.meetingId}>
            {t('org.draft.removedItem', {
              company: nameOf(removed.companyIds[0]),
              other: nameOf(removed.companyIds[1]),
              time: dateTime(
                board.session.slots[removed.slotIndex]?.startsAt ?? board.session.startsAt,
              ),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
