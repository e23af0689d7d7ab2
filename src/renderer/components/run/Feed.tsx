/**
 * The incoming feed: injects in the order they arrived, newest first. Each
 * shows channel, sender, time and its Markdown body with attachments.
 */
import { useState } from 'react';
import { ROLE_TITLES, type FeedItem, type Pack } from '../../../engine';
import type { PackAttachment } from '../../../shared/packs';
import { CHANNEL_LABELS } from '../../lib/labels';
import { dayClock } from '../../lib/time';
import { Markdown } from '../Markdown';

export type FeedEntry = {
  readonly key: string;
  readonly at: number;
  readonly channel: string;
  readonly from?: string;
  readonly title: string;
  readonly body: string;
  readonly visibleTo: 'all' | readonly string[];
  readonly attachments: readonly { path: string; title: string }[];
  readonly released: boolean;
  readonly adhoc: boolean;
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

export function Feed(props: {
  readonly pack: Pack;
  readonly entries: readonly FeedEntry[];
  readonly attachments: Readonly<Record<string, PackAttachment>>;
  readonly heading?: string;
}) {
  const newestFirst = [...props.entries].reverse();
  return (
    <section className="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">{props.heading ?? 'Incoming'}</h2>
      {newestFirst.length === 0 ? <p className="hint">Nothing yet. Messages, alerts and calls arrive here as the scenario unfolds.</p> : null}
      <ol className="feed-list" reversed aria-label="Messages, newest first">
        {newestFirst.map((entry, index) => (
          <FeedCard key={entry.key} pack={props.pack} entry={entry} attachments={props.attachments} startOpen={index === 0} />
        ))}
      </ol>
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
        <time className="feed-time">{dayClock(props.pack.clock.start, entry.at)}</time>
        {entry.released ? <span className="tag">released early</span> : null}
        {entry.adhoc ? <span className="tag">facilitator</span> : null}
      </div>
      <h3 className="feed-title">
        <button type="button" className="linklike" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
          {entry.title}
        </button>
      </h3>
      {entry.from ? <p className="feed-from">From: {entry.from}</p> : null}
      {entry.visibleTo !== 'all' ? <p className="feed-visible">For: {entry.visibleTo.map((r) => ROLE_TITLES[r as keyof typeof ROLE_TITLES] ?? r).join(', ')}</p> : null}
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
