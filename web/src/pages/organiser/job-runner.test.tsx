import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LiveSocket } from '../../live';
import { json, renderInApp, stubApi } from '../../testing/render';
import { JobRunner } from './job-runner';

const job = (state: string, progress: number) => ({ id: '7', name: 'schedule', state, progress });

/** A socket of which the test emits `job.progress` itself. */
function fakeSocket() {
  const handlers = new Set<(event: unknown) => void>();
  const socket = {
    on: (_event: string, handler: (event: unknown) => void) => handlers.add(handler),
    off: (_event: string, handler: (event: unknown) => void) => handlers.delete(handler),
  };
  return {
    socket: socket as unknown as LiveSocket,
    emit: (event: unknown) => handlers.forEach((handler) => handler(event)),
  };
}

describe('JobRunner', () => {
  it('queues the job, shows its progress by polling, and says when it is done', async () => {
    const polls = [job('active', 40), job('completed', 100)];
    stubApi({
      'POST /api/sessions/s1/schedule': json(202, { jobId: '7' }),
      'GET /api/jobs/7': () => json(200, polls.length > 1 ? polls.shift() : polls[0]),
    });
    const finished = vi.fn();
    renderInApp(<JobRunner name="scheduling" sessionId="s1" socket={null} onFinished={finished} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run scheduling' }));
    expect((await screen.findByText('Running: 40 %')).getAttribute('role')).toBe('status');
    expect(screen.getByRole('button', { name: 'Run scheduling' }).hasAttribute('disabled')).toBe(
      true,
    );
    await screen.findByText('Done: 100 %', undefined, { timeout: 4000 });
    expect(finished).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Run scheduling' }).hasAttribute('disabled')).toBe(
      false,
    );
  });

  it('follows live events, and a late poll does not take the progress back', async () => {
    stubApi({
      'POST /api/sessions/s1/scoring': json(202, { jobId: '7' }),
      'GET /api/jobs/7': () => json(200, job('active', 10)),
    });
    const live = fakeSocket();
    renderInApp(<JobRunner name="scoring" sessionId="s1" socket={live.socket} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run scoring' }));
    await screen.findByText('Running: 10 %');
    live.emit({ job: job('active', 70) });
    await screen.findByText('Running: 70 %');
    // The next poll (2 s later) still says 10 %: the bar stays at 70 %.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(screen.getByRole('status').textContent).toBe('Running: 70 %');
  });

  it('shows why the job could not be queued', async () => {
    stubApi({
      'POST /api/sessions/s1/scoring': json(409, { statusCode: 409, message: 'Already running' }),
    });
    renderInApp(<JobRunner name="scoring" sessionId="s1" socket={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Run scoring' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Already running');
  });

  it('asks before a scheduling run while requests are still open, and runs only if told', async () => {
    const fetch = stubApi({
      'POST /api/sessions/s1/schedule': json(202, { jobId: '7' }),
      'GET /api/jobs/7': json(200, job('completed', 100)),
    });
    renderInApp(
      <JobRunner
        name="draft"
        sessionId="s1"
        socket={null}
        requestDeadline={new Date(Date.now() + 86_400_000).toISOString()}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Make a draft' }));
    expect(screen.getByRole('alertdialog').textContent).toMatch(
      /^Requests stay open until .+: requests made after this run will need another run\./,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Not now' }));
    expect(fetch).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Make a draft' }));
    fireEvent.click(screen.getByRole('button', { name: 'Run now' }));
    await screen.findByText('Done: 100 %');
    expect(JSON.parse(fetch.mock.calls[0][1]?.body as string)).toEqual({ draft: true });
  });
});
