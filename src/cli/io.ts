/** Where the CLI writes: injected so that tests run commands in-process and read what they printed. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stderr is an interactive terminal (progress bars are drawn only then). */
  readonly interactive: boolean;
}

export const processIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  interactive: Boolean(process.stderr.isTTY) && process.env['CI'] === undefined,
};
