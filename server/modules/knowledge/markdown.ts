import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

// An article's Markdown -> the HTML every reader gets (decision 0016). markdown-it renders
// CommonMark with raw HTML allowed (authors paste tables and embeds), then sanitize-html keeps only
// an allow-list: whatever is not named below is dropped, so a new browser feature is closed by
// default. The same function renders on save and in the editor's preview, so what an author sees
// is what readers get.

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: false });

/** Our own files: an article's images and videos are served by the attachments module. */
export const ATTACHMENT_CONTENT_URL = /^\/api\/v1\/attachments\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/content$/i;

/** Video players that may be embedded; nothing else may be framed. */
export const EMBED_HOSTS = ['www.youtube.com', 'www.youtube-nocookie.com', 'youtube-nocookie.com', 'player.vimeo.com'] as const;

const tableCellAlignment = { 'text-align': [/^(left|right|center)$/] };

function isAllowedImageSource(src: string | undefined): boolean {
  if (!src) return false;
  if (ATTACHMENT_CONTENT_URL.test(src)) return true;
  try {
    return new URL(src).protocol === 'https:';
  } catch {
    return false;
  }
}

function isAllowedEmbed(src: string | undefined): boolean {
  if (!src) return false;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && (EMBED_HOSTS as readonly string[]).includes(url.hostname) && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

const allowList: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'kbd', 'samp',
    'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'sub', 'sup', 'small', 'abbr',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img', 'figure', 'figcaption', 'details', 'summary',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption', 'div', 'span', 'iframe', 'video',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'width', 'height', 'loading'],
    iframe: ['src', 'title', 'width', 'height', 'allow', 'allowfullscreen', 'sandbox', 'referrerpolicy', 'loading'],
    video: ['src', 'controls', 'width', 'height', 'preload'],
    ol: ['start'],
    th: ['style', 'colspan', 'rowspan', 'scope'],
    td: ['style', 'colspan', 'rowspan'],
    abbr: ['title'],
    code: ['class'],
  },
  allowedClasses: { code: ['language-*'] },
  allowedStyles: { th: tableCellAlignment, td: tableCellAlignment },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https'], iframe: ['https'], video: [] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite', 'poster'],
  allowProtocolRelative: false,
  allowedIframeHostnames: [...EMBED_HOSTS],
  allowIframeRelativeUrls: false,
  // Their text is code or markup, never words for the reader: dropped with the tag.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'title', 'xmp', 'noembed', 'noframes', 'plaintext', 'select', 'object', 'embed', 'svg', 'math'],
  disallowedTagsMode: 'discard',
  transformTags: {
    // A link never hands the opened page a handle on ours (window.opener) nor our address.
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }),
    img: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: isAllowedImageSource(src) ? { ...rest, src: src!, loading: 'lazy' } : rest };
    },
    video: (tagName, attribs) => {
      const { src, ...rest } = attribs;
      return { tagName, attribs: src && ATTACHMENT_CONTENT_URL.test(src) ? { ...rest, src, controls: '' } : rest };
    },
    // The player runs its own scripts in its own origin; the frame gets nothing more.
    iframe: (tagName, attribs) => ({
      tagName,
      attribs: isAllowedEmbed(attribs.src)
        ? {
            src: attribs.src!,
            ...(attribs.title ? { title: attribs.title } : {}),
            ...(attribs.width ? { width: attribs.width } : {}),
            ...(attribs.height ? { height: attribs.height } : {}),
            sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups',
            allow: 'fullscreen; picture-in-picture; encrypted-media',
            allowfullscreen: '',
            referrerpolicy: 'strict-origin-when-cross-origin',
            loading: 'lazy',
          }
        : {},
    }),
  },
  // An image, frame or video left without an allowed source shows nothing: drop the element.
  exclusiveFilter: (frame) => ['img', 'iframe', 'video'].includes(frame.tag) && !frame.attribs.src,
};

/** Sanitised HTML, from HTML (pasted or rendered): only what the allow-list names survives. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, allowList);
}

/** An article's Markdown (raw HTML allowed) rendered and sanitised: what readers are shown. */
export function renderArticleMarkdown(body: string): string {
  return sanitizeArticleHtml(markdown.render(body));
}

export const EXCERPT_LENGTH = 200;

/**
 * The article's opening words as plain text, at most 200 characters, cut at a word: for lists and
 * search hits. Read from Markdown's text tokens, so markup and raw HTML never show in it.
 */
export function excerptOf(body: string): string {
  const blocks: string[] = [];
  let length = 0;
  for (const token of markdown.parse(body, {})) {
    if (length > EXCERPT_LENGTH) break;
    const text =
      token.type === 'inline'
        ? (token.children ?? []).map((child) => (child.type === 'text' || child.type === 'code_inline' ? child.content : child.type === 'softbreak' || child.type === 'hardbreak' ? ' ' : '')).join('')
        : token.type === 'fence' || token.type === 'code_block'
          ? token.content
          : '';
    if (text === '') continue;
    blocks.push(text);
    length += text.length + 1;
  }
  const text = blocks.join(' ').replace(/\s+/g, ' ').trim();
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
