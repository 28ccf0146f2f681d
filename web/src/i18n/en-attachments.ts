// Words for files: attaching to a request and a form's file answers (see en.ts).
export const attachments = {
  title: 'Files',
  /** The timeline's entry for a file added to the request. */
  added: 'Added a file',
  none: 'No files yet.',
  attach: 'Attach a file',
  attachInternal: 'Attach a file for the team only',
  attaching: 'Uploading…',
  internal: 'Team only',
  download: (name: string) => `Download ${name}`,
  by: (name: string) => `added by ${name}`,
  failed: 'The file was not uploaded.',
  tooLarge: (limit: string) => `Files may be at most ${limit}.`,
  uploaded: (name: string, size: string) => `${name} (${size}) is ready to send.`,
  remove: 'Remove the file',
  bytes: (count: number) => `${count} B`,
  kilobytes: (count: string) => `${count} KB`,
  megabytes: (count: string) => `${count} MB`,
};
