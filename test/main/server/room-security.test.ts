/**
 * Nobody gets in who does not belong, and nobody sees what they should not:
 * each attack below is refused by the real server over a real socket, and
 * the run's log is exactly as long afterwards as before.
 */
import { testPackId } from '../../ids';
import { request } from 'node:http';
import { connect as netConnect } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JOIN_LIMITS } from '../../../src/main/server/room/room-service';
import { ROOM_MAX_FRAME_BYTES } from '../../../src/main/server/protocol';
import { connect, ownerUrl, ROOM_HOST, startRoomApp, type RoomApp } from './helpers';

let app: RoomApp;
beforeEach(async () => {
  app = await startRoomApp();
});
afterEach(async () => {
  await app.close();
});

/** Runs an attack and checks the run's log did not change. */
async function unchanged(attack: () => Promise<void>): Promise<void> {
  const before = await app.logLength();
  await attack();
  expect(await app.logLength()).toBe(before);
}

/** A WebSocket upgrade with hand-made headers; resolves with the HTTP status. */
function upgrade(port: number, host: string, headers: Record<string, string>, path = '/ws', bind = ROOM_HOST): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: bind, port, path, headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', Host: host, ...headers } });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 101);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A raw GET (the path exactly as written, no client-side normalisation). */
function rawGet(port: number, path: string, host: string, bind = ROOM_HOST): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = netConnect(port, bind, () => socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let text = '';
    socket.on('data', (chunk) => (text += String(chunk)));
    socket.on('end', () => resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(text)?.[1] ?? 0), text }));
    socket.on('error', reject);
  });
}

describe('joining the room', () => {
  it('refuses a wrong code and lets the right one in, however it is typed', async () => {
    await unchanged(async () => {
      const device = await app.device();
      const wrong = await device.call('joinRoom', { code: 'ZZZZ-ZZZZ', name: 'Mallory' });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'rejected' } });
      expect(app.web.services.room.status(app.runId)).toMatchObject({ participants: [] });
    });
    const device = await app.device();
    const typed = app.room.code.toLowerCase().replace(/(.{4})/, '$1 - ').replace(/1/g, 'l').replace(/0/g, 'o');
    expect(await device.call('joinRoom', { code: typed, name: 'Linus', role: 'technical-lead' })).toMatchObject({ ok: true });
  });

  it('refuses a replayed code and token: reopening the room makes both worthless', async () => {
    const old = app.room.code;
    const { token } = await app.participant('Linus', 'technical-lead');
    await app.owner.call('closeRoom', app.runId);
    await app.reopen();
    expect(app.room.code).not.toBe(old);
    await unchanged(async () => {
      const device = await app.device();
      expect(await device.call('joinRoom', { code: old, name: 'Linus again' })).toMatchObject({ ok: false, error: { code: 'rejected' } });
      expect(await device.call('resumeRoom', token)).toMatchObject({ ok: false, error: { code: 'rejected' } });
      expect(await device.call('submitCommand', app.runId, { by: 'technical-lead', command: { type: 'move.make', move: 'suspend-model' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  });

  it('rate-limits join attempts per address: after the burst even the right code waits', async () => {
    const device = await app.device();
    for (let i = 0; i < JOIN_LIMITS.perAddress.burst; i++) {
      expect(await device.call('joinRoom', { code: 'AAAAAAAA', name: `Guess ${i}` })).toMatchObject({ ok: false, error: { code: 'rejected' } });
    }
    await unchanged(async () => {
      expect(await device.call('joinRoom', { code: app.room.code, name: 'Late' })).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    });
  });

  it('caps the number of participants', async () => {
    await app.owner.call('closeRoom', app.runId);
    await app.reopen({ cap: 2 });
    await app.participant('A');
    await app.participant('B');
    const third = await app.device();
    expect(await third.call('joinRoom', { code: app.room.code, name: 'C' })).toMatchObject({ ok: false, error: { code: 'rejected', message: expect.stringMatching(/full/) } });
  });

  it('gives a rejoining device the same participant and role, and shows who is connected', async () => {
    const { client, token, participantId } = await app.participant('Linus', 'technical-lead');
    client.close();
    await client.closed;
    await expect.poll(() => (app.web.services.room.status(app.runId) as { readonly participants?: readonly { connected: boolean }[] }).participants?.[0]?.connected).toBe(false);
    const again = await app.device();
    expect(await again.call('resumeRoom', token)).toMatchObject({ ok: true, value: { self: { participantId, role: 'technical-lead' } } });
    await expect.poll(() => (app.web.services.room.status(app.runId) as { readonly participants?: readonly { connected: boolean }[] }).participants?.[0]?.connected).toBe(true);
  });
});

describe('what a participant may do', () => {
  it('refuses a forged role: a participant submits only as their own role', async () => {
    const { client } = await app.participant('Linus', 'technical-lead');
    await unchanged(async () => {
      for (const by of ['legal-lead', 'incident-lead', 'system']) {
        const forged = await client.call('submitCommand', app.runId, { by, command: { type: 'severity.classify', level: 4 } });
        expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    });
    expect(await client.call('submitCommand', app.runId, { by: 'technical-lead', command: { type: 'severity.classify', level: 4 } })).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('refuses every facilitator command from a participant, as their role or as the facilitator', async () => {
    const { client } = await app.participant('Linus', 'technical-lead');
    const commands = [
      { type: 'clock.pause' },
      { type: 'clock.resume' },
      { type: 'clock.jumpToNext' },
      { type: 'clock.advance', to: 600 },
      { type: 'inject.release', inject: 'recruiter-chat' },
      { type: 'inject.adhoc', id: 'fake', title: 'Fake news', body: 'x', channel: 'email', visibleTo: 'all' },
      { type: 'note.add', text: 'Answer key: suspend' },
      { type: 'role.assign', role: 'legal-lead', participant: 'Linus' },
      { type: 'run.end' },
    ];
    await unchanged(async () => {
      for (const command of commands) {
        for (const by of ['technical-lead', 'facilitator']) {
          expect(await client.call('submitCommand', app.runId, { by, command }), `${by} ${command.type}`).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        }
      }
    });
  });

  it('refuses every facilitator channel to a participant', async () => {
    const { client } = await app.participant('Linus', 'technical-lead');
    await unchanged(async () => {
      const channels: [string, unknown[]][] = [
        ['closeRoom', [app.runId]],
        ['openRoom', [app.runId, { allowRolePick: true, tls: false, cap: 5 }]],
        ['assignRoomRole', [app.runId, 'p1', 'legal-lead']],
        ['releaseDebrief', [app.runId]],
        ['getRoom', [app.runId]],
        ['getPack', ['biased-hiring']],
        ['listRuns', []],
        ['exportReport', [app.runId, 'json']],
        ['deleteRun', [app.runId]],
        ['closeRun', [app.runId]],
        ['updateSettings', [{ largeText: true }]],
        ['importPack', ['/etc', {}]],
      ];
      for (const [channel, args] of channels) expect(await client.call(channel, ...args), channel).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
    expect(app.web.services.room.status(app.runId).open).toBe(true);
  });

  it('refuses a decision asked of another role (the participant may vote instead)', async () => {
    const { client } = await app.participant('Linus', 'technical-lead');
    const decision = (await app.web.services.handlers.getPack(testPackId('biased-hiring'))).pack.decisions.find((d) => d.askedTo && !d.askedTo.includes('technical-lead'))!;
    await unchanged(async () => {
      const answer = await client.call('submitCommand', app.runId, { by: 'technical-lead', command: { type: 'decision.answer', decision: decision.id, options: [] } });
      expect(answer).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
  });

  it('refuses a guest (not joined) everything but joining, and another run to a participant', async () => {
    const guest = await app.device();
    await unchanged(async () => {
      expect(await guest.call('openRun', app.runId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await guest.call('submitCommand', app.runId, { by: 'incident-lead', command: { type: 'severity.classify', level: 2 } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await guest.call('castVote', app.runId, 'x', ['a'])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    });
    const other = await app.owner.call('createRun', { packId: 'biased-hiring', mode: 'facilitated', participants: [] });
    const { client } = await app.participant('Linus', 'technical-lead');
    expect(await client.call('openRun', (other as { value: { runId: string } }).value.runId)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('messages', () => {
  it('closes a socket that sends a frame over the size limit, with nothing applied', async () => {
    const { client } = await app.participant('Linus', 'technical-lead');
    await unchanged(async () => {
      const note = 'x'.repeat(ROOM_MAX_FRAME_BYTES);
      client.send(JSON.stringify({ t: 'req', id: 1, channel: 'submitCommand', args: [app.runId, { by: 'technical-lead', command: { type: 'move.make', move: 'suspend-model', note } }] }));
      expect((await client.closed).code).toBe(1009);
    });
  });

  it('validates every frame and every argument', async () => {
    const { client } = await app.participant('Linus', 'technical-lead');
    await unchanged(async () => {
      client.send('not json');
      client.send(JSON.stringify({ t: 'req', id: 'x', channel: 'openRun', args: [] }));
      client.send(JSON.stringify({ t: 'req', id: 7, channel: 'openRun', args: 'no', extra: 1 }));
      expect(await client.call('noSuchChannel')).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
      expect(await client.call('submitCommand', '../../etc', { by: 'technical-lead', command: { type: 'move.make', move: 'suspend-model' } })).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
      expect(await client.call('submitCommand', app.runId, { by: 'technical-lead', command: { type: 'move.make', move: 'suspend-model', evil: true } })).toMatchObject({ ok: true, value: { ok: false, error: { code: 'invalid-command' } } });
      expect(await client.call('castVote', app.runId, 'BAD ID', ['a'])).toMatchObject({ ok: false, error: { code: 'invalid-arguments' } });
    });
    const answers = client.frames.map((f) => JSON.parse(f) as { t: string; id?: unknown });
    expect(answers.filter((f) => f.t === 'bad')).toHaveLength(2);
    expect(answers.find((f) => f.t === 'res' && f.id === 7)).toMatchObject({ response: { ok: false, error: { code: 'invalid-arguments' } } });
  });

  it('rate-limits a flood of messages from a device', async () => {
    const { client } = await app.participant('Linus', 'technical-lead');
    const answers = await Promise.all(Array.from({ length: 60 }, () => client.call('getAppInfo')));
    expect(answers.filter((a) => !a.ok && a.error.code === 'rate-limited').length).toBeGreaterThan(0);
  });
});

describe('Host, Origin and static files', () => {
  it('refuses a bad Host (DNS rebinding) or a foreign or missing Origin at the upgrade', async () => {
    const port = app.roomPort();
    const host = `${ROOM_HOST}:${port}`;
    expect(await upgrade(port, host, { Origin: `http://${host}` })).toBe(101);
    expect(await upgrade(port, `rebind.example.com:${port}`, { Origin: `http://rebind.example.com:${port}` })).toBe(421);
    expect(await upgrade(port, `${ROOM_HOST}:1`, { Origin: `http://${ROOM_HOST}:1` })).toBe(421);
    expect(await upgrade(port, host, { Origin: 'http://evil.example' })).toBe(403);
    expect(await upgrade(port, host, {})).toBe(403);
    expect(await upgrade(port, host, { Origin: `https://${host}` })).toBe(403);
    expect((await rawGet(port, '/', `rebind.example.com:${port}`)).status).toBe(421);
  });

  it('refuses the loopback socket without the owner’s key, and never makes a room device the owner', async () => {
    const { origin } = ownerUrl(app.web);
    const port = app.web.port;
    expect(await upgrade(port, `127.0.0.1:${port}`, { Origin: origin }, '/ws', '127.0.0.1')).toBe(401);
    expect(await upgrade(port, `127.0.0.1:${port}`, { Origin: origin }, '/ws?key=wrong', '127.0.0.1')).toBe(401);
    const key = new URL(app.web.url).searchParams.get('key')!;
    const roomPort = app.roomPort();
    const device = await connect(`ws://${ROOM_HOST}:${roomPort}/ws?key=${key}`, `http://${ROOM_HOST}:${roomPort}`);
    expect(device.frames[0]).toBe(JSON.stringify({ t: 'hello', as: 'guest' }));
    expect(await device.call('listRuns')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('serves no file outside the renderer, however the path is written', async () => {
    const port = app.roomPort();
    const host = `${ROOM_HOST}:${port}`;
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt', '/assets/%2e%2e%2f%2e%2e%2fsecret.txt', '/..\\secret.txt', '/.%2e/secret.txt', '//etc/passwd', '/assets/app.js%00.html', '/.git/config']) {
      const { status, text } = await rawGet(port, path, host);
      expect(status, path).not.toBe(200);
      expect(text).not.toContain('TOP SECRET');
    }
    const index = await rawGet(port, '/', host);
    expect(index.status).toBe(200);
    expect(index.text).toMatch(/Content-Security-Policy: default-src 'none'; script-src 'self'; .*connect-src 'self' ws:\/\/127\.0\.0\.2:\d+;/);
    expect(index.text).toContain(`connect-src &#39;self&#39;`.replace(/&#39;/g, "'"));
    expect(index.text).toMatch(/X-Content-Type-Options: nosniff/);
    expect(index.text).toMatch(/X-Frame-Options: DENY/);
  });
});

describe('closing', () => {
  it('closing the room stops LAN access: sockets closed, the port refuses, the token dies', async () => {
    const { client, token } = await app.participant('Linus', 'technical-lead');
    const port = app.roomPort();
    await app.owner.call('closeRoom', app.runId);
    await client.closed;
    await expect(connect(`ws://${ROOM_HOST}:${port}/ws`, `http://${ROOM_HOST}:${port}`)).rejects.toThrow();
    expect(client.events('roomSelf').at(-1)).toMatchObject({ state: 'closed' });
    await app.reopen();
    const device = await app.device();
    expect(await device.call('resumeRoom', token)).toMatchObject({ ok: false });
  });

  it('ending the run closes the room', async () => {
    const { client } = await app.participant('Linus', 'technical-lead');
    await app.owner.call('submitCommand', app.runId, { by: 'facilitator', command: { type: 'run.end' } });
    await client.closed;
    expect(app.web.services.room.status(app.runId).open).toBe(false);
  });
});
