import { resolve } from 'node:path';
import type { NextConfig } from 'next';

// Dependencies are hoisted to the repository's root by npm workspaces.
const repositoryRoot = resolve(__dirname, '../..');

const config: NextConfig = {
  poweredByHeader: false,
  transpilePackages: ['@malipo/api-client'],
  turbopack: { root: repositoryRoot },
  outputFileTracingRoot: repositoryRoot,
  experimental: { optimizePackageImports: ['@mantine/core', '@mantine/hooks'] },
};

export default config;
