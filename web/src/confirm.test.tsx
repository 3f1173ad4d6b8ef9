import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from './confirm';
import { renderInApp } from './testing/render';

describe('the confirmation dialog', () => {
  it('says what will happen and acts only on its confirmation; Cancel and Escape do nothing', () => {
    const onConfirm = vi.fn();
    renderInApp(
      <ConfirmButton label="Remove" question="Remove Ada Foods?" onConfirm={onConfirm} />,
    );
    const opener = screen.getByRole('button', { name: 'Remove' });
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Remove' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(screen.getByText('Remove Ada Foods?')).toBeTruthy();
    // The focus is in the dialog, on Cancel: Enter does not confirm by accident.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    fireEvent.click(opener);
    fireEvent.keyDown(screen.getByRole('dialog'), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(onConfirm).not.toHaveBeenCalled();
    fireEvent.click(opener);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, do it' }));
    expect(onConfirm).toHaveBeenCalledWith('');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('waits for the typed title before it confirms', () => {
    const onConfirm = vi.fn();
    renderInApp(
      <ConfirmButton
        label="Close session"
        title="Close “Fintech day”?"
        question="Closing ends it."
        confirmLabel="Close the session"
        typeToConfirm="Fintech day"
        onConfirm={onConfirm}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Close session' }));
    screen.getByRole('dialog', { name: 'Close “Fintech day”?' });
    const field = screen.getByLabelText('Type “Fintech day” to confirm');
    expect(document.activeElement).toBe(field);
    const confirm = screen.getByRole<HTMLButtonElement>('button', { name: 'Close the session' });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(field, { target: { value: 'Fintech' } });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(field, { target: { value: 'Fintech day' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });

  it('asks for a required reason and hands it over', () => {
    const onConfirm = vi.fn();
    renderInApp(
      <ConfirmButton
        label="Reject"
        question="The firm is told why."
        reason={{ label: 'Reason', required: true }}
        onConfirm={onConfirm}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reject' }));
    const confirm = screen.getByRole<HTMLButtonElement>('button', { name: 'Yes, do it' });
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/Reason/), { target: { value: '  No website  ' } });
    fireEvent.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith('No website');
  });

  it('keeps Tab inside the dialog', () => {
    renderInApp(<ConfirmButton label="Remove" question="Sure?" onConfirm={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    const yes = screen.getByRole('button', { name: 'Yes, do it' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    cancel.focus();
    fireEvent.keyDown(cancel, { key: 'Tab' });
    expect(document.activeElement).toBe(yes);
    fireEvent.keyDown(yes, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(cancel);
  });
});
