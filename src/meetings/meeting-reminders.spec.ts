import { reminderKey, reminderLead } from './meeting-reminders.service';

describe('reminderLead', () => {
  it('words a lead in whole days, then whole hours, else minutes', () => {
    expect(reminderLead(1440)).toEqual({ unit: 'days', amount: 1 });
    expect(reminderLead(10_080)).toEqual({ unit: 'days', amount: 7 });
    expect(reminderLead(120)).toEqual({ unit: 'hours', amount: 2 });
    expect(reminderLead(90)).toEqual({ unit: 'minutes', amount: 90 });
    expect(reminderLead(15)).toEqual({ unit: 'minutes', amount: 15 });
  });

  it('keys a reminder by meeting and lead, the id second among the dots', () => {
    const key = reminderKey('9756e1c8-38ed-49f4-ab89-7b79e816828c', 15);
    expect(key).toBe('meeting-reminder.9756e1c8-38ed-49f4-ab89-7b79e816828c.15');
    expect(key.split('.')[1]).toBe('9756e1c8-38ed-49f4-ab89-7b79e816828c');
  });
});
