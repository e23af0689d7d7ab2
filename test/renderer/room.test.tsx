/**
 * The room in the UI: the facilitator's panel (closed by default, opening it,
 * the code, QR code and plain-HTTP warning, giving roles) and a participant's
 * device (joining, a refused code, picking a role, the role's own view).
 */
import type { RunId } from '../../src/engine';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/App';
import { setDesktopApi } from '../../src/renderer/api';
import type { JoinResult, ParticipantSelf, RoomStatus } from '../../src/shared/room';
import { minimalPack } from './minimal-pack';
import { realMain } from './real-main';

/** A started run of the real main (the minimal pack), as the renderer's tests use it. */
async function startedMain(mode: 'solo' | 'facilitated') {
  const real = await realMain();
  const run = await real.createRun(mode);
  await run.submit('facilitator', { type: 'run.start' });
  return { api: real.api, runId: run.runId, emit: real.emit, calls: real.calls, pack: minimalPack(), log: () => run.log() };
}

/** The console shows the room panel in its own tab. */
async function roomPanel() {
  await userEvent.click(await screen.findByRole('tab', { name: 'Room' }));
  return screen.findByRole('region', { name: 'Room' });
}

afterEach(() => localStorage.clear());

const openStatus = (runId: RunId, patch: Partial<Extract<RoomStatus, { open: true }>> = {}): RoomStatus => ({
  runId,
  open: true,
  code: 'K7QM3XPD',
  addresses: ['http://192.168.1.20:51234/#/join'],
  qr: { size: 3, modules: '101010101' },
  options: { allowRolePick: false, tls: false, cap: 30 },
  tls: null,
  participants: [],
  votes: {},
  debriefReleased: false,
  ...patch,
});

async function facilitatedRun() {
  const main = await startedMain('facilitated');
  let status: RoomStatus = { runId: main.runId, open: false, debriefReleased: false };
  const calls: unknown[][] = [];
  const api = {
    ...main.api,
    getRoom: async () => ({ ok: true as const, value: status }),
    openRoom: async (...args: unknown[]) => {
      calls.push(['openRoom', ...args]);
      status = openStatus(main.runId);
      return { ok: true as const, value: status };
    },
    assignRoomRole: async (...args: unknown[]) => {
      calls.push(['assignRoomRole', ...args]);
      return { ok: true as const, value: status };
    },
  };
  setDesktopApi(api);
  window.location.hash = `#/run/${main.runId}`;
  return { main, calls, setStatus: (next: RoomStatus) => (status = next) };
}

describe('the facilitator’s room panel', () => {
  it('is closed until opened; opening shows the code, the QR code, the join address and the plain-HTTP warning', async () => {
    const { main, calls } = await facilitatedRun();
    render(<App />);
    const room = await roomPanel();
    expect(within(room).getByRole('checkbox', { name: 'Participants pick their own role' })).not.toBeChecked();
    await userEvent.click(within(room).getByRole('checkbox', { name: 'Participants pick their own role' }));
    await userEvent.click(within(room).getByRole('button', { name: 'Open the room' }));
    expect(calls[0]).toEqual(['openRoom', main.runId, { allowRolePick: true, tls: false, cap: 30 }]);
    expect(await within(room).findByLabelText('Room code K 7 Q M 3 X P D')).toHaveTextContent('K7QM-3XPD');
    expect(within(room).getByRole('img', { name: 'QR code of the join address http://192.168.1.20:51234/#/join' })).toBeInTheDocument();
    expect(within(room).getByRole('note')).toHaveTextContent(/plain HTTP: anyone else on this network could read/);
    expect(within(room).getByText('Nobody has joined yet.')).toBeInTheDocument();
  });

  it('follows who joins and gives a participant a role', async () => {
    const { main, calls } = await facilitatedRun();
    render(<App />);
    const room = await roomPanel();
    act(() =>
      main.emit(
        'roomStatus',
        openStatus(main.runId, {
          tls: { fingerprint: 'AB:CD', selfSigned: true },
          participants: [{ participantId: 'p1', name: 'Ada', role: null, connected: true, joinedAt: '2026-01-01T00:00:00Z', commands: 0 }],
        }),
      ),
    );
    const ada = await within(room).findByRole('listitem', { name: 'Ada' });
    expect(ada).toHaveTextContent('connected · 0 commands');
    expect(within(room).getByText('AB:CD')).toBeInTheDocument();
    expect(within(room).queryByRole('note')).not.toBeInTheDocument();
    await userEvent.selectOptions(within(ada).getByRole('combobox', { name: 'Role of Ada' }), 'technical-lead');
    await waitFor(() => expect(calls.at(-1)).toEqual(['assignRoomRole', main.runId, 'p1', 'technical-lead']));
  });

  it('is not there in solo practice', async () => {
    const main = await startedMain('solo');
    setDesktopApi(main.api);
    window.location.hash = `#/run/${main.runId}`;
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: /Minimal screening incident/ });
    expect(screen.queryByRole('tab', { name: 'Room' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Room' })).not.toBeInTheDocument();
  });
});

describe('the browser version’s connection', () => {
  it('says when the connection to the app is lost, and reloads the followed run when it is back', async () => {
    const { main } = await facilitatedRun();
    render(<App />);
    await roomPanel();
    const opens = () => main.calls.filter(([channel]) => channel === 'openRun').length;
    const before = opens();
    act(() => main.emit('connection', { connected: false, message: 'The connection to the app was lost; reconnecting…' }));
    expect(await screen.findByText('The connection to the app was lost; reconnecting…')).toBeInTheDocument();
    act(() => main.emit('connection', { connected: true }));
    await waitFor(() => expect(screen.queryByText('The connection to the app was lost; reconnecting…')).not.toBeInTheDocument());
    await waitFor(() => expect(opens()).toBe(before + 1));
  });
});

describe('a participant’s device', () => {
  async function device(options: { refuse?: string } = {}) {
    const main = await startedMain('facilitated');
    let self: ParticipantSelf = { participantId: 'p1', runId: main.runId, name: 'Linus', role: null, pickableRoles: ['incident-lead', 'technical-lead'], state: 'joined' };
    const joins: unknown[] = [];
    setDesktopApi({
      ...main.api,
      joinRoom: async (request) => {
        joins.push(request);
        if (options.refuse) return { ok: false, error: { code: 'rejected', message: options.refuse } };
        return { ok: true, value: { token: 't'.repeat(43), self } satisfies JoinResult };
      },
      pickRole: async (role) => {
        self = { ...self, role };
        return { ok: true, value: self };
      },
    });
    window.location.hash = '#/join';
    return { main, joins };
  }

  it('says why a code was refused and keeps the form', async () => {
    const { joins } = await device({ refuse: 'That room code is not right (or the room has closed). Check the code on the screen.' });
    render(<App />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Room code' }), 'k7qm-3xpd');
    await userEvent.type(screen.getByRole('textbox', { name: 'Your name' }), 'Linus');
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That room code is not right');
    expect(joins).toEqual([{ code: 'k7qm-3xpd', name: 'Linus' }]);
    expect(screen.getByRole('textbox', { name: 'Room code' })).toHaveValue('k7qm-3xpd');
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });

  it('joins, picks a role and shows that role’s view: its moves only, submitted as that role', async () => {
    const { main } = await device();
    render(<App />);
    await userEvent.type(await screen.findByRole('textbox', { name: 'Room code' }), 'K7QM3XPD');
    await userEvent.type(screen.getByRole('textbox', { name: 'Your name' }), 'Linus');
    await userEvent.click(screen.getByRole('button', { name: 'Join' }));
    expect(await screen.findByRole('heading', { name: 'Welcome, Linus' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Technical Containment Lead' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Technical Containment Lead — Linus' })).toBeInTheDocument();
    expect(localStorage.getItem('vaim-room-token')).toBe('t'.repeat(43));
    const moves = screen.getByRole('region', { name: 'Your moves' });
    const own = main.pack.moves.filter((m) => (typeof m.owner === 'string' ? m.owner === 'technical-lead' : m.owner.includes('technical-lead')));
    const others = main.pack.moves.filter((m) => !own.includes(m));
    for (const move of own) expect(within(moves).getByRole('button', { name: `Make move: ${move.label}` })).toBeInTheDocument();
    for (const move of others) expect(within(moves).queryByRole('button', { name: `Make move: ${move.label}` })).not.toBeInTheDocument();
    await userEvent.click(within(moves).getByRole('button', { name: `Make move: ${own[0]!.label}` }));
    await waitFor(async () => expect((await main.log()).at(-1)).toMatchObject({ by: 'technical-lead', command: { type: 'move.make', move: own[0]!.id } }));
    expect(screen.getByRole('navigation', { name: 'Jump to' })).toBeInTheDocument();
  });
});
