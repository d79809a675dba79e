/**
 * jsdom's Blob and File have no `text()` (browsers' have). `blobText` reads one through jsdom's
 * FileReader; `installBlobText` gives `Blob.prototype` the method, for code under test that calls it.
 */

/** A blob's text, read with FileReader. */
export function blobText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}

/** Adds `Blob.prototype.text` where the environment lacks it. */
export function installBlobText(): void {
  if (typeof Blob.prototype.text === 'function') return;
  Blob.prototype.text = function text(this: Blob) {
    return blobText(this);
  };
}
