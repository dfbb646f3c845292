import { parseArgs } from 'node:util';

export type OutputFormat = 'json' | 'table';

const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'table'];

export const USAGE =
  'Usage: platform-adoption scan <dir> [--format json|table] [--config <app-config.yaml>]';

/** What the user asked for, once the command line is known to be valid. */
export type Command =
  | { name: 'help' }
  | {
      name: 'scan';
      /** The folder whose immediate subfolders are the repositories. */
      directory: string;
      format: OutputFormat;
      /** An app-config YAML file declaring custom platforms (`platformAdoption.platforms`). */
      configPath?: string;
    };

/**
 * The command line cannot be acted on; the message names the argument at
 * fault and is shown to the user as is, with a non-zero exit code.
 */
export class UsageError extends Error {
  readonly name = 'UsageError';
}

export function parseCommandLine(argv: string[]): Command {
  const { values, positionals } = parseOptions(argv);
  if (values.help) {
    return { name: 'help' };
  }

  const [command, directory, ...extra] = positionals;
  if (command === undefined) {
    throw new UsageError(`Missing command: expected 'scan'`);
  }
  if (command !== 'scan') {
    throw new UsageError(`Unknown command '${command}': expected 'scan'`);
  }
  if (directory === undefined) {
    throw new UsageError(
      'Missing <dir> argument: name the folder that holds the repositories',
    );
  }
  if (extra.length > 0) {
    throw new UsageError(
      `Unexpected argument '${extra[0]}': scan takes one <dir>`,
    );
  }

  return {
    name: 'scan',
    directory,
    format: outputFormatOf(values.format),
    configPath: values.config,
  };
}

function parseOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        config: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(describeParseError(error));
  }
}

// Node's own messages are long and suggest `--` tricks; say what was wrong
// with which option instead.
function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message: string };
  const option =
    /--[\w-]+/.exec(message)?.[0] ?? /'(-[^' ,]+)/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option '${option}': the options are --format and --config`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `Option '${option}' needs a value`;
    default:
      return message;
  }
}

function outputFormatOf(value: string | undefined): OutputFormat {
  if (value === undefined) {
    return 'json';
  }
  if (!OUTPUT_FORMATS.includes(value as OutputFormat)) {
    throw new UsageError(
      `Invalid --format '${value}': expected ${OUTPUT_FORMATS.join(' or ')}`,
    );
  }
  return value as OutputFormat;
}
