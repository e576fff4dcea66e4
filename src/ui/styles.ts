import chalk from 'chalk';

/** The few styles every message uses, so output looks the same everywhere. */
export const style = {
  create: chalk.green,
  update: chalk.yellow,
  error: chalk.red.bold,
  warn: chalk.yellow,
  hint: chalk.dim,
  command: chalk.cyan,
  title: chalk.bold,
  ok: chalk.green,
};
