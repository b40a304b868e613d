// Uploads a CSV file to `POST /payments/import` through the /api proxy. XMLHttpRequest rather
// than the generated client: fetch cannot report how much of a request body has been sent.
// The answer is still typed by the API's contract.
import { ApiError, type ImportReport } from '@malipo/api-client';

export interface UploadProgress {
  /** Bytes sent so far and in all; the API starts reading rows once the last byte is in. */
  sent: number;
  total: number;
}

export function uploadImport(
  file: File,
  onProgress: (progress: UploadProgress) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/payments/import');
    request.responseType = 'json';
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ sent: event.loaded, total: event.total });
    };
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        resolve(request.response as ImportReport);
      } else {
        reject(
          new ApiError(request.status, request.response, request.getResponseHeader('x-request-id')),
        );
      }
    };
    // A network failure: describeError says "the server could not be reached".
    request.onerror = () => reject(new Error('network error'));
    const body = new FormData();
    body.append('file', file);
    request.send(body);
  });
}
