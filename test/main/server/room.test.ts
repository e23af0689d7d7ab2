/**
 * The room as the facilitator runs it: roles given, picked or matched by the
 * name set up for the run — each recorded in the log so the debrief names
 * who held it — votes on decisions asked of others, the roster, release of
 * the debrief to the presenter, and HTTPS with a self-signed certificate.
 */
import { testPackId } from '../../ids';
import { X509Certificate } from 'node:crypto';
import { get } from 'node:https';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { LogEntry } from '../../../src/engine/types';
import type { RoomStatus } from '../../../src/shared/room';
import { ROOM_HOST, startRoomApp, type RoomApp } from './helpers';

let app: RoomApp | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const roleAssignments = async (room: RoomApp) => {
  const view = await room.web.services.sessions.open(room.runId);
  return (view.ok ? view.value.entries : []).filter((e: LogEntry) => e.command.type === 'role.assign').map((e) => e.command);
};
const openStatus = (room: RoomApp) => room.web.services.room.status(room.runId) as Extract<RoomStatus, { open: true }>;

describe('roles in the room', () => {
  it('matches the name set up for a role, records a picked role, and lets the facilitator give one', async () => {
    app = await startRoomApp({ allowRolePick: true });
    const grace = await app.participant('grace ');
    expect(openStatus(app).participants[0]).toMatchObject({ name: 'grace', role: 'incident-lead' });
    await app.participant('Linus', 'technical-lead');
    const ada = await app.participant('Ada');
    expect(openStatus(app).participants[2]).toMatchObject({ name: 'Ada', role: null });
    expect(await app.owner.call('assignRoomRole', app.runId, ada.participantId, 'legal-lead')).toMatchObject({ ok: true });
    await expect.poll(() => ada.client.events('roomSelf').at(-1)).toMatchObject({ role: 'legal-lead', state: 'joined' });
    const assigned = await roleAssignments(app);
    expect(assigned).toContainEqual({ type: 'role.assign', role: 'technical-lead', participant: 'Linus' });
    expect(assigned).toContainEqual({ type: 'role.assign', role: 'legal-lead', participant: 'Ada' });
    // Grace's name was already the Incident Lead's: nothing new to record.
    expect(assigned.filter((c) => c.type === 'role.assign' && c.role === 'incident-lead')).toHaveLength(1);
    void grace;
  });

  it('names everyone who shares a role, and keeps names distinct', async () => {
    app = await startRoomApp({ allowRolePick: true });
    await app.participant('Sam', 'comms-lead');
    await app.participant('Sam', 'comms-lead');
    expect(openStatus(app).participants.map((p) => p.name)).toEqual(['Sam', 'Sam (2)']);
    expect((await roleAssignments(app)).at(-1)).toEqual({ type: 'role.assign', role: 'comms-lead', participant: 'Sam, Sam (2)' });
  });

  it('refuses a picked role when the facilitator gives out the roles', async () => {
    app = await startRoomApp({ allowRolePick: false });
    const { client } = await app.participant('Linus', 'technical-lead');
    expect(openStatus(app).participants[0]?.role).toBeNull();
    expect(await client.call('pickRole', 'technical-lead')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('votes and the debrief', () => {
  it('tallies votes on an open decision asked of another role for the facilitator', async () => {
    app = await startRoomApp({ allowRolePick: true });
    const pack = (await app.web.services.handlers.getPack(testPackId('biased-hiring'))).pack;
    const decision = pack.decisions.find((d) => d.askedTo && !d.askedTo.includes('technical-lead') && (d.kind === 'single' || d.kind === 'severity'))!;
    const linus = await app.participant('Linus', 'technical-lead');
    expect(await linus.client.call('castVote', app.runId, decision.id, ['v3'])).toMatchObject({ ok: false, error: { code: 'rejected' } });
    // Move on until the decision is asked.
    for (let i = 0; i < 40 && app.web.services.sessions.state(app.runId)?.decisions[decision.id]?.status !== 'open'; i++) {
      await app.owner.call('submitCommand', app.runId, { by: 'facilitator', command: { type: 'clock.jumpToNext' } });
    }
    expect(app.web.services.sessions.state(app.runId)?.decisions[decision.id]?.status).toBe('open');
    const option = decision.kind === 'severity' ? 'v4' : decision.options![0]!.id;
    expect(await linus.client.call('castVote', app.runId, decision.id, ['not-an-option'])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    expect(await linus.client.call('castVote', app.runId, decision.id, [option])).toMatchObject({ ok: true });
    expect(openStatus(app).votes[decision.id]).toEqual({ [option]: ['Linus'] });
    await expect.poll(() => app!.owner.events('roomStatus').at(-1)).toMatchObject({ votes: { [decision.id]: { [option]: ['Linus'] } } });
  });

  it('releases the debrief to the presenter only once the run has ended', async () => {
    app = await startRoomApp();
    expect(await app.owner.call('releaseDebrief', app.runId)).toMatchObject({ ok: false, error: { code: 'rejected' } });
    await app.owner.call('submitCommand', app.runId, { by: 'facilitator', command: { type: 'run.end' } });
    expect(await app.owner.call('releaseDebrief', app.runId)).toMatchObject({ ok: true, value: { open: false, debriefReleased: true } });
    const presenter = app.web.services.gateway.connect({ kind: 'presenter' });
    const view = await presenter.dispatch('openRun', [app.runId]);
    expect(view).toMatchObject({ ok: true, value: { pack: { pack: { debrief: { facilitatorNotes: '' } } } } });
    expect((view as { value: { pack: { pack: { reference: { timeline: unknown[] } } } } }).value.pack.pack.reference.timeline.length).toBeGreaterThan(0);
  });

  it('shows the presenter how to join, never who joined or their votes', async () => {
    app = await startRoomApp();
    await app.participant('Linus', 'technical-lead');
    const presenter = app.web.services.gateway.connect({ kind: 'presenter' });
    const card = await presenter.dispatch('getRoom', [app.runId]);
    expect(card).toMatchObject({ ok: true, value: { open: true, code: app.room.code, participants: [], votes: {} } });
    expect(JSON.stringify(card)).not.toContain('Linus');
    expect(await presenter.dispatch('assignRoomRole', [app.runId, 'p1', 'legal-lead'])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('opens only a facilitated run under way to the room', async () => {
    app = await startRoomApp();
    const solo = await app.owner.call('createRun', { packId: 'biased-hiring', mode: 'solo', participants: [] });
    const soloId = (solo as { value: { runId: string } }).value.runId;
    expect(await app.owner.call('openRoom', soloId, { allowRolePick: true, tls: false, cap: 5 })).toMatchObject({ ok: false, error: { code: 'rejected' } });
  });
});

describe('HTTPS for the room', () => {
  it('serves the room over TLS with a generated certificate naming the room address, and shows its fingerprint', async () => {
    app = await startRoomApp({ tls: true });
    const status = openStatus(app);
    expect(status.addresses[0]).toMatch(/^https:\/\/127\.0\.0\.2:\d+\/#\/join$/);
    expect(status.tls).toMatchObject({ selfSigned: true, fingerprint: expect.stringMatching(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/) });
    const port = app.roomPort();
    const cert = await new Promise<X509Certificate>((resolve, reject) => {
      const req = get({ host: ROOM_HOST, port, path: '/', rejectUnauthorized: false, headers: { Host: `${ROOM_HOST}:${port}` } }, (res) => {
        res.resume();
        resolve(new X509Certificate((res.socket as unknown as { getPeerX509Certificate: () => X509Certificate }).getPeerX509Certificate().raw));
      });
      req.on('error', reject);
    });
    expect(cert.fingerprint256).toBe(status.tls!.fingerprint);
    expect(cert.subjectAltName).toContain(`IP Address:${ROOM_HOST}`);
    const hello = await new Promise<string>((resolve, reject) => {
      const ws = new WebSocket(`wss://${ROOM_HOST}:${port}/ws`, { origin: `https://${ROOM_HOST}:${port}`, rejectUnauthorized: false });
      ws.on('message', (data) => {
        resolve(String(data));
        ws.close();
      });
      ws.on('error', reject);
    });
    expect(JSON.parse(hello)).toEqual({ t: 'hello', as: 'guest' });
    // The certificate is kept and reused while it is valid.
    await app.owner.call('closeRoom', app.runId);
    await app.reopen({ tls: true });
    expect(openStatus(app).tls?.fingerprint).toBe(status.tls!.fingerprint);
  });
});
