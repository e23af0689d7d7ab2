/**
 * The incoming feed, oldest first like a message stream: a new inject is
 * added at the bottom and the box scrolls to it (when the reader was at the
 * latest), so an arrival never moves what is on screen. Each card shows
 * channel, sender, scenario time and its Markdown body with attachments.
 * A view that must not show an inject (the presenter, for a role's private
 * message) shows a marker in its place.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { formatSimTime, ROLE_TITLES, type FeedItem, type Pack, type RoleId, type SimMinutes } from '../../../engine';
import type { PackAttachment } from '../../../shared/packs';
import { CHANNEL_LABELS } from '../../lib/labels';
import { Markdown } from '../Markdown';

export type FeedEntry = {
  readonly key: string;
  readonly at: SimMinutes;
  readonly channel: string;
  readonly from?: string;
  readonly title: string;
  readonly body: string;
  readonly visibleTo: 'all' | readonly RoleId[];
  readonly attachments: readonly { path: string; title: string }[];
  readonly released: boolean;
  readonly adhoc: boolean;
  /** Not shown in this view: only a marker that something arrived for these roles. */
  readonly withheld?: boolean;
};

/** Resolves feed items against the pack (ad-hoc items carry their own content). */
export function feedEntries(pack: Pack, feed: readonly FeedItem[]): FeedEntry[] {
  return feed.flatMap((item, index): FeedEntry[] => {
    if (item.adhoc && item.content) {
      return [{ key: `${index}-${item.injectId}`, at: item.at, channel: item.content.channel, title: item.content.title, body: item.content.body, visibleTo: item.content.visibleTo, attachments: [], released: false, adhoc: true }];
    }
    const inject = pack.injects.find((i) => i.id === item.injectId);
    if (!inject) return [];
    return [
      {
        key: `${index}-${item.injectId}`,
        at: item.at,
        channel: inject.channel,
        ...(inject.from ? { from: inject.from } : {}),
        title: inject.title,
        body: inject.body,
        visibleTo: inject.visibleTo,
        attachments: inject.attachments ?? [],
        released: item.released,
        adhoc: false,
      },
    ];
  });
}

const rolesText = (roles: readonly RoleId[]) => roles.map((r) => ROLE_TITLES[r]).join(', ');

export function Feed(props: {
  readonly pack: Pack;
  readonly entries: readonly FeedEntry[];
  readonly attachments: Readonly<Record<string, PackAttachment>>;
  readonly heading?: string;
  readonly headingId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const atLatest = useRef(true);
  const count = props.entries.length;
  useLayoutEffect(() => {
    // Show the start of the newest message (scrolling moves nothing on the page).
    const el = box.current;
    const newest = el?.querySelector<HTMLElement>('.feed-list > li:last-child');
    if (el && newest && atLatest.current) el.scrollTop = Math.max(0, Math.min(newest.offsetTop - 8, el.scrollHeight - el.clientHeight));
  }, [count]);
  const headingId = props.headingId ?? 'feed-title';
  return (
    <section className="panel feed" aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={-1}>
        {props.heading ?? 'Incoming'}
      </h2>
      <div
        ref={box}
        className="panel-body"
        tabIndex={0}
        aria-label={`${props.heading ?? 'Incoming'}, oldest first`}
        onScroll={(e) => {
          const el = e.currentTarget;
          const newest = el.querySelector<HTMLElement>('.feed-list > li:last-child');
          // The reader follows the latest while the newest message is in view.
          atLatest.current = !newest || el.scrollTop + el.clientHeight > newest.offsetTop;
        }}
      >
        {count === 0 ? <p className="hint">Nothing yet. Messages, alerts and calls arrive here as the scenario unfolds.</p> : null}
        <ol className="feed-list" aria-label="Messages, oldest first">
          {props.entries.map((entry, index) =>
            entry.withheld ? (
              <li key={entry.key} className="feed-card feed-withheld">
                <span className="feed-time">{formatSimTime(props.pack.clock.start, entry.at)}</span> A message arrived for{' '}
                {entry.visibleTo === 'all' ? 'the team' : `the ${rolesText(entry.visibleTo)}`} only; it is on their own screen.
              </li>
            ) : (
              <FeedCard key={entry.key} pack={props.pack} entry={entry} attachments={props.attachments} startOpen={index === count - 1} />
            ),
          )}
        </ol>
      </div>
    </section>
  );
}

function FeedCard(props: { readonly pack: Pack; readonly entry: FeedEntry; readonly attachments: Readonly<Record<string, PackAttachment>>; readonly startOpen: boolean }) {
  const { entry } = props;
  const [open, setOpen] = useState(props.startOpen);
  const bodyId = `feed-body-${entry.key}`;
  return (
    <li className={`feed-card channel-${entry.channel}`}>
      <div className="feed-card-head">
        <span className="feed-channel">{CHANNEL_LABELS[entry.channel] ?? entry.channel}</span>
        {entry.released ? <span className="tag">released early</span> : null}
        {entry.adhoc ? <span className="tag">facilitator</span> : null}
        <time className="feed-time">{formatSimTime(props.pack.clock.start, entry.at)}</time>
      </div>
      <h3 className="feed-title">
        <button type="button" className="linklike" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {entry.title}
        </button>
      </h3>
      {entry.from ? <p className="feed-from">From: {entry.from}</p> : null}
      {entry.visibleTo !== 'all' ? <p className="feed-visible">For: {rolesText(entry.visibleTo)}</p> : null}
      <div id={bodyId} hidden={!open}>
        <Markdown source={entry.body} />
        {entry.attachments.map((attachment) => (
          <Attachment key={attachment.path} title={attachment.title} file={props.attachments[attachment.path]} />
        ))}
      </div>
    </li>
  );
}

function Attachment({ title, file }: { readonly title: string; readonly file: PackAttachment | undefined }) {
  if (!file) return <p className="hint">Attachment “{title}” is missing.</p>;
  return (
    <details className="attachment">
      <summary>Attachment: {title}</summary>
      {file.mime.startsWith('image/') && file.base64 ? (
        <img src={`data:${file.mime};base64,${file.base64}`} alt={title} className="attachment-image" />
      ) : file.mime === 'text/markdown' ? (
        <Markdown source={file.text ?? ''} />
      ) : (
        <pre className="attachment-text">{file.text}</pre>
      )}
    </details>
  );
}
