// Request URLs go into log lines; some carry secrets. The payment-provider callbacks are
// authenticated by a secret token in the path (/integrations/<provider>/<product>/<token>/…), and
// any query parameter named like a credential is a secret too. Both are masked before logging.

const MASK = '[REDACTED]';
const CALLBACK_TOKEN = /^(\/integrations\/[^/?#]+\/[^/?#]+\/)[^/?#]+/i;
const SECRET_PARAM = /^(token|access_token|secret|key|api_key|apikey|password|signature)$/i;

export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const maskedPath = path.replace(CALLBACK_TOKEN, `$1${MASK}`);
  if (queryAt === -1) return maskedPath;
  const query = url
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return equals !== -1 && SECRET_PARAM.test(decoded) ? `${name}=${MASK}` : pair;
    })
    .join('&');
  return `${maskedPath}?${query}`;
}
