import { VERSION } from '../index.js';
import { chatCommand } from './chat/chat-command.js';
import { CliError, EXIT } from './cli-error.js';
import { doctorCommand } from './doctor/doctor-command.js';
import { describeFailure } from './format-error.js';
import { chatHelp, doctorHelp, mainHelp } from './help-text.js';
import type { CliIo } from './io.js';
import { printFailure } from './print-failure.js';
import { closest } from './suggest.js';

const COMMANDS = { chat: chatCommand, doctor: doctorCommand } as const;
const HELP: Record<string, string> = { chat: chatHelp, doctor: doctorHelp };

/** Runs `chatwire <argv…>` and resolves with the exit code; never throws. */
export const runCli = async (argv: readonly string[], io: CliIo): Promise<number> => {
  const [command, ...rest] = argv;
  try {
    if (command === undefined) {
      io.stderr.write(mainHelp);
      return EXIT.usage;
    }
    if (command === '--help' || command === '-h') return show(io, mainHelp);
    if (command === 'help') return show(io, HELP[rest[0] ?? ''] ?? mainHelp);
    if (command === '--version' || command === '-v') return show(io, `${VERSION}\n`);
    const run = COMMANDS[command as keyof typeof COMMANDS];
    if (!run) throw unknownCommand(command);
    return await run(rest, io);
  } catch (error) {
    return printFailure(io, describeFailure(error, { debug: Boolean(io.env.CHATWIRE_DEBUG) }));
  }
};

const show = (io: CliIo, text: string): number => {
  io.stdout.write(text);
  return EXIT.ok;
};

const unknownCommand = (command: string): CliError => {
  const guess = closest(command.replace(/^-+/, ''), Object.keys(COMMANDS));
  const what = command.startsWith('-') ? 'option' : 'command';
  return new CliError(`Unknown ${what} "${command}".${guess ? ` Did you mean \`chatwire ${guess}\`?` : ''}`, {
    hint: 'Commands: chat, doctor. Run `chatwire --help` for usage.',
  });
};
