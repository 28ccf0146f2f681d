// Hostile article bodies and a DOM-free check of rendered HTML, for markdown.test.ts. The payloads
// are the well-known families (script in every spelling, event handlers, javascript:/data: URLs
// hidden by entities and whitespace, frames, styles, forms, mutation XSS), written here for Hallway.

export const XSS_PAYLOADS: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<ScRiPt>alert(1)</sCrIpT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<script\n>alert(1)</script\n>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<img src="https://ok.example/a.png" ONERROR="alert(1)">',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<img srcset="javascript:alert(1) 1x" src="https://ok.example/a.png">',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;avascript&colon;alert(1)">x</a>',
  '<a href="javascript&#58;alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav\nascript:alert(1)">x</a>',
  '<a href="  javascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="https://ok.example" onclick="alert(1)">ok</a>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe src="https://evil.example/embed"></iframe>',
  '<iframe src="//www.youtube.com/embed/x"></iframe>',
  '<iframe src="http://www.youtube.com/embed/x"></iframe>',
  '<iframe src="https://www.youtube.com.evil.example/embed/x"></iframe>',
  '<iframe src="https://user@evil.example@www.youtube.com/embed/x" onload="alert(1)"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<div style="width: expression(alert(1))">x</div>',
  '<td style="text-align:left;background:url(javascript:alert(1))">x</td>',
  '<style>body{background:url("javascript:alert(1)")}</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<input onfocus=alert(1) autofocus>',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<details open ontoggle=alert(1)>x</details>',
  '<video src="/api/v1/attachments/0b7e8a62-3d6c-4a39-9a4f-1c2d3e4f5a6b/content" onerror="alert(1)"></video>',
  '<video><source src="x" onerror="alert(1)"></video>',
  '<video src="javascript:alert(1)"></video>',
  '<textarea><script>alert(1)</script></textarea>',
  '<template><script>alert(1)</script></template>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '<img src="x" onerror="alert(1)"',
  '<a href="https://ok.example"><img src=x onerror=alert(1)',
  '<<script>script>alert(1)<</script>/script>',
  '<p>\u0000<script>alert(1)</script></p>',
  '[click](javascript:alert(1))',
  '[click](JAVASCRIPT:alert(1))',
  '[click](&#x6A;avascript:alert(1))',
  '[click]( javascript:alert(1) "title")',
  '![x](javascript:alert(1))',
  '![x](data:image/png;base64,iVBORw0KGgo=)',
  '[a][r]\n\n[r]: javascript:alert(1)',
  '<javascript:alert(1)>',
  '<data:text/html,<script>alert(1)</script>>',
  '<vbscript:msgbox(1)>',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '> <img src=x onerror=alert(1)>\n\n- <svg onload=alert(1)>',
  '| a |\n|---|\n| <img src=x onerror=alert(1)> |',
];

/** Every tag the renderer may emit; anything else in its output is a hole. */
const EMITTABLE_TAGS = new Set(
  'h1 h2 h3 h4 h5 h6 p br hr blockquote pre code kbd samp em strong b i u s del ins mark sub sup small abbr ul ol li dl dt dd a img figure figcaption details summary table thead tbody tfoot tr th td caption div span iframe video'.split(
    ' ',
  ),
);
const EMBED_HOSTS = new Set(['www.youtube.com', 'www.youtube-nocookie.com', 'youtube-nocookie.com', 'player.vimeo.com']);
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'action', 'formaction', 'xlink:href', 'srcset', 'background', 'data']);

/** What a browser would make of an attribute value: entities decoded, ignorable characters gone. */
function asBrowserReadsIt(value: string): string {
  const decoded = value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#([0-9]+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
  // eslint-disable-next-line no-control-regex
  return decoded.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
}

/**
 * Every way this HTML could run code or reach out, found without a DOM: tags off the list, event
 * handler attributes, script-capable URLs, frames from other hosts, styles. Empty when it is safe.
 */
export function executableBits(html: string): string[] {
  const problems: string[] = [];
  if (/<\s*script/i.test(html)) problems.push('a <script> tag');
  for (const tag of html.matchAll(/<\s*(\/?)\s*([a-zA-Z][^\s/>]*)([^>]*)>/g)) {
    const [, closing, rawName, rawAttributes] = tag;
    const name = rawName!.toLowerCase();
    if (!EMITTABLE_TAGS.has(name)) problems.push(`tag <${name}>`);
    if (closing) continue;
    const attributes = new Map<string, string>();
    for (const attribute of rawAttributes!.matchAll(/([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
      attributes.set(attribute[1]!.toLowerCase(), attribute[2] ?? attribute[3] ?? attribute[4] ?? '');
    }
    for (const [attribute, value] of attributes) {
      if (attribute.startsWith('on')) problems.push(`<${name} ${attribute}>`);
      if (attribute === 'srcdoc' || attribute === 'formaction' || attribute === 'srcset') problems.push(`<${name} ${attribute}>`);
      if (attribute === 'style' && !/^text-align:\s*(left|right|center);?$/i.test(value.trim())) problems.push(`<${name} style="${value}">`);
      if (URL_ATTRIBUTES.has(attribute)) {
        const url = asBrowserReadsIt(value);
        const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
        if (scheme && !['http', 'https', 'mailto'].includes(scheme)) problems.push(`<${name} ${attribute}="${value}"> (${scheme}:)`);
        if (url.startsWith('//')) problems.push(`<${name} ${attribute}="${value}"> (protocol-relative)`);
      }
    }
    if (name === 'iframe') {
      let host = '';
      try {
        const url = new URL(attributes.get('src') ?? '');
        host = url.protocol === 'https:' ? url.hostname : '';
      } catch {
        host = '';
      }
      if (!EMBED_HOSTS.has(host)) problems.push(`<iframe> from "${attributes.get('src') ?? ''}"`);
    }
  }
  return problems;
}
