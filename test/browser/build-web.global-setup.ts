import { ensureWebBuilt } from '../../scripts/build-web.ts';

/** The browser tests drive the built app: build it first when web/ changed since the last build. */
export default async function setup() {
  await ensureWebBuilt();
}
