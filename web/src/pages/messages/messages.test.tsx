import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChatMessage, Conversation, Membership } from '../../api';
import { FakeSocket, withLive } from '../../testing/live';
import { json, renderInApp, stubApi } from '../../testing/render';
import { MessagesNavLink, MessagesPage } from '.';

const US = '11111111-1111-4111-8111-111111111111';
const THEM = '22222222-2222-4222-8222-222222222222';
const CONV = '33333333-3333-4333-8333-333333333333';
const ours = { companyId: US, name: 'Harbour Pay', status: 'verified' } as Membership;

const message = (n: number, companyId: string, text = `Message ${n}`): ChatMessage => ({
  id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  conversationId: CONV,
  companyId,
  senderId: 'u',
  senderName: companyId === US ? 'Ada Lau' : 'Jean Tremblay',
  text,
  sentAt: new Date(Date.UTC(2026, 11, 7, 1, n)).toISOString(),
});

const conversation = (overrides: Partial<Conversation> = {}): Conversation => ({
  id: CONV,
  companyIds: [US, THEM],
  otherCompany: { id: THEM, name: 'Maple Ledger', country: 'CA' },
  lastMessage: message(3, THEM, 'See you at the fair'),
  unread: 2,
  readUpTo: { [US]: null, [THEM]: null },
  ...overrides,
});

/** The page at a path, with the header's link beside it and the live connection. */
function show(path: string, socket = new FakeSocket()) {
  const Live = withLive(socket);
  renderInApp(
    <>
      <Live />
      <nav>
        <MessagesNavLink companies={[ours]} />
      </nav>
      <Routes>
        <Route
          path="/messages"
          element={<MessagesPage companies={[ours]} opened={{ kind: 'none' }} />}
        />
        <Route
          path="/messages/:id"
          element={<MessagesPage companies={[ours]} opened={{ kind: 'conversation', id: CONV }} />}
        />
        <Route
          path="/messages/new"
          element={<MessagesPage companies={[ours]} opened={{ kind: 'new', from: US, to: THEM }} />}
        />
      </Routes>
    </>,
    { path, zone: 'Asia/Hong_Kong' },
  );
  return socket;
}

afterEach(() => vi.useRealTimers());

describe('the messages page', () => {
  it('lists the conversations with the other firm, the last message, when, and the unread', async () => {
    stubApi({ [`GET /api/conversations?companyId=${US}`]: json(200, [conversation()]) });
    show('/messages');
    const list = await screen.findByRole('list', { name: 'Conversations' });
    expect(within(list).getByRole('link', { name: 'Maple Ledger' }).getAttribute('href')).toBe(
      `/companies/${THEM}`,
    );
    expect(within(list).getByText('See you at the fair')).toBeTruthy();
    expect(within(list).getByText('2 unread')).toBeTruthy();
    expect(within(list).getByText('Canada')).toBeTruthy();
    expect(within(list).getByText(/9:03\sAM/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Messages (2 unread)' })).toBeTruthy();
  });

  it('shows the thread newest at the bottom, pages back, and marks it read', async () => {
    const first = { items: [message(3, THEM), message(2, US)], nextBefore: message(2, US).id };
    const earlier = { items: [message(1, THEM, 'The very first')], nextBefore: null };
    let read = false;
    const api = stubApi({
      [`GET /api/conversations?companyId=${US}`]: () =>
        json(200, [conversation(read ? { unread: 0 } : {})]),
      [`GET /api/conversations/${CONV}/messages?limit=30`]: () =>
        json(200, {
          ...first,
          readUpTo: { [US]: read ? message(3, THEM).id : null, [THEM]: null },
        }),
      [`GET /api/conversations/${CONV}/messages?limit=30&before=${message(2, US).id}`]: () =>
        json(200, { ...earlier, readUpTo: {} }),
      [`POST /api/conversations/${CONV}/read`]: () => {
        read = true;
        return json(200, conversation({ unread: 0 }));
      },
    });
    show(`/messages/${CONV}`);
    const history = await screen.findByRole('list', { name: 'Messages of the conversation' });
    expect(
      within(history)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([expect.stringContaining('Message 2'), expect.stringContaining('Message 3')]);
    await waitFor(() =>
      expect(api.mock.calls.map(([url, init]) => `${init?.method} ${url}`)).toContainEqual(
        expect.stringMatching(`POST .*/api/conversations/${CONV}/read`),
      ),
    );
    const readCall = api.mock.calls.find(([url]) => String(url).endsWith('/read'));
    expect(JSON.parse(readCall?.[1]?.body as string)).toEqual({ companyId: US });
    expect(await screen.findByRole('link', { name: 'Messages' })).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Earlier messages' }));
    await screen.findByText('The very first');
    expect(within(history).getAllByRole('listitem')[0].textContent).toContain('The very first');
    expect(screen.queryByRole('button', { name: 'Earlier messages' })).toBeNull();
  });

  it('sends a message, counts its characters, and words a refusal by its field', async () => {
    let refuse = true;
    const api = stubApi({
      [`GET /api/conversations?companyId=${US}`]: json(200, [conversation({ unread: 0 })]),
      [`GET /api/conversations/${CONV}/messages?limit=30`]: json(200, {
        items: [message(3, THEM)],
        nextBefore: null,
        readUpTo: { [US]: message(3, THEM).id, [THEM]: null },
      }),
      [`POST /api/conversations/${CONV}/messages`]: () =>
        refuse
          ? json(400, {
              statusCode: 400,
              error: 'Bad Request',
              message: 'text must be at most 2000 characters',
              fields: { text: ['text must be at most 2000 characters'] },
              rules: { text: [{ rule: 'maxLength', params: { max: 2000 } }] },
            })
          : json(201, message(4, US, 'Tea at ten?')),
    });
    show(`/messages/${CONV}`);
    const box = await screen.findByRole('textbox', { name: 'Your message' });
    const send = screen.getByRole('button', { name: 'Send the message to Maple Ledger' });
    expect((send as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(box, { target: { value: 'Tea at ten?' } });
    expect(screen.getByText('11 of 2,000 characters')).toBeTruthy();
    fireEvent.click(send);
    expect(await screen.findByText('Must be 2,000 characters or fewer.')).toBeTruthy();
    refuse = false;
    fireEvent.click(send);
    await waitFor(() => expect((box as HTMLTextAreaElement).value).toBe(''));
    const sent = api.mock.calls.filter(
      ([url, init]) => String(url).endsWith('/messages') && init?.method === 'POST',
    );
    expect(JSON.parse(sent[1][1]?.body as string)).toEqual({ companyId: US, text: 'Tea at ten?' });
  });

  it('shows a message arriving live in the header, the list and the open thread', async () => {
    let items = [message(2, US, 'Shall we meet?')];
    const readUpTo: Record<string, string | null> = { [US]: message(2, US).id, [THEM]: null };
    let unread = 0;
    stubApi({
      [`GET /api/conversations?companyId=${US}`]: () =>
        json(200, [conversation({ unread, lastMessage: items[0], readUpTo })]),
      [`GET /api/conversations/${CONV}/messages?limit=30`]: () =>
        json(200, { items, nextBefore: null, readUpTo }),
      [`POST /api/conversations/${CONV}/read`]: () => {
        unread = 0;
        readUpTo[US] = items[0].id;
        return json(200, conversation({ unread: 0 }));
      },
    });
    const socket = show('/messages');
    await screen.findByRole('link', { name: 'Messages' });

    // The other firm writes: the header and the list show it, without a reload.
    const reply = message(5, THEM, 'Yes, at ten');
    items = [reply, ...items];
    unread = 1;
    socket.send('message.created', { conversationId: CONV, message: reply });
    expect(await screen.findByRole('link', { name: 'Messages (1 unread)' })).toBeTruthy();
    expect(screen.getByText('1 unread')).toBeTruthy();
    expect(screen.getByText('Yes, at ten')).toBeTruthy();

    // Opened, the thread is read; what comes next shows in it at once.
    fireEvent.click(screen.getByRole('link', { name: 'Open the conversation with Maple Ledger' }));
    const history = await screen.findByRole('list', { name: 'Messages of the conversation' });
    expect(await screen.findByRole('link', { name: 'Messages' })).toBeTruthy();
    const next = message(6, THEM, 'Table 4, then');
    items = [next, ...items];
    unread = 1;
    socket.send('message.created', { conversationId: CONV, message: next });
    expect(await within(history).findByText('Table 4, then')).toBeTruthy();
    expect(within(history).getAllByRole('listitem').at(-1)?.textContent).toContain('Table 4');
  });

  it('shows "Seen" under the last own message once the other firm read it, live', async () => {
    const items = [message(2, US, 'Shall we meet?'), message(1, THEM, 'Hello')];
    let readUpTo: Record<string, string | null> = { [US]: message(2, US).id, [THEM]: null };
    stubApi({
      [`GET /api/conversations?companyId=${US}`]: () =>
        json(200, [conversation({ unread: 0, lastMessage: items[0], readUpTo })]),
      [`GET /api/conversations/${CONV}/messages?limit=30`]: () =>
        json(200, { items, nextBefore: null, readUpTo }),
    });
    const socket = show(`/messages/${CONV}`);
    await screen.findByText('Shall we meet?');
    expect(screen.queryByText('Seen')).toBeNull();
    readUpTo = { ...readUpTo, [THEM]: message(2, US).id };
    socket.send('conversation.read', {
      conversationId: CONV,
      companyId: THEM,
      messageId: message(2, US).id,
    });
    const seen = await screen.findByText('Seen');
    expect(seen.closest('li')?.textContent).toContain('Shall we meet?');
  });

  it('opens an empty thread for a firm not written to yet, whose first message starts it', async () => {
    let started = false;
    const api = stubApi({
      [`GET /api/conversations?companyId=${US}`]: () =>
        json(200, started ? [conversation({ unread: 0 })] : []),
      [`GET /api/companies/${THEM}`]: json(200, { id: THEM, name: 'Maple Ledger' }),
      'POST /api/conversations': () => {
        started = true;
        return json(201, { conversation: conversation(), message: message(1, US, 'Hello') });
      },
      [`GET /api/conversations/${CONV}/messages?limit=30`]: json(200, {
        items: [message(1, US, 'Hello')],
        nextBefore: null,
        readUpTo: { [US]: message(1, US).id, [THEM]: null },
      }),
    });
    show(`/messages/new?from=${US}&to=${THEM}`);
    expect(await screen.findByText(/No messages with Maple Ledger yet/)).toBeTruthy();
    fireEvent.change(screen.getByRole('textbox', { name: 'Your message' }), {
      target: { value: 'Hello' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send the message to Maple Ledger' }));
    expect(await screen.findByRole('list', { name: 'Messages of the conversation' })).toBeTruthy();
    const start = api.mock.calls.find(([url]) => String(url).endsWith('/api/conversations'));
    expect(JSON.parse(start?.[1]?.body as string)).toEqual({
      fromCompanyId: US,
      toCompanyId: THEM,
      text: 'Hello',
    });
  });

  it('is in Chinese, with no English left', async () => {
    stubApi({ [`GET /api/conversations?companyId=${US}`]: json(200, [conversation()]) });
    const Live = withLive(new FakeSocket());
    renderInApp(
      <>
        <Live />
        <MessagesNavLink companies={[ours]} />
        <MessagesPage companies={[ours]} opened={{ kind: 'none' }} />
      </>,
      { language: 'zh-Hant', zone: 'Asia/Hong_Kong' },
    );
    expect(await screen.findByText('2 則未讀')).toBeTruthy();
    expect(screen.getByRole('link', { name: '訊息 （2 則未讀）' })).toBeTruthy();
    const words = (document.body.textContent ?? '')
      .replace('Maple Ledger', '')
      .replace('See you at the fair', '');
    expect(words).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('lets a user of several companies choose which one speaks', async () => {
    const SECOND = '44444444-4444-4444-8444-444444444444';
    const second = { companyId: SECOND, name: 'Kowloon Foods', status: 'verified' } as Membership;
    stubApi({
      [`GET /api/conversations?companyId=${US}`]: json(200, [conversation({ unread: 0 })]),
      [`GET /api/conversations?companyId=${SECOND}`]: json(200, []),
    });
    renderInApp(
      <Routes>
        <Route
          path="/messages"
          element={<MessagesPage companies={[ours, second]} opened={{ kind: 'none' }} />}
        />
      </Routes>,
      { path: '/messages' },
    );
    expect(await screen.findByRole('link', { name: 'Maple Ledger' })).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox'), { target: { value: SECOND } });
    expect(await screen.findByText(/No conversations yet/)).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Maple Ledger' })).toBeNull();
  });
});
