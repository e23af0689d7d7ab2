/**
 * The WebSocket protocol between the renderer's socket transport
 * (src/renderer/transport) and main: JSON text frames that carry exactly
 * what Electron IPC carries. Client → server: a request per call. Server →
 * client: `hello` once (who the connection is), a response per request, and
 * events. Every client frame is validated here; arguments are validated
 * again, per channel, by the dispatcher.
 */
import { z } from 'zod';
import type { EventName, IpcEvents, IpcResponse } from '../../shared/ipc';
import type { Principal } from './principal';

/** Largest frame a room device may send (a move, a vote, a join: far below this). */
export const ROOM_MAX_FRAME_BYTES = 16 * 1024;
/** Largest frame the facilitator's own page may send (settings with a full custom checklist, long notes). */
export const OWNER_MAX_FRAME_BYTES = 1024 * 1024;

/** A call from the client. */
export const requestFrameSchema = z.strictObject({
  t: z.literal('req'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().min(1).max(40),
  args: z.array(z.unknown()).max(8),
});
export type RequestFrame = z.output<typeof requestFrameSchema>;

/** Frames the server sends. */
export type ServerFrame =
  | { readonly t: 'hello'; readonly as: Principal['kind'] }
  | { readonly t: 'res'; readonly id: number; readonly response: IpcResponse<unknown> }
  | { readonly t: 'ev'; readonly event: EventName; readonly payload: IpcEvents[EventName] }
  /** A frame that could not be read at all (no id to answer). */
  | { readonly t: 'bad'; readonly message: string };

/** Reads a text frame; the error says what is wrong with it. */
export function parseRequestFrame(text: string): { ok: true; frame: RequestFrame } | { ok: false; id?: number; message: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, message: 'The message is not JSON.' };
  }
  const parsed = requestFrameSchema.safeParse(value);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const id = (value as { id?: unknown } | null)?.id;
  const issue = parsed.error.issues[0];
  const message = `Invalid message${issue && issue.path.length ? ` at ${issue.path.join('.')}` : ''}: ${issue?.message ?? 'rejected'}`;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? { ok: false, id, message } : { ok: false, message };
}
