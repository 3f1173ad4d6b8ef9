import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../i18n';
import { BoardError } from './board-error';
import type { CellTarget } from './meeting-cell';
import type { Board } from './use-board';
import { useBookMeeting } from './use-board-changes';

/**
 * A free cell chosen: book its firm a meeting with another participant in that slot. The server
 * checks every rule; its refusal names what is in the way, and the choice stays.
 */
export function BookMeeting({
  cell,
  board,
  nameOf,
  onClose,
}: {
  cell: CellTarget;
  board: Board;
  nameOf: (companyId: string) => string;
  onClose: () => void;
}) {
  const { t, when, dateTime } = useI18n();
  const title = useRef<HTMLHeadingElement>(null);
  useEffect(() => title.current?.focus(), []);
  const [otherId, setOtherId] = useState('');
  const book = useBookMeeting(board.session.id);
  const others = [...board.names.keys()]
    .filter((companyId) => companyId !== cell.companyId)
    .sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  return (
    <form
      className="card meeting-panel"
      aria-labelledby="book-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (otherId)
          book.mutate({ companyIds: [cell.companyId, otherId], slotIndex: cell.slotIndex });
      }}
    >
      <h3 id="book-title" tabIndex={-1} ref={title}>
        {t('org.board.bookTitle', { time: dateTime(cell.startsAt) })}
      </h3>
      <p>{nameOf(cell.companyId)}</p>
      <label htmlFor="book-other">{t('org.board.bookWith')}</label>
      <select
        id="book-other"
        value={otherId}
        onChange={(event) => setOtherId(event.target.value)}
        required
      >
        <option value="">{t('org.board.choose')}</option>
        {others.map((companyId) => (
          <option key={companyId} value={companyId}>
            {nameOf(companyId)} ({board.names.get(companyId)?.country})
          </option>
        ))}
      </select>
      <div className="actions">
        <button type="submit" disabled={!otherId || book.isPending}>
          {t('org.board.bookSubmit')}
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          {t('org.meeting.close')}
        </button>
      </div>
      {book.isSuccess && (
        <p className="notice ok" role="status">
          {t('org.board.bookDone', {
            company: nameOf(book.data.companyIds[0]),
            other: nameOf(book.data.companyIds[1]),
            time: when(book.data.startsAt),
          })}
        </p>
      )}
      {book.isError && (
        <BoardError error={book.error} meetings={board.schedule.meetings} nameOf={nameOf} />
      )}
    </form>
  );
}
