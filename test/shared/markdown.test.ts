// @vitest-environment jsdom
/**
 * The one sanitising policy for untrusted Markdown (app views and every
 * report): HTML only from an allow-list, raw HTML kept readable as text,
 * links shown as text with their address and never navigable, images only
 * when embedded as PNG or JPEG.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, markdownToSafeHtml } from '../../src/shared/markdown';

/** Elements the policy may produce, each with the attributes it may carry. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], strong: [], em: [], del: [], code: [], pre: [], blockquote: [], ul: [], ol: ['start'], li: [], hr: [],
  h1: [], h2: [], h3: [], h4: [], h5: [], h6: [], table: [], thead: [], tbody: [], tr: [], th: ['align'], td: ['align'],
  img: ['src', 'alt'], span: ['class'],
};
const SAFE_IMAGE = /^data:image\/(?:png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

/** Every element or attribute outside the allow-list, every unsafe value. */
function violations(html: string): string[] {
  const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const found: string[] = [];
  for (const el of Array.from(doc.body.querySelectorAll('*'))) {
    const tag = el.tagName.toLowerCase();
    const allowed = ALLOWED[tag];
    if (!allowed) found.push(`<${tag}>`);
    for (const attr of Array.from(el.attributes)) {
      if (!allowed?.includes(attr.name)) found.push(`${tag}[${attr.name}]`);
      else if (attr.name === 'src' && !SAFE_IMAGE.test(attr.value)) found.push(`img[src=${attr.value.slice(0, 30)}]`);
      else if (attr.name === 'class' && !['md-link', 'md-link-address', 'md-image'].includes(attr.value)) found.push(`span[class=${attr.value}]`);
      else if (attr.name === 'align' && !['left', 'center', 'right'].includes(attr.value)) found.push(`${tag}[align=${attr.value}]`);
      else if (attr.name === 'start' && !/^-?\d+$/.test(attr.value)) found.push(`ol[start=${attr.value}]`);
    }
  }
  return found;
}

const text = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.textContent ?? '';

describe('the violation detector', () => {
  it('finds what the policy must never produce (so its silence means something)', () => {
    expect(violations('<a href="https://x">x</a><img src="https://x/t.png"><div onclick="x">d</div><span style="x">s</span><ol start="1 onload">')).toEqual([
      '<a>', 'a[href]', 'img[src=https://x/t.png]', '<div>', 'div[onclick]', 'span[style]', 'ol[start=1 onload]',
    ]);
  });
});

describe('markdownToSafeHtml', () => {
  it.each([
    ['Press the <Escalate> button', '<p>Press the &lt;Escalate&gt; button</p>'],
    ['**bold** _em_ ~~del~~ `<code>`', '<p><strong>bold</strong> <em>em</em> <del>del</del> <code>&lt;code&gt;</code></p>'],
    ['a &amp; b &lt;x&gt; &#x3C;y', '<p>a &amp; b &lt;x&gt; &lt;y</p>'],
    ['[the policy](https://example.org/policy)', '<p><span class="md-link">the policy</span> <span class="md-link-address">(https://example.org/policy)</span></p>'],
    ['see https://example.org and www.example.org', '<p>see <span class="md-link">https://example.org</span> and <span class="md-link">www.example.org</span></p>'],
    ['write to <dpo@example.org>', '<p>write to <span class="md-link">dpo@example.org</span></p>'],
    ['[run](javascript:alert(1))', '<p><span class="md-link">run</span> <span class="md-link-address">(javascript:alert(1))</span></p>'],
    ['![chart](https://evil.example/track.png)', '<p><span class="md-image">[image: chart] (https://evil.example/track.png)</span></p>'],
    ['![ok](data:image/png;base64,iVBORw0KGgo=)', '<p><img src="data:image/png;base64,iVBORw0KGgo=" alt="ok"></p>'],
    ['![svg](data:image/svg+xml;base64,PHN2Zz4=)', '<p><span class="md-image">[image: svg] (data:image/svg+xml;base64,PHN2Zz4=)</span></p>'],
    ['- [x] done\n- [ ] open', '<ul><li>☑ done</li><li>☐ open</li></ul>'],
    ['3. third\n4. fourth', '<ol start="3"><li>third</li><li>fourth</li></ol>'],
    ['| a | b |\n|:-|-:|\n| <i>x</i> | y |', '<table><thead><tr><th align="left">a</th><th align="right">b</th></tr></thead><tbody><tr><td align="left">&lt;i&gt;x&lt;/i&gt;</td><td align="right">y</td></tr></tbody></table>'],
    ['<div onclick="x">\nblock\n</div>', '<p>&lt;div onclick=&quot;x&quot;&gt;<br>block<br>&lt;/div&gt;</p>'],
    ['```\n<script>alert(1)</script>\n```', '<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;</code></pre>'],
    ['> quoted', '<blockquote><p>quoted</p></blockquote>'],
  ])('renders %j as %s', (source, html) => {
    expect(markdownToSafeHtml(source)).toBe(html);
  });

  it('puts headings below the report’s own when asked, never past h6', () => {
    expect(markdownToSafeHtml('# A\n\n## B\n\n##### E', { headingOffset: 2 })).toBe('<h3>A</h3><h4>B</h4><h6>E</h6>');
    expect(markdownToSafeHtml('# A')).toBe('<h1>A</h1>');
  });

  it('keeps every word of text that merely looks like HTML', () => {
    const html = markdownToSafeHtml('Press <Escalate>, then <b>confirm</b>; a < b > c; <!-- note --> & <img src=x onerror=alert(1)>');
    expect(text(html)).toBe('Press <Escalate>, then <b>confirm</b>; a < b > c; <!-- note --> & <img src=x onerror=alert(1)>');
    expect(violations(html)).toEqual([]);
  });

  // Fragments hostile input is made of: Markdown syntax, HTML, attributes, URLs of every scheme, entities.
  const fragment = fc.constantFrom(
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">x</a>', '<iframe src=//evil>', '<svg onload=alert(1)>',
    '<style>*{}</style>', '<div style="background:url(//evil)">', '</p>', '<!--', '-->', '<![CDATA[', '"', "'", '`', '``', '```\n', '~~~\n',
    '[', ']', '(', ')', '![', '](', 'javascript:alert(1)', 'https://evil.example/x', 'data:image/png;base64,iVBO', 'data:text/html,<b>',
    'www.evil.example', 'a@evil.example', '<https://evil.example>', '&lt;', '&#60;', '&#x3C;script&#x3E;', '&amp;', '&', '\\', '*', '_', '#', '> ',
    '- ', '1. ', '| a | b |\n|---|---|\n', '- [ ] ', '\n', '\n\n', '    ', 'text', ' ', '<Escalate>', 'onclick=', '=', '>',
  );
  const hostile = fc.array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 24 }).map((parts) => parts.join(''));

  it('produces only allow-listed elements and attributes for any input (property)', () => {
    fc.assert(
      fc.property(hostile, fc.integer({ min: 0, max: 3 }), (source, headingOffset) => {
        expect(violations(markdownToSafeHtml(source, { headingOffset }))).toEqual([]);
      }),
      { numRuns: 600 },
    );
  });

  it('never turns a link or address into something navigable, and shows each address (property)', () => {
    const address = fc.constantFrom('https://evil.example/a', 'http://x.example', 'mailto:a@b.example', 'javascript:alert(1)', 'file:///etc/passwd', '//evil.example');
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }).filter((s) => !/[[\]()\\<>`*_~!&]/.test(s) && s.trim() !== ''), address, (label, href) => {
        const html = markdownToSafeHtml(`[${label}](${href})`);
        expect(html).not.toMatch(/<a\b|href=/i);
        expect(text(html)).toContain(href.replace(/^mailto:/, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('escapes attribute and element text alike', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
