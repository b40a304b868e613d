import { createApp } from './app.factory';
import { AppConfig, ConfigError } from './config/app-config';

async function bootstrap(): Promise<void> {
  const app = await createApp();
  const config = app.get(AppConfig);
  await app.listen(config.port, config.host);
  const url = await app.getUrl();
  console.log(`Malipo API listening on ${url} (docs: ${url}/docs)`);
  const token = config.mpesa.callbackToken;
  if (!token) {
    console.log('M-Pesa callbacks are off: set MPESA_CALLBACK_TOKEN to receive them.');
  } else if (config.env !== 'production') {
    // The development token is generated for this machine; production never prints its secret.
    const base = `${url}/integrations/mpesa/c2b/${token}`;
    console.log(`M-Pesa C2B URLs: ${base}/confirmation and ${base}/validation`);
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
