import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../../testing/render';
import { Pager } from './pager';

describe('Pager', () => {
  it('says "about" for an estimated total, in Chinese too', () => {
    renderInApp(
      <Pager
        page={1}
        pageSize={20}
        total={50_000}
        totalIsEstimate
        nextCursor="c"
        onPage={vi.fn()}
      />,
      { language: 'zh-Hant' },
    );
    expect(screen.getByText('第 1 頁，共約 2,500 頁（約 50,000）')).toBeTruthy();
  });

  it('offers the next page while the server says one follows, past an estimate too short', () => {
    const onPage = vi.fn();
    const { unmount } = renderInApp(
      <Pager
        page={51}
        pageSize={20}
        total={1_001}
        totalIsEstimate
        nextCursor="c"
        onPage={onPage}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    expect(onPage).toHaveBeenCalledWith(52);
    unmount();
    renderInApp(<Pager page={3} pageSize={20} total={60} nextCursor={null} onPage={onPage} />);
    expect(screen.getByText('Page 3 of 3 (60)')).toBeTruthy();
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next' }).disabled).toBe(true);
  });
});
