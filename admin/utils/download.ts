/** The name a `Content-Disposition` header gives a download, if it gives one. */
export const fileNameOf = (disposition: string | null | undefined): string | undefined => {
  if (!disposition) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // A malformed encoded name: the plain one, if any, will do.
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
};

/**
 * The server's own name for an audit's issues (`issuesCsv`), for when its header is out of
 * reach (a backend on another origin exposes no `Content-Disposition` without CORS saying so).
 */
export const issuesFileName = (audit: { host: string; documentId: string }) =>
  `site-audit-${audit.host.replace(/[^\w.-]/g, '_')}-${audit.documentId}.csv`;

/**
 * Hands a fetched file to the browser as a download. The route needs the admin's token, which a
 * plain link cannot send, hence the fetch and the object URL.
 */
export const saveFile = (file: Blob, name: string) => {
  const url = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked once the click has been handled: some browsers read the URL after `click()` returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};
