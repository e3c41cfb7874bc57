import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds the web app (web/ → web/dist) with Vite. `--if-stale` builds only when web/dist is
 * missing or older than a source file, so `npm start` and the test run always serve the
 * current app without rebuilding every time.
 *
 *   node scripts/build-web.ts              build now
 *   node scripts/build-web.ts --if-stale   build when needed
 */
const webDir = fileURLToPath(new URL('../web', import.meta.url));
const builtIndex = join(webDir, 'dist', 'index.html');
const sources = ['src', 'index.html', 'vite.config.ts', 'tsconfig.json'].map((name) => join(webDir, name));

const newestChange = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
};

export function webBuildIsStale(): boolean {
  if (!existsSync(builtIndex)) return true;
  const builtAt = statSync(builtIndex).mtimeMs;
  return sources.some((path) => newestChange(path) > builtAt);
}

export async function buildWeb(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(webDir, 'vite.config.ts'), logLevel: 'warn' });
}

/** Builds when stale; returns whether it built. */
export async function ensureWebBuilt(): Promise<boolean> {
  if (!webBuildIsStale()) return false;
  await buildWeb();
  return true;
}

if (import.meta.main) {
  const ifStale = process.argv.includes('--if-stale');
  try {
    if (!ifStale) await buildWeb();
    else if (webBuildIsStale()) {
      console.log('Building the web app (web/ → web/dist)…');
      await buildWeb();
    }
  } catch (error) {
    const viteMissing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
    // Without dev dependencies (a production install of a pre-built app) start anyway:
    // the server serves what web/dist holds, or says how to build it.
    if (ifStale && viteMissing) console.warn('Vite is not installed (npm install without --omit=dev builds the web app); starting without building it.');
    else {
      console.error(error);
      process.exit(1);
    }
  }
}
