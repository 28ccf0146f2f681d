import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

// Mail HTML comes from anyone on the internet, and agents read it inside Hallway, so it is cut down
// to an allow-list (decision 0019): formatting, tables, links and images. Everything not named here
// (script, style, forms, frames, svg, every on* attribute, data: and javascript: URLs) is dropped.

// Links open the sender's page, never run code. Fragment links stay for in-message anchors.
const LINK_TARGET = /^(https?:|mailto:|#)/i;
// Images: the message's own parts (cid:) or https. No http (mixed content) and no data: URLs.
const IMAGE_SOURCE = /^(https:|cid:)/i;

function withoutWhitespaceAndControls(value: string): string {
  // Browsers ignore these inside a scheme ("java\tscript:"), so the check must too.
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
}

const allowList: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'div', 'span', 'blockquote', 'pre', 'code', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'b', 'strong', 'i', 'em', 'u', 's', 'strike', 'del', 'ins', 'sub', 'sup', 'small', 'big', 'font', 'center',
    'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a', 'img',
    'table', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'caption',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'align', 'valign'],
    table: ['border', 'cellpadding', 'cellspacing', 'width'],
    p: ['align'],
    div: ['align'],
    ol: ['start'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'cid'] },
  allowedSchemesAppliedToAttributes: ['href', 'src', 'cite'],
  allowProtocolRelative: false,
  // The text of these is code or metadata, never something the sender meant the reader to see.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'head', 'title', 'template', 'xml'],
  disallowedTagsMode: 'discard',
  // An image whose source was refused would only show a broken-image frame.
  exclusiveFilter: (frame) => frame.tag === 'img' && !frame.attribs.src,
  transformTags: {
    a: (tagName, attribs) => {
      const href = withoutWhitespaceAndControls(attribs.href ?? '');
      const kept: sanitizeHtml.Attributes = {};
      if (attribs.title !== undefined) kept.title = attribs.title;
      if (LINK_TARGET.test(href)) {
        kept.href = attribs.href ?? '';
        kept.rel = 'noopener noreferrer';
        kept.target = '_blank';
      }
      return { tagName, attribs: kept };
    },
    img: (tagName, attribs) => {
      const src = withoutWhitespaceAndControls(attribs.src ?? '');
      const kept: sanitizeHtml.Attributes = { ...attribs };
      // A relative src would be fetched from Hallway's own origin with the reader's cookies.
      if (!IMAGE_SOURCE.test(src)) delete kept.src;
      return { tagName, attribs: kept };
    },
  },
};

export function sanitizeMailHtml(html: string): string {
  return sanitizeHtml(html, allowList).trim();
}

const MAX_HTML_TO_LAY_OUT = 2_000_000;

/**
 * Plain text of already sanitised HTML, for a message with no text part. Converting the sanitised
 * HTML (not the original) keeps dropped links and images out of the text as well. Lines are not
 * wrapped, and quotes keep their "> " marks, so quoted history can still be trimmed.
 */
export function sanitisedHtmlToText(safeHtml: string): string {
  // html-to-text builds a tree and lays out every block; beyond a few megabytes that takes seconds,
  // so a huge body only loses its tags.
  if (safeHtml.length > MAX_HTML_TO_LAY_OUT) {
    return sanitizeHtml(safeHtml.replace(/<(br|\/p|\/div|\/tr|\/li)\b[^>]*>/gi, '$&\n'), { allowedTags: [], allowedAttributes: {} })
      .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
      .replace(/\n{3,}/g, '\n\n').trim();
  }
  return convert(safeHtml, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true, noAnchorUrl: true } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  }).replace(/\n{3,}/g, '\n\n').trim();
}
