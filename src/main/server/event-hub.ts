/**
 * Fans main's events out to every connected view — Electron windows and
 * WebSocket connections alike — each projected for who is watching: the
 * facilitator gets everything; the presenter and participants get run
 * events filtered by projection/, and only the events that are theirs.
 */
import type { EventName, IpcEvents } from '../../shared/ipc';
import { type Principal, type RoomLookup, audienceOf } from './principal';
import { joinCard, projectRunEvent } from './projection/project-view';

/** A view that receives events. `principal` is read at each event (a guest becomes a participant). */
export type EventSink = {
  readonly principal: () => Principal;
  readonly send: <E extends EventName>(event: E, payload: IpcEvents[E]) => void;
  /** Ends the view's connection (a participant removed from the room, the room closed). */
  readonly close?: () => void;
};

export type EventHub = {
  readonly attach: (sink: EventSink) => () => void;
  readonly publish: <E extends EventName>(event: E, payload: IpcEvents[E]) => void;
  /** The sinks whose principal matches (e.g. to disconnect a removed participant). */
  readonly sinks: (match: (principal: Principal) => boolean) => readonly EventSink[];
};

/** What a principal receives of an event, or undefined. */
export function projectEvent<E extends EventName>(principal: Principal, event: E, payload: IpcEvents[E], room: RoomLookup): IpcEvents[E] | undefined {
  if (principal.kind === 'owner') return payload;
  switch (event) {
    case 'runEvent': {
      const runEvent = payload as IpcEvents['runEvent'];
      const audience = audienceOf(principal, runEvent.runId, room);
      return audience ? (projectRunEvent(runEvent, audience) as IpcEvents[E]) : undefined;
    }
    case 'roomSelf':
      return principal.kind === 'participant' && (payload as IpcEvents['roomSelf']).participantId === principal.participantId ? payload : undefined;
    case 'roomStatus':
      // The projector shows the room's join card (that is how people in the room join); never who joined or their votes.
      return principal.kind === 'presenter' ? (joinCard(payload as IpcEvents['roomStatus']) as IpcEvents[E]) : undefined;
    case 'settingsChanged':
      // Display preferences (large text, contrast) matter on the projector; a participant's device has its own.
      return principal.kind === 'presenter' ? payload : undefined;
    default:
      // unsavedPrompt is the facilitator's question; connection is the transport's own.
      return undefined;
  }
}

export function createEventHub(room: RoomLookup): EventHub {
  const sinks = new Set<EventSink>();
  return {
    attach: (sink) => {
      sinks.add(sink);
      return () => void sinks.delete(sink);
    },
    publish: (event, payload) => {
      for (const sink of [...sinks]) {
        const projected = projectEvent(sink.principal(), event, payload, room);
        if (projected === undefined) continue;
        try {
          sink.send(event, projected);
        } catch {
          // One broken view must not keep the others from hearing.
        }
      }
    },
    sinks: (match) => [...sinks].filter((sink) => match(sink.principal())),
  };
}
