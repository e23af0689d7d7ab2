// @vitest-environment jsdom
/**
 * Pack text and participant text are untrusted. A pack and a run full of
 * hostile content must give an HTML report in which nothing executable or
 * external survives, and a Markdown report with no raw HTML.
 */
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { buildDebrief } from '../../../src/engine/scoring';
import { renderMarkdown, toHtml, toMarkdown } from '../../../src/main/report';
import { at, minimalInput, move, packFrom, play, timeline } from '../../engine/scoring/helpers';

const HOSTILE = [
  '<script>alert("s")</script>',
  '[click](javascript:alert(1))',
  '<a href="javascript:alert(2)">x</a>',
  '<a href="JaVaScRiPt:alert(3)">y</a>',
  '<img src=x onerror=alert(4)>',
  '![track](https://evil.example/track.png)',
  '<div onclick="alert(5)" style="background:url(https://evil.example/bg.png)">div</div>',
  '<iframe src="https://evil.example/frame"></iframe>',
  '<svg onload="alert(6)"><script>alert(7)</script></svg>',
  '<style>body { background: url(https://evil.example/css.png) } @import "https://evil.example/x.css";</style>',
  '<link rel="stylesheet" href="https://evil.example/a.css">',
  '<object data="https://evil.example/o.swf"></object><embed src="https://evil.example/e.swf">',
  '<form action="https://evil.example/post"><input name="q"></form>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoOCk+">',
  '<math><mi xlink:href="javascript:alert(9)">m</mi></math>',
].join('\n\n');

function hostileRun() {
  const src = minimalInput() as Record<string, unknown> & {
    moves: Record<string, unknown>[];
    injects: Record<string, unknown>[];
    reference: Record<string, unknown> & { trace: Record<string, unknown> & { rootCause: Record<string, unknown>; accountability: Record<string, unknown>[] }; severity: Record<string, unknown>[] };
  };
  src.title = `Title ${HOSTILE.slice(0, 120)}`;
  src.moves[1]!.label = '<img src=x onerror=alert(10)> Suspend';
  src.injects[0]!.title = '<script>alert(11)</script>';
  src.reference.trust = HOSTILE;
  src.reference.trace.trust = HOSTILE;
  src.reference.trace.rootCause.explanation = HOSTILE;
  src.reference.trace.accountability[0]!.responsibility = HOSTILE;
  src.reference.severity[0]!.rationale = HOSTILE;
  src.metrics = { harm: 'wrongly-rejected', harmLabel: '<svg onload=alert(12)>', dashboard: [] };
  src.debrief = { questions: ['<script>alert(13)</script>'], facilitatorNotes: HOSTILE };
  delete src.reference.trust;
  const pack = packFrom(src);
  const IL = 'incident-lead' as const;
  const { header, log } = play(pack, timeline(
    at(undefined, 'facilitator', { type: 'role.assign', role: IL, participant: '<img src=x onerror=alert(14)>' }),
    at(30, IL, { type: 'severity.classify', level: 3, rationale: HOSTILE }),
    move(40, 'technical-lead', 'suspend-model'),
    at(50, 'facilitator', { type: 'note.add', text: '<script>alert(15)</script>' }),
    at(480, IL, { type: 'trace.reflect', section: 'trust', text: HOSTILE }),
    at(480, IL, { type: 'trace.actionItem.add', id: 'x', text: '<iframe src=https://evil.example>', owner: IL, due: '2028-01-01' }),
  ));
  return buildDebrief(pack, { ...header, title: '<script>alert(16)</script>', participants: ['<b onmouseover=alert(17)>Eve</b>'] }, log, { includeFacilitatorNotes: true });
}

const FORBIDDEN_TAGS = ['script', 'iframe', 'object', 'embed', 'link', 'base', 'form', 'input', 'frame', 'frameset', 'applet', 'audio', 'video', 'source', 'math'];

/** Every way the document could run code or load something from elsewhere. */
function dangers(html: string): string[] {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    if (FORBIDDEN_TAGS.includes(tag)) found.push(`<${tag}>`);
    if (tag === 'meta' && el.getAttribute('http-equiv')?.toLowerCase() === 'refresh') found.push('meta refresh');
    if (tag === 'style' && /url\(|@import/i.test(el.textContent ?? '')) found.push('style with url()/@import');
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      const value = attr.value.trim().toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (name === 'style' && /url\(|expression\(/.test(value)) found.push(`${tag}[style url]`);
      if (/^(javascript|vbscript|data:text)/.test(value.replace(/\s/g, ''))) found.push(`${tag}[${name}=${value.slice(0, 20)}]`);
      if (['src', 'srcset', 'poster', 'data', 'action', 'formaction', 'background', 'xlink:href'].includes(name) && !/^data:image\/(png|jpeg);base64,/.test(value)) {
        found.push(`${tag}[${name}=${value.slice(0, 30)}]`);
      }
      // Links in reports are text with their address, never navigable.
      if (name === 'href') found.push(`${tag}[href=${value.slice(0, 20)}]`);
    }
  }
  return found;
}

describe('the danger detector', () => {
  it('finds each hostile construct in unsanitised HTML (so its silence means something)', () => {
    const found = dangers(`<body>${HOSTILE.replace(/\[click\]\(javascript:alert\(1\)\)/, '')}</body>`).join(' ');
    for (const expected of ['<script>', 'img[onerror]', 'a[href=javascript:alert(2)', 'link[href=https://evil.exam', 'div[onclick]', 'div[style url]', '<iframe>', 'svg[onload]', 'style with url()/@import', '<link>', '<object>', '<embed>', '<form>', 'meta refresh', '<base>', 'img[src=data:image/svg+xml']) {
      expect(found).toContain(expected);
    }
  });
});

describe('the HTML report of a hostile pack and run', () => {
  const debrief = hostileRun();
  const html = toHtml(debrief);

  it('contains nothing executable or external', () => {
    expect(dangers(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
  });

  it('keeps the hostile text visible as text', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.body.textContent).toContain('<script>alert(11)</script>');
    expect(doc.body.textContent).toContain('<img src=x onerror=alert(10)> Suspend');
  });

  it('carries a content security policy that forbids scripts and remote loads', () => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
  });
});

describe('renderMarkdown', () => {
  it('keeps the safe subset; links are text with their address', () => {
    const html = renderMarkdown('# Title\n\n**bold** _em_ `code`\n\n- item\n\n> quote\n\n[site](https://example.org) [mail](mailto:a@example.org)');
    expect(html).toContain('<h3>Title</h3>');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<span class="md-link">site</span> <span class="md-link-address">(https://example.org)</span>');
    expect(html).toContain('<span class="md-link">mail</span> <span class="md-link-address">(a@example.org)</span>');
    expect(html).not.toContain('<a');
  });

  it('keeps data: PNG images only', () => {
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    expect(renderMarkdown(`![ok](${png})`)).toContain(`<img src="${png}" alt="ok">`);
    expect(renderMarkdown('![no](https://evil.example/x.png)')).not.toContain('<img');
    expect(renderMarkdown('![no](data:image/svg+xml;base64,PHN2Zz4=)')).not.toContain('<img');
  });

  it('drops every hostile construct', () => {
    expect(dangers(`<body>${renderMarkdown(HOSTILE)}</body>`)).toEqual([]);
  });
});

describe('text that merely looks like HTML', () => {
  it('stays readable in the HTML and Markdown reports (never silently dropped)', () => {
    const src = minimalInput() as Record<string, unknown> & { reference: { trace: { trust: string } } };
    src.reference.trace.trust = 'Press the <Escalate> button, then <b>confirm</b> with the <Legal & Compliance Lead>.';
    src.debrief = { facilitatorNotes: 'Ask who pressed <Escalate> first.' };
    const pack = packFrom(src);
    const { header, log } = play(pack, timeline(at(480, 'incident-lead', { type: 'trace.reflect', section: 'trust', text: 'We forgot <Escalate>.' })));
    const debrief = buildDebrief(pack, header, log, { includeFacilitatorNotes: true });
    const body = new DOMParser().parseFromString(toHtml(debrief), 'text/html').body.textContent ?? '';
    for (const phrase of ['Press the <Escalate> button, then <b>confirm</b> with the <Legal & Compliance Lead>.', 'Ask who pressed <Escalate> first.', 'We forgot <Escalate>.']) {
      expect(body).toContain(phrase);
    }
    const markdownView = new DOMParser().parseFromString(new Marked({ async: false }).parse(toMarkdown(debrief)) as string, 'text/html').body.textContent ?? '';
    expect(markdownView).toContain('Press the <Escalate> button, then <b>confirm</b> with the <Legal & Compliance Lead>.');
    expect(markdownView).toContain('We forgot <Escalate>.');
  });
});

describe('links in the Markdown report', () => {
  it('are text with their address: no Markdown viewer makes them navigable', () => {
    const src = minimalInput() as Record<string, unknown> & { reference: { trace: { trust: string } } };
    src.reference.trace.trust = 'See [the policy](https://example.org/policy), https://evil.example/x, www.evil.example and dpo@example.org.';
    const pack = packFrom(src);
    const { header, log } = play(pack, timeline());
    const html = new Marked({ async: false, gfm: true }).parse(toMarkdown(buildDebrief(pack, header, log))) as string;
    expect(html).not.toMatch(/<a\b|href=/i);
    const shown = new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
    expect(shown).toContain('See [the policy](https://example.org/policy), https://evil.example/x, www.evil.example and dpo@example.org.');
  });
});

describe('the Markdown report of a hostile pack and run', () => {
  it('has no raw HTML tags from untrusted text', () => {
    const md = toMarkdown(hostileRun());
    expect(md).not.toMatch(/<(script|img|iframe|svg|style|a|div|object|embed|form|meta|base|link|math|b)\b/i);
    expect(md).toContain('&lt;script>alert(11)&lt;/script>');
  });

  it('stays harmless when a Markdown viewer renders it (no script, no javascript: link, no remote image)', () => {
    const html = new Marked({ async: false }).parse(toMarkdown(hostileRun())) as string;
    expect(dangers(`<body>${html}</body>`)).toEqual([]);
    expect(html).not.toMatch(/<img/i);
  });
});
