// The Danish account of a posting (explanation-account.ts) as an HTML page or as plain text.
// Everything that comes from data — ids, reasons, titles — is escaped in HTML.
import type { ExplanationAccount, Part } from './explanation-account';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

const htmlPart = (p: Part) =>
  typeof p === 'string' ? escapeHtml(p) : `<a href="${escapeHtml(p.href)}">${escapeHtml(p.entryId)}</a>`;

export function explanationHtml(account: ExplanationAccount): string {
  const sections = account.sections.map(
    (s) =>
      `<section>\n<h2>${escapeHtml(s.heading)}</h2>\n${s.lines.map((l) => `<p>${l.map(htmlPart).join('')}</p>`).join('\n')}\n</section>`,
  );
  return [
    '<!doctype html>',
    '<html lang="da">',
    '<head><meta charset="utf-8"><title>' + escapeHtml(account.title) + '</title></head>',
    '<body>',
    `<h1>${escapeHtml(account.title)}</h1>`,
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const textPart = (p: Part) => (typeof p === 'string' ? p : `${p.entryId} <${p.href}>`);

export function explanationText(account: ExplanationAccount): string {
  const sections = account.sections.map(
    (s) =>
      `${s.heading}\n${'-'.repeat(s.heading.length)}\n${s.lines.map((l) => l.map(textPart).join('')).join('\n')}\n`,
  );
  return `${account.title}\n${'='.repeat(account.title.length)}\n\n${sections.join('\n')}`;
}
