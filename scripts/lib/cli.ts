/**
 * The one way the command-line scripts (user:add, user:reset, audit:verify, audit:checkpoint, db:roles) run:
 * read the arguments, open the database, do the work, close the database, exit with a documented code.
 * Exit codes shared by all of them: 0 done · 1 refused · 2 database folder in use · 64 bad arguments.
 */
import os from 'node:os';
import { envOpenOptions, openDatabase, type DbHandle } from '@/db/client';
import { DatabaseLockedError } from '@/db/dir-lock';
import { SYSTEM_ACTOR, type Actor } from '@/lib/domain/actor';
import { UsageError } from './args';

export const EXIT_LOCKED = 2;
export const EXIT_USAGE = 64;

export interface CliCommand<T> {
  /** Printed for --help, and after the message of a UsageError. */
  usage: string;
  /** Starts the line printed before an unexpected error (exit 1), e.g. '创建用户失败：'. */
  failure: string;
  /** Reads the arguments (and what else must be checked before the database opens); 'help' when --help was asked. */
  parse(argv: readonly string[]): T | 'help' | Promise<T | 'help'>;
  /** Opens the database; by default the one the environment names (DATABASE_URL or the PGlite folder). */
  open?: () => Promise<DbHandle>;
  /** The work, with the database open (it is closed afterwards); resolves to the exit code. */
  run(args: T, handle: DbHandle): Promise<number>;
}

/** The system actor, with the user and host the command was run from as its address (audit events name it). */
export function cliActor(): Actor {
  let who: string;
  try {
    who = `${os.userInfo().username}@${os.hostname()}`;
  } catch {
    // No passwd entry (some containers): the host alone still says where it ran.
    who = os.hostname();
  }
  return { ...SYSTEM_ACTOR, clientAddress: `cli:${who}` };
}

async function execute<T>(command: CliCommand<T>, argv: readonly string[]): Promise<number> {
  let args: T;
  try {
    const parsed = await command.parse(argv);
    if (parsed === 'help') {
      console.log(command.usage);
      return 0;
    }
    args = parsed;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${command.usage}`);
      return EXIT_USAGE;
    }
    throw error;
  }
  let handle: DbHandle;
  try {
    handle = await (command.open ?? (() => openDatabase(envOpenOptions())))();
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      console.error(error.message);
      return EXIT_LOCKED;
    }
    throw error;
  }
  try {
    return await command.run(args, handle);
  } finally {
    await handle.close();
  }
}

/** Runs the command with this process's arguments and exits with its code. */
export function runCli<T>(command: CliCommand<T>): void {
  execute(command, process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(command.failure, error);
      process.exit(1);
    },
  );
}
