import { parseArgs } from 'node:util';
import { createApp } from './composition-root.ts';
import { systemClock } from './platform/clock.ts';
import { ConfigError, loadConfig, type AppConfig } from './platform/config/env.ts';
import { DataDirLockedError, lockDataDir } from './platform/db/data-dir-lock.ts';
import { isConnectionError, reconnectDelayMs } from './platform/db/connection-errors.ts';
import { openDatabase } from './platform/db/database.ts';
import { migrate } from './platform/db/migrator.ts';
import { createLogger, type Logger } from './platform/logging/logger.ts';
import { createSecretBox, loadOrCreateKeyFile } from './platform/crypto/secret-box.ts';
import { isDatabaseEmpty, loadDemoData } from './modules/demo/demo-data.ts';
import { startDemoRouter } from './modules/demo/demo-router.ts';
import { replayDeadLettersCommand } from './platform/events/events.cli.ts';
import { runJobNowCommand } from './platform/jobs/jobs.cli.ts';

const usage = `Usage: node src/main.ts <command>

  start                 run the roles in APP_ROLES (default: all); loads demo data into an empty embedded database
  migrate               apply database migrations and exit
  seed-demo             load the demo tenant into the database
  create-super-admin    --email E --name N (password from SIMPUL_ADMIN_PASSWORD or --password P)
  replay-dead-letters   [--handler ID] [--event ID] [--type TYPE] [--limit N] [--all]
  run-job               <job name> [--tenant ID]…   runs a scheduled job now, printing progress
`;

/**
 * Opens the configured database, holding the data-folder lock in the embedded shape. A server
 * that is not reachable yet (starting in the same boot, restarting) is waited for.
 */
async function openConfiguredDatabase(config: AppConfig, logger: Logger) {
  const lock = config.db.driver === 'pglite' ? lockDataDir(config.db.dataDir) : null;
  try {
    const db = await openDatabase(config.db, { logger });
    for (let failures = 0; ; failures++) {
      try {
        return { db, report: await migrate(db.owner), release: () => lock?.release() };
      } catch (error) {
        if (!isConnectionError(error)) throw error;
        await new Promise((resolve) => setTimeout(resolve, reconnectDelayMs(failures)));
      }
    }
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * Last line of defence: a connection lost where nothing was listening must not end the process
 * (the database comes back; work is retried). Anything else is a bug: logged, and the process
 * exits so the supervisor starts a clean one.
 */
function surviveConnectionLoss(logger: Logger) {
  const onUnhandled = (error: unknown) => {
    if (isConnectionError(error)) return void logger.warn({ err: error }, 'database connection lost where nothing handled it');
    logger.fatal({ err: error }, 'unhandled error: exiting');
    process.exit(1);
  };
  process.on('uncaughtException', onUnhandled);
  process.on('unhandledRejection', onUnhandled);
}

async function main(argv: string[]) {
  const command = argv[0] && !argv[0].startsWith('-') ? argv[0] : 'start';
  const rest = argv.slice(command === argv[0] ? 1 : 0);
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  surviveConnectionLoss(logger);
  const { db, report, release } = await openConfiguredDatabase(config, logger);
  if (report.applied.length) logger.info({ applied: report.applied }, 'migrations applied');

  const shutdown: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const step of shutdown.reverse()) await step().catch((e) => logger.error({ err: e }, 'shutdown step failed'));
    await db.close();
    release();
  };

  try {
    // loadConfig demands SECRET_KEY with DATABASE_URL: only the embedded shape keeps its key in a file.
    const secretKey = config.secretKey ?? (config.db.driver === 'pglite' ? loadOrCreateKeyFile(config.db.dataDir) : undefined);
    const app = await createApp({ db, clock: systemClock, logger, config, saas: config.saas, secrets: createSecretBox(secretKey!) });
    shutdown.push(() => app.close());

    switch (command) {
      case 'migrate':
        console.log(`Migrations: ${report.applied.length} applied, ${report.alreadyApplied} already in place.`);
        return stop();
      case 'seed-demo': {
        const demo = await loadDemoData(app);
        console.log(`Demo tenant "${demo.tenant.name}" loaded. Logins: ${demo.logins.join(', ')} (password ${demo.password}).`);
        return stop();
      }
      case 'create-super-admin': {
        const { values } = parseArgs({
          args: rest,
          options: { email: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
        });
        const password = values.password ?? process.env.SIMPUL_ADMIN_PASSWORD;
        if (!values.email || !values.name || !password) throw new UsageError('create-super-admin needs --email, --name and a password.');
        const result = await app.identity.ensureSuperAdmin({ email: values.email, name: values.name, password });
        console.log(`${result.created ? 'Created' : 'Updated'} super admin ${values.email}.`);
        return stop();
      }
      case 'replay-dead-letters': {
        await app.start({ workers: false, scheduler: false });
        process.exitCode = await replayDeadLettersCommand(app.bus.operations, rest, (line) => console.log(line));
        return stop();
      }
      case 'run-job': {
        await app.start({ workers: false, scheduler: false });
        process.exitCode = await runJobNowCommand(app.scheduler, rest, (line) => console.log(line));
        return stop();
      }
      case 'start': {
        let demo: Awaited<ReturnType<typeof loadDemoData>> | undefined;
        const isDemo = config.db.driver === 'pglite' && config.demoData === 'auto';
        if (isDemo && (await isDatabaseEmpty(app.tenantDirectory))) demo = await loadDemoData(app);
        const demoRouter = isDemo ? await startDemoRouter(app) : null;
        if (demoRouter) shutdown.push(() => demoRouter.stop());
        await app.start({ workers: config.roles.includes('workers'), scheduler: config.roles.includes('scheduler') });
        if (config.roles.includes('api')) {
          const address = await app.http.listen({ port: config.http.port, host: config.http.host });
          const url = config.http.publicUrl ?? address;
          console.log(`\nSimpul is running: ${url}  (API docs: ${url}/docs)`);
        }
        if (demo) {
          console.log(`Demo data loaded: tenant "${demo.tenant.name}". Log in with any of:`);
          for (const login of demo.logins) console.log(`  ${login}`);
          console.log(`  password: ${demo.password}\n`);
        }
        for (const signal of ['SIGINT', 'SIGTERM'] as const) {
          process.once(signal, () => {
            logger.info({ signal }, 'shutting down');
            stop().then(() => process.exit(0));
          });
        }
        return;
      }
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    await stop();
    throw error;
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof DataDirLockedError || error instanceof ConfigError) {
    console.error(error.message);
  } else if (error instanceof UsageError) {
    console.error(`${error.message}\n\n${usage}`);
  } else {
    console.error(error);
  }
  process.exit(1);
});
